import type { Finding } from "../core/finding.ts";
import type { Indicator } from "../core/indicators.ts";
import type { Target } from "../core/target.ts";
import { measureOf, type ParsedNumber, readValue, relateUnits } from "../numbers/index.ts";
import { type IndicatorContext, indicatorFinding } from "./indicator-context.ts";

type Quantitative = Extract<Target, { kind: "quantitative" }>;

/** The reported actual value of a quantitative row, expressed in the target's unit. */
export interface ReportedActual {
  /** The number in the target's unit (50厘米 against a target in 米 → 0.5). */
  value: number;
  /** Digits after the point as written. */
  decimals: number;
  /** The unit as written ("%", "万元", "场"; "" when none). */
  unit: string;
  /** The unit `value` is shown in: the target's, or the actual's own when both are different count words. */
  shownUnit: string;
  approximate: boolean;
  comparator: ParsedNumber["comparator"];
}

const MONEY = ["元", "万元", "亿元"];

/**
 * The unit a quantitative target is in: its own ("≥266米" → 米), else the row's 度量单位 when that is
 * a unit ("%", "次", "米"), else "".
 */
export function targetUnit(ind: Indicator, target: Quantitative): string {
  if (target.unit !== "") return target.unit;
  const column = (ind.unit ?? "").trim().replace("％", "%");
  return column === "%" || measureOf(column) !== undefined ? column : "";
}

function finding(
  ctx: IndicatorContext,
  code: string,
  severity: Finding["severity"],
  message: string,
  ind: Indicator,
) {
  return indicatorFinding(ctx, code, severity, message, ind.actual);
}

/**
 * Reads the 实际完成值 of a quantitative row in the target's unit. Units are compared only when they
 * agree or convert (厘米/米/公里, 元/万元, 平方米/公顷…): an actual in another kind of unit (人 against
 * 米, 万元 against %) is not compared (`actual.unit_mismatch`); two different count words (场 against
 * 次) are compared as numbers and noted (`actual.unit_differs`). A value that cannot be read as a number
 * (scan noise such as "XlO0%") is `actual.unreadable`, never guessed; an actual that repeats the
 * target's bound ("≥266米" for "≥266米") is `actual.missing` (a warning: the row is scored on the bound). Returns undefined when there is no
 * number to score on; the findings explain why.
 */
export function reportedActual(
  ind: Indicator,
  target: Quantitative,
  ctx: IndicatorContext,
  findings: Finding[],
): ReportedActual | undefined {
  if (ind.actual === undefined) return undefined;
  const read = readValue(ind.actual);
  const unit = targetUnit(ind, target);
  const example = `例如“${target.value}${unit}”`;
  if (read.kind === "unreadable") {
    const message = `“${ind.name}”的实际完成值“${read.text}”无法识别为数字（${read.reason}），未采用，未按规则计分。请核对原件，填写实际完成的数值，${example}。`;
    findings.push(finding(ctx, "actual.unreadable", "warn", message, ind));
    return undefined;
  }
  if (read.kind !== "number") return undefined;
  const n = read.number;
  const written = n.unit ?? n.counter ?? "";
  const relation =
    unit === "" && MONEY.includes(written) ? { kind: "different" as const } : relateUnits(written, unit);
  if (relation.kind === "different") {
    const message = `“${ind.name}”的实际完成值“${ind.actual}”以“${written}”计，指标值“${target.text}”以“${unit || "无单位的数"}”计，单位不同，无法比较，未按规则计分。请按指标值的单位填写实际完成值，${example}。`;
    findings.push(finding(ctx, "actual.unit_mismatch", "error", message, ind));
    return undefined;
  }
  if (relation.kind === "counts") {
    const message = `“${ind.name}”的指标值以“${unit}”计，实际完成值“${ind.actual}”以“${written}”计：两者都是计数，已按数值比较（${n.value}对${target.value}）。请核对两处的单位是否一致。`;
    findings.push(finding(ctx, "actual.unit_differs", "warn", message, ind));
  }
  if (n.comparator !== null && n.comparator !== "=" && sameText(ind.actual, target.text)) {
    const message = `“${ind.name}”的实际完成值写的是“${ind.actual}”，与指标值“${target.text}”相同：这是照抄的目标范围，不是实际完成的数值，所以本行缺少实际完成值（暂按指标值${target.value}${unit}计分）。请填写实际完成的数值，${example}。`;
    findings.push(finding(ctx, "actual.missing", "warn", message, ind));
  }
  const factor = relation.kind === "same" ? relation.factor : 1;
  const value = factor === 1 ? n.value : Number((n.value * factor).toPrecision(12));
  const shownUnit = relation.kind === "counts" ? written : unit;
  return {
    value,
    decimals: n.decimals,
    unit: written,
    shownUnit,
    approximate: n.approximate,
    comparator: n.comparator,
  };
}

function sameText(a: string, b: string): boolean {
  const squash = (s: string) => s.replace(/\s+/gu, "").replace("＞", ">").replace("＜", "<");
  return squash(a) === squash(b);
}
