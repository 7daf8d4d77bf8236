import type { Report } from "../core/report.ts";
import type { BlockScore, IndicatorScore, ScoreCard } from "../scoring/score-card.ts";
import type { DraftInput, Fact, FactSheet } from "./draft-types.ts";
import { type NumberedRow, numberedRows } from "./indicator-facts.ts";
import { findNumberMentions } from "./number-mentions.ts";

/**
 * What every section writer of the deterministic drafter reads: the input, the numbered rows of the
 * facts sheet, and safe ways to cite a figure. Writers cite figures only as `[[key]]` through `fig`,
 * after checking `has`, so the same fill and grounding apply to them as to the LLM.
 */
export interface SectionKit {
  input: DraftInput;
  report: Report;
  card: ScoreCard;
  sheet: FactSheet;
  /** The unit's name as the report gives it. */
  unit: string;
  /** How the report speaks of itself: 我单位 (部门整体) or 本项目. */
  we: string;
  /** Third-level rows numbered as in the facts sheet (`indicator.<n>.*`), without the 预算执行率 row. */
  rows: NumberedRow[];
  has(key: string): boolean;
  fact(key: string): Fact | undefined;
  /** `[[key]]` when the sheet has the fact, else "（报告未提供）": never a placeholder the fill would refuse. */
  fig(key: string): string;
  /** The numbered row of a card row (undefined for the 预算执行率 row). */
  numbered(row: IndicatorScore): NumberedRow | undefined;
  /** The fact-key prefix of a card row: `indicator.<n>` or `budget` for the 预算执行率 row. */
  prefix(row: IndicatorScore): string | undefined;
  /**
   * A row's name in quotes as the draft prints it: the 预算执行率 row by its label (“预算执行（预算执行率）”),
   * a name used by several rows with its block, or its group when they share a block
   * (“预算执行率”（投入管理指标）, “全区网络的接入率”（重点工作任务完成）).
   */
  title(row: IndicatorScore): string;
  /** A task's name in quotes without the table's numbering; “第N项任务” when the name holds a figure. */
  taskTitle(index: number): string;
  /**
   * "计算得[[score.total]]，评价等级为“优”": the rules' total and grade. When the report states another
   * total or grade, worded without 综合得分 / 评价等级 so the narrative does not read as restating
   * the table (value.conflict); the stated figures are named where the draft explains the difference.
   */
  verdict(): string;
  /** Label of a missing figure, from `sheet.missing` or the fallback given. */
  missingLabel(key: string, fallback: string): string;
}

/** Builds the kit for one draft input. */
export function sectionKit(input: DraftInput): SectionKit {
  const { report, card, sheet } = input;
  const byKey = new Map(sheet.facts.map((f) => [f.key, f]));
  const rows = numberedRows(report, card);
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const blocksOf = new Map<string, Set<string>>();
  for (const b of card.blocks) {
    for (const r of b.indicators) blocksOf.set(r.name, (blocksOf.get(r.name) ?? new Set()).add(b.id));
  }
  const count = new Map<string, number>();
  for (const r of card.blocks.flatMap((b) => b.indicators)) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  return {
    input,
    report,
    card,
    sheet,
    unit: report.unit.name,
    we: report.kind === "project" ? "本项目" : "我单位",
    rows,
    has: (key) => byKey.has(key),
    fact: (key) => byKey.get(key),
    fig: (key) => (byKey.has(key) ? `[[${key}]]` : "（报告未提供）"),
    numbered: (row) => byRow.get(row),
    prefix: (row) => {
      if (row.kind === "budget") return "budget";
      const n = byRow.get(row);
      return n === undefined ? undefined : `indicator.${n.n}`;
    },
    title: (row) => {
      if (row.kind === "budget") return q(row.label);
      if (hasFigure(row.name)) return figureFreeTitle(card, row);
      if ((count.get(row.name) ?? 0) < 2) return q(row.name);
      const [block, group] = row.label.split(" / ");
      const where = (blocksOf.get(row.name)?.size ?? 0) > 1 ? block : group;
      return where === undefined || where === row.name ? q(row.name) : `${q(row.name)}（${where}）`;
    },
    taskTitle: (index) => {
      const name = plainName(report.tasks[index]?.name ?? "");
      return name === "" || hasFigure(name) ? `第${index + 1}项任务` : q(name);
    },
    verdict: () => {
      const { total, grade } = card.reported;
      const agrees =
        (total === undefined || Math.abs(total - card.total) < 0.005) &&
        (grade === undefined || grade === card.grade);
      const score = byKey.has("score.total") ? "[[score.total]]" : "（报告未提供）";
      return agrees ? `计算得${score}，评价等级为“${card.grade}”` : `计算得${score}，对应“${card.grade}”档`;
    },
    missingLabel: (key, fallback) => sheet.missing.find((m) => m.key === key)?.label ?? fallback,
  };
}

/** Whether a name carries a figure the grounding check would have to find in the facts ("32个乡镇"). */
export function hasFigure(text: string): boolean {
  return findNumberMentions(text).length > 0;
}

/**
 * A row whose name holds figures, named by its place instead: “产出指标”第2项三级指标. Numbers after
 * 第 are ordinals, not figures, so the grounding check passes them; the officer finds the row by it.
 */
function figureFreeTitle(card: ScoreCard, row: IndicatorScore): string {
  const block = card.blocks.find((b) => b.indicators.includes(row));
  if (block === undefined) return "一项三级指标";
  return `${q(block.name)}第${block.indicators.indexOf(row) + 1}项三级指标`;
}

/** "报告未提供预算执行数，执行率无法计算，请补充。": the wording a draft uses instead of an absent figure. */
export function missingSentence(label: string, consequence?: string): string {
  return `报告未提供${label}${consequence ? `，${consequence}` : ""}，请补充。`;
}

/** An indicator or task name without the table's own numbering ("任务1: 运维服务外包项目" → "运维服务外包项目"). */
export function plainName(name: string): string {
  return name.replace(/^\s*任务\s*\d+\s*[:：、.．]\s*/, "").trim();
}

/** A name in Chinese quotes (closing punctuation dropped), unless it has its own: “预算调整率”, “三公经费”控制率. */
export function q(name: string): string {
  const bare = name.trim().replace(/[。．.；;，,、]+$/u, "");
  return bare.includes("“") ? bare : `“${bare}”`;
}

/** Names in Chinese quotes, each once: “A”“B”“C”. */
export function quoted(names: readonly string[]): string {
  return [...new Set(names)].map(q).join("");
}

/** The block a card row belongs to. */
export function blockOf(card: ScoreCard, row: IndicatorScore): BlockScore | undefined {
  return card.blocks.find((b) => b.indicators.includes(row));
}

/** Whether a row got its full 分值 by the rules. */
export function isFull(row: IndicatorScore): boolean {
  return row.weight > 0 && row.points >= row.weight - 0.005;
}

/** The comparator the report wrote before a quantitative target ("≥", "≤"), or "" when none. */
export function comparatorOf(n: NumberedRow | undefined): string {
  const target = n?.indicator?.target;
  return target?.kind === "quantitative" ? (target.comparator ?? "") : "";
}
