import type { IndicatorRule, RuleComparator, Threshold } from "./indicator-rule.ts";
import { fmt, round } from "./rounding.ts";
import type { RuleId } from "./score-card.ts";

/** Where a row's rule came from, for the working: the report's own 评分标准 or the scheme. */
export interface RuleOrigin {
  rule: IndicatorRule;
  /** "报告所列评分标准" or "方案（…）规则". */
  from: string;
}

/** A quantitative row as the rule sees it. */
export interface RuleInput {
  weight: number;
  /** The actual value in the target's unit (percent points for a rate). */
  actual: number;
  /** The row's own target (指标值) and its unit. */
  target: { value: number; comparator: RuleComparator; unit: string; text: string };
  /** The actual as shown in the working ("86.5%", "168件"). */
  shown: string;
  decimals: number;
}

/** What a rule gives a row. */
export type RuleOutcome =
  | {
      ok: true;
      met: boolean;
      points: number;
      rule: RuleId;
      formula: string;
      /** The threshold that gives full marks, in words ("达到>95%"). */
      fullAt: string;
    }
  /** "否则酌情扣分": the officer's judgement decides, which the caller weighs with the reason given. */
  | { ok: true; judgement: true; formula: string; fullAt: string }
  | { ok: false; reason: string };

const COMPARE: Record<RuleComparator, (a: number, b: number) => boolean> = {
  "≥": (a, b) => a >= b - 1e-9,
  ">": (a, b) => a > b + 1e-9,
  "≤": (a, b) => a <= b + 1e-9,
  "<": (a, b) => a < b - 1e-9,
};

/** True when the comparator means "lower is better". */
function lowerIsBetter(c: RuleComparator): boolean {
  return c === "≤" || c === "<";
}

/** Whether `value` meets `comparator threshold`. */
export function meets(value: number, comparator: RuleComparator, threshold: number): boolean {
  return COMPARE[comparator](value, threshold);
}

function thresholdText(t: Threshold, unit: string): string {
  const what = t.basis === "completion" ? "完成率" : "";
  return `${what}${t.comparator}${fmt(t.value, 4)}${t.unit || unit}`;
}

/**
 * Applies a row's rule to its actual value: full marks when the threshold (the rule's, else the
 * row's own target) is met, otherwise the rule's method — proportional, zero, a step deduction,
 * bands of shares, or the officer's judgement (returned as `judgement: true`; the caller knows the
 * officer's score and reason). Pure; the formula shows every number used.
 */
export function applyRule(origin: RuleOrigin, row: RuleInput): RuleOutcome {
  const { rule, from } = origin;
  const w = row.weight;
  const d = row.decimals;
  const threshold: Threshold = rule.full ?? {
    comparator: row.target.comparator,
    value: row.target.value,
    unit: row.target.unit,
    basis: "value",
  };
  if (
    threshold.basis === "value" &&
    threshold.unit !== "" &&
    row.target.unit !== "" &&
    threshold.unit !== row.target.unit
  ) {
    return {
      ok: false,
      reason: `${from}的标准以“${threshold.unit}”计，而指标值“${row.target.text}”以“${row.target.unit}”计，无法比较`,
    };
  }
  if (threshold.basis === "completion" && row.target.value <= 0) {
    return { ok: false, reason: `指标值“${row.target.text}”为0，无法计算完成率` };
  }
  const value = threshold.basis === "completion" ? (row.actual / row.target.value) * 100 : row.actual;
  const unit = threshold.basis === "completion" ? "%" : threshold.unit || row.target.unit;
  const shown = threshold.basis === "completion" ? `${fmt(value, 2)}%（${row.shown}）` : row.shown;
  const label = rule.text === undefined ? from : `${from}“${rule.text}”`;
  const fullAt = thresholdText(threshold, row.target.unit);
  const met = meets(value, threshold.comparator, threshold.value);
  const head = `按${label}：${threshold.basis === "completion" ? "完成率" : "实际值"}${shown}`;
  if (met) {
    return {
      ok: true,
      met,
      points: w,
      rule: "rule.met",
      formula: `${head}达到${fullAt}，得满分${fmt(w)}分`,
      fullAt,
    };
  }
  const lower = lowerIsBetter(threshold.comparator);
  const o = rule.otherwise;
  const miss = `${head}未达到${fullAt}`;
  switch (o.method) {
    case "proportional": {
      if (lower && value <= 0)
        return { ok: true, met, points: 0, rule: "rule.zero", formula: `${miss}，计0分`, fullAt };
      const points = lower
        ? round((w * threshold.value) / value, d)
        : threshold.value > 0
          ? round((w * value) / threshold.value, d)
          : w;
      const working = lower
        ? `${fmt(w)} × ${fmt(threshold.value, 4)} ÷ ${fmt(value, 4)}`
        : `${fmt(w)} × ${fmt(value, 4)} ÷ ${fmt(threshold.value, 4)}`;
      return {
        ok: true,
        met,
        points: Math.min(points, w),
        rule: "rule.proportional",
        formula: `${miss}，按比例计分：${working} = ${fmt(Math.min(points, w))}分`,
        fullAt,
      };
    }
    case "zero":
      return { ok: true, met, points: 0, rule: "rule.zero", formula: `${miss}，不得分`, fullAt };
    case "step": {
      const gap = lower ? value - threshold.value : threshold.value - value;
      const raw = gap / o.per;
      const steps =
        o.partial === "prorate"
          ? raw
          : o.partial === "ceil"
            ? Math.ceil(Number(raw.toPrecision(12)))
            : Math.floor(Number(raw.toPrecision(12)));
      const deduction = round(steps * o.deduct, d);
      const points = round(Math.max(o.floor, w - deduction), d);
      const gapUnit = unit === "%" ? "个百分点" : unit;
      const stepsText = o.partial === "prorate" ? `${fmt(steps, 4)}` : `${steps}`;
      return {
        ok: true,
        met,
        points: Math.min(points, w),
        rule: "rule.step",
        formula: `${miss}，${lower ? "超出" : "差"}${fmt(gap, 4)}${gapUnit}，每${fmt(o.per, 4)}${gapUnit}扣${fmt(o.deduct)}分：扣${stepsText} × ${fmt(o.deduct)} = ${fmt(deduction)}分，得${fmt(w)} − ${fmt(deduction)} = ${fmt(Math.min(points, w))}分${w - deduction < o.floor - 1e-9 ? `（不低于${fmt(o.floor)}分）` : ""}`,
        fullAt,
      };
    }
    case "bands": {
      const band = o.bands.find((b) => meets(value, b.comparator, b.value));
      const share = band?.share ?? o.rest;
      const points = round(w * share, d);
      const where = band === undefined ? "低于各档" : `在${band.comparator}${fmt(band.value, 4)}${unit}档`;
      return {
        ok: true,
        met,
        points,
        rule: "rule.bands",
        formula: `${miss}，${where}，得分值的${fmt(share * 100, 2)}%：${fmt(w)} × ${fmt(share, 4)} = ${fmt(points)}分`,
        fullAt,
      };
    }
    case "judgement":
      return { ok: true, judgement: true, formula: miss, fullAt };
  }
}
