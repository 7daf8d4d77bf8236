import type { Finding } from "../core/finding.ts";
import type { Completion } from "../core/indicators.ts";
import type { Grade } from "../core/report.ts";
import type { DerivedValue } from "./derive.ts";

/** Which rule produced an indicator's points. Stable ids for `--json`. */
export type RuleId =
  | "quantitative.met"
  | "quantitative.proportional"
  | "reverse.met"
  | "reverse.proportional"
  | "reverse.zero"
  | "not_applicable"
  | "qualitative.band"
  | "budget.proportional"
  | "budget.thresholds"
  | "missing.actual"
  | "missing.target"
  | "missing.weight"
  /** Rows scored by an explicit rule (a scheme's rowRules or the report's own 评分标准). */
  | "rule.met"
  | "rule.proportional"
  | "rule.zero"
  | "rule.step"
  | "rule.bands"
  | "rule.judgement";

/**
 * Why points were lost: rule = the rules impose it (a shortfall, a weight with no rows);
 * judgement = the officer chose it inside a qualitative band; missing = data to score it is absent.
 */
export type LossKind = "none" | "rule" | "judgement" | "missing";

/** One scored row (a third-level indicator, or the 预算执行率 row of a budget block). */
export interface IndicatorScore {
  /** Field path into the report, e.g. "indicators[2].groups[1].indicators[1]" or "budget". */
  path: string;
  /** "效益指标 / 满意度 / 辖区居民满意". */
  label: string;
  name: string;
  kind: "quantitative" | "qualitative" | "budget";
  rule: RuleId;
  target?: string;
  actual?: string;
  /** The number the rule used (percent points or the target's unit). */
  actualValue?: number;
  /** Set when the value the rule used was computed from budget figures. */
  derived?: Pick<DerivedValue, "key" | "formula" | "value">;
  completion?: Completion;
  /** The formula in words, with its numbers. */
  formula: string;
  weight: number;
  points: number;
  lost: number;
  lossKind: LossKind;
  /** The 得分 the officer reported, when given. */
  reported?: number;
  /** What would restore the lost points, in Chinese. */
  restore?: string;
  /** Points gained by the restore action. */
  restorable: number;
  /** The explicit rule the row was scored by, when not the scheme's default: where from and as written. */
  ruleSource?: { from: "criterion" | "scheme"; text?: string };
}

/** A first-level block. */
export interface BlockScore {
  /** Scheme block id, or "extra_N" for a report block the scheme does not know. */
  id: string;
  name: string;
  /** Weight the scheme gives the block. */
  weight: number;
  /** Weight written in the report's heading, when given. */
  statedWeight?: number;
  /** Sum of the rows' 分值. */
  rowWeightSum: number;
  /** Sum of the rows' points before capping or scaling. */
  rowPoints: number;
  points: number;
  lost: number;
  /** How the rows were fitted to the block weight when their 分值 do not add up to it. */
  fit: "exact" | "capped" | "scaled" | "unallocated";
  indicators: IndicatorScore[];
  /** The block's 得分 in the report's summary table. */
  reported?: number;
  /** Index of the matching row of the report's summary table. */
  summaryRow?: number;
  /** Paths of the report blocks that fed this scheme block. */
  sources: string[];
  /** Groups the scheme weighs whose rows' 分值 exceed that weight, with their points before and after. */
  groupCaps?: Array<{
    name: string;
    weight: number;
    rowWeightSum: number;
    rowPoints: number;
    points: number;
  }>;
  /** A bonus block (加分项): not part of the 100, never counted as points lost. */
  bonus?: true;
}

/** The result of scoring a report under a scheme: every number with its working, and the disagreements. */
export interface ScoreCard {
  schemeId: string;
  schemeName: string;
  total: number;
  grade: Grade;
  blocks: BlockScore[];
  derived: DerivedValue[];
  reported: { total?: number; totalRow?: number; grade?: Grade };
  findings: Finding[];
}
