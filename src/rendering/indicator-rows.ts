import type { Block, Group, Indicator } from "../core/indicators.ts";
import { pending } from "../drafting/pending.ts";
import { fmt } from "../scoring/rounding.ts";
import type { IndicatorScore, ScoreCard } from "../scoring/score-card.ts";
import type { ViewCell } from "./report-view.ts";
import { num, scoreText, td, th } from "./view-format.ts";

/** Column headers of the indicator part, in the wording of the family's 自评表. */
export interface IndicatorWording {
  target: string;
  reason: string;
}

/** 部门整体 wording (seed 000). */
export const DEPARTMENT_INDICATORS: IndicatorWording = { target: "指标值", reason: "偏差原因分析" };

/** 项目支出 wording (seed 003 annex). */
export const PROJECT_INDICATORS: IndicatorWording = {
  target: "年度指标值",
  reason: "偏差原因分析及改进措施",
};

/** The unit a row's figures are in: the target's own ("57人" → 人), else the 度量单位 column when it is a unit. */
function rowUnit(ind: Indicator): string {
  const target = ind.target;
  if (target?.kind !== "quantitative") return "";
  if (target.unit !== "") return target.unit;
  const column = ind.unit?.trim() ?? "";
  return column === "" || /定性|定量|指标/u.test(column) ? "" : column;
}

/** The target as written, with the row's counter unit when the figure lacks one ("≥5" + "个"). */
function targetText(ind: Indicator): string {
  const target = ind.target;
  if (target === undefined) return pending("指标值");
  const unit = rowUnit(ind);
  return target.kind === "quantitative" && target.unit === "" && unit !== "" && !target.text.endsWith(unit)
    ? `${target.text}${unit}`
    : target.text;
}

/**
 * The actual value as written; a bare number ("59") gets the unit of its target ("57人" → "59人"),
 * the same unit only: a target without unit gives none. Never given: 〔待补充：实际完成值〕.
 */
export function actualText(ind: Indicator): string {
  const actual = ind.actual?.trim() ?? "";
  if (actual === "") return pending("实际完成值");
  const unit = rowUnit(ind);
  return unit !== "" && /^[0-9][0-9,]*(?:\.[0-9]+)?$/u.test(actual) ? `${actual}${unit}` : actual;
}

function indicatorCells(ind: Indicator, scored: IndicatorScore | undefined): ViewCell[] {
  const points =
    scored !== undefined
      ? scoreText(scored.points, scored.reported)
      : ind.score === undefined
        ? "未评分"
        : fmt(ind.score);
  return [
    td(ind.name),
    td(targetText(ind)),
    td(actualText(ind)),
    num(ind.weight === undefined ? pending("分值") : fmt(ind.weight)),
    num(points),
    td(ind.deviationReason?.trim() ?? ""),
  ];
}

function groupRows(group: Group, path: string, scores: ReadonlyMap<string, IndicatorScore>): ViewCell[][] {
  const label = group.weight === undefined ? group.name : `${group.name}（${fmt(group.weight)}分）`;
  if (group.indicators.length === 0) {
    return [[td(label), td(pending("三级指标")), td("—"), td("—"), num("—"), num("—"), td("")]];
  }
  return group.indicators.map((ind, i) => {
    const cells = indicatorCells(ind, scores.get(`${path}.indicators[${i}]`));
    return i === 0 ? [td(label, { rowSpan: group.indicators.length }), ...cells] : cells;
  });
}

/** Rows a block takes: one per third-level indicator, at least one per group and per block. */
function blockRows(block: Block): number {
  return Math.max(
    1,
    block.groups.reduce((n, g) => n + Math.max(1, g.indicators.length), 0),
  );
}

/**
 * The indicator part of a 自评表 (8 columns): a header row, then one row per third-level indicator,
 * the 一级指标 cell spanning all rows of its block and the 二级指标 cell the rows of its group. 得分 is
 * the rules' score, the officer's in brackets when it differs; 一级指标 carries the scheme's weight.
 */
export function indicatorRows(
  blocks: readonly Block[],
  card: ScoreCard,
  wording: IndicatorWording,
): ViewCell[][] {
  const scores = new Map(card.blocks.flatMap((b) => b.indicators).map((i) => [i.path, i]));
  const header = [
    th("一级指标"),
    th("二级指标"),
    th("三级指标"),
    th(wording.target),
    th("实际完成值"),
    th("分值"),
    th("得分"),
    th(wording.reason),
  ];
  const rows: ViewCell[][] = [header];
  blocks.forEach((block, b) => {
    const path = `indicators[${b}]`;
    const weight = card.blocks.find((c) => c.sources.includes(path))?.weight ?? block.weight;
    const label = weight === undefined ? block.name : `${block.name}（${fmt(weight)}分）`;
    const first = td(label, { rowSpan: blockRows(block) });
    const body =
      block.groups.length === 0
        ? [[td(pending("二级、三级指标"), { colSpan: 7 })]]
        : block.groups.flatMap((g, i) => groupRows(g, `${path}.groups[${i}]`, scores));
    body.forEach((cells, i) => {
      rows.push(i === 0 ? [first, ...cells] : cells);
    });
  });
  return rows;
}
