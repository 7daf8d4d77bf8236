import type { Indicator } from "../core/indicators.ts";
import type { Report } from "../core/report.ts";
import { fmt, round } from "../scoring/rounding.ts";
import type { IndicatorScore, ScoreCard } from "../scoring/score-card.ts";
import { FACT_UNITS, type Fact, type FactUnit, type MissingFact } from "./draft-types.ts";
import { percentFact, plainFact, pointsFact } from "./fact-builders.ts";

/** A scored third-level row with its 1-based number in the facts sheet and the report's indicator. */
export interface NumberedRow {
  n: number;
  row: IndicatorScore;
  indicator: Indicator | undefined;
}

const PATH = /^indicators\[(\d+)\]\.groups\[(\d+)\]\.indicators\[(\d+)\]$/;

/** The report's indicator a card row was scored from (its `path`), when the path points at one. */
function indicatorAt(report: Report, path: string): Indicator | undefined {
  const m = PATH.exec(path);
  if (m === null) return undefined;
  const [, b, g, i] = m;
  return report.indicators[Number(b)]?.groups[Number(g)]?.indicators[Number(i)];
}

/**
 * The card's third-level rows numbered 1, 2, … in card order (`card.blocks.flatMap(b => b.indicators)`),
 * leaving out the 预算执行率 row (kind "budget"), which has its own `budget.*` keys.
 */
export function numberedRows(report: Report, card: ScoreCard): NumberedRow[] {
  return card.blocks
    .flatMap((b) => b.indicators)
    .filter((row) => row.kind !== "budget")
    .map((row, i) => ({ n: i + 1, row, indicator: indicatorAt(report, row.path) }));
}

const COUNT_UNITS: readonly FactUnit[] = FACT_UNITS.filter((u) => !["万元", "元", "%", ""].includes(u));

/** How a target's number is kept and printed: the fact unit, the multiplier to it, the word printed. */
function targetUnit(
  targetUnit: string,
  column: string | undefined,
): { unit: FactUnit; scale: number; suffix: string } {
  if (targetUnit === "%") return { unit: "%", scale: 1, suffix: "%" };
  if (targetUnit === "万元" || targetUnit === "元") return { unit: targetUnit, scale: 1, suffix: targetUnit };
  if (targetUnit === "亿元") return { unit: "万元", scale: 1e4, suffix: "万元" };
  // The 度量单位 column, else the unit written with the target ("≥120个"): a value keeps its unit.
  const written =
    [column?.trim() ?? "", targetUnit.trim()].find((w) => w !== "" && !/定性|定量|指标/u.test(w)) ?? "";
  const known = COUNT_UNITS.find((u) => u === written);
  if (known !== undefined) return { unit: known, scale: 1, suffix: known };
  // A counter the facts do not name (台, 次, 户): the fact is unit-less, the text keeps the word.
  const suffix = /^[\p{Script=Han}]{1,2}$/u.test(written) && !/定性|定量|指标/.test(written) ? written : "";
  return { unit: "", scale: 1, suffix };
}

function numberFact(
  key: string,
  label: string,
  value: number,
  shape: { unit: FactUnit; suffix: string },
  derived: boolean,
): Fact[] {
  if (shape.unit === "%") return percentFact(key, label, value, derived);
  const decimals = shape.unit === "万元" || shape.unit === "元" ? 4 : 2;
  const rounded = round(value, decimals);
  return [
    {
      key,
      label,
      value: rounded,
      unit: shape.unit,
      text: `${fmt(rounded, decimals)}${shape.suffix}`,
      derived,
    },
  ];
}

/** Facts of one numbered row: weight, points, lost, reported, target, actual and gap. */
function rowFacts({ n, row, indicator }: NumberedRow): Fact[] {
  const key = `indicator.${n}`;
  const name = `“${row.name}”`;
  const hasWeight = indicator === undefined ? row.rule !== "missing.weight" : indicator.weight !== undefined;
  const target = indicator?.target?.kind === "quantitative" ? indicator.target : undefined;
  const shape = target === undefined ? undefined : targetUnit(target.unit, indicator?.unit);
  const targetValue = target === undefined || shape === undefined ? undefined : target.value * shape.scale;
  const actualValue = shape === undefined ? undefined : row.actualValue;
  const facts: Fact[] = [
    ...(hasWeight
      ? [
          ...pointsFact(`${key}.weight`, `${name}分值`, row.weight, false),
          ...pointsFact(`${key}.points`, `${name}得分（按评分规则）`, row.points),
          ...pointsFact(`${key}.lost`, `${name}失分（按评分规则）`, row.lost),
        ]
      : []),
    ...pointsFact(`${key}.reported`, `${name}得分（报告自评）`, row.reported, false),
  ];
  if (shape !== undefined && targetValue !== undefined) {
    facts.push(...numberFact(`${key}.target`, `${name}指标值`, targetValue, shape, false));
  }
  if (shape !== undefined && actualValue !== undefined) {
    const derived = row.derived !== undefined;
    const label = derived ? `${name}实际完成值（按预算数据计算）` : `${name}实际完成值`;
    facts.push(...numberFact(`${key}.actual`, label, actualValue, shape, derived));
  }
  if (shape?.unit === "%" && targetValue !== undefined && actualValue !== undefined) {
    const diff = round(actualValue, 2) - targetValue;
    const side = diff < 0 ? "低于" : diff > 0 ? "高于" : "等于";
    facts.push(
      ...plainFact(`${key}.gap`, `${name}实际完成值${side}指标值的差距`, Math.abs(diff), "个百分点", {
        derived: true,
      }),
    );
  }
  return facts;
}

/** Facts of every numbered row, then the counts of rows (indicators.count) and full-mark rows (indicators.full). */
export function indicatorFacts(rows: readonly NumberedRow[]): Fact[] {
  if (rows.length === 0) return [];
  const full = rows.filter(({ row }) => row.weight > 0 && row.points >= row.weight - 0.005).length;
  return [
    ...rows.flatMap(rowFacts),
    ...plainFact("indicators.count", "三级指标个数", rows.length, "个", { derived: true }),
    ...plainFact("indicators.full", "得满分的三级指标个数", full, "个", { derived: true }),
  ];
}

/** The figures each row lacks: 指标值, 实际完成值 (none or not usable), 分值; one entry per figure. */
export function missingRowFacts(rows: readonly NumberedRow[]): MissingFact[] {
  return rows.flatMap(({ n, row, indicator }) => {
    const name = `“${row.name}”`;
    const out: MissingFact[] = [];
    const noTarget = indicator === undefined ? row.rule === "missing.target" : indicator.target === undefined;
    const noActual = indicator !== undefined && (indicator.actual ?? "").trim() === "";
    const noWeight = indicator === undefined ? row.rule === "missing.weight" : indicator.weight === undefined;
    if (noTarget) out.push({ key: `indicator.${n}.target`, label: `${name}指标值` });
    if (noActual || row.rule === "missing.actual") {
      out.push({ key: `indicator.${n}.actual`, label: `${name}实际完成值` });
    }
    if (noWeight) out.push({ key: `indicator.${n}.weight`, label: `${name}分值` });
    return out;
  });
}
