import { z } from "zod";

/**
 * How one indicator row is scored, as data: when it earns full marks (`full`) and what it earns
 * otherwise (`otherwise`). The same shape comes from a scheme file (per indicator or per group) and
 * from a report's own 评分标准 column, read by src/scoring/criterion/.
 *
 * Examples (w = the row's 分值):
 * - "资金使用率>95%得满分，否则按比例得分" → `{ full: { comparator: ">", value: 95, unit: "%" }, otherwise: { method: "proportional" } }`
 * - "每减少30件扣1分" (target 500件) → `{ otherwise: { method: "step", per: 30, deduct: 1 } }`
 * - "完成得满分，未完成不得分" → `{ otherwise: { method: "zero" } }`
 * - "≥95%得满分，90%-95%得80%，<90%不得分" → `{ full: {≥95%}, otherwise: { method: "bands", bands: [{ comparator: "≥", value: 90, share: 0.8 }] } }`
 * - "达到得满分，否则酌情扣分并说明理由" → `{ otherwise: { method: "judgement" } }`
 */
const RuleComparatorSchema = z.enum(["≥", ">", "≤", "<"]);
export type RuleComparator = z.infer<typeof RuleComparatorSchema>;

/**
 * A threshold: "≥95%", ">95%", "≤3%", "不少于500件". Unit "" when the row's own unit is meant.
 * `basis` completion: the value compared is the row's completion rate (实际值 ÷ 指标值 × 100%), as in
 * "完成率≥95%得满分" on a row counted in 件; value (default): the row's actual value itself.
 */
const ThresholdSchema = z.object({
  comparator: RuleComparatorSchema,
  value: z.number(),
  unit: z.string().default(""),
  basis: z.enum(["value", "completion"]).default("value"),
});
export type Threshold = z.output<typeof ThresholdSchema>;

/** One band of "rates to shares of the weight": the first band whose threshold the actual meets. */
const RuleBandSchema = z.object({
  comparator: RuleComparatorSchema,
  value: z.number(),
  /** Share of the weight earned in this band, 0–1 (0.8 = 80% of the 分值). */
  share: z.number(),
});
export type RuleBand = z.output<typeof RuleBandSchema>;

/** What a row that does not reach full marks earns. */
const OtherwiseSchema = z.discriminatedUnion("method", [
  /** 分值 × 实际值 ÷ 标准值 (for a lower-is-better row: 分值 × 标准值 ÷ 实际值). The national default. */
  z.object({ method: z.literal("proportional") }),
  /** All or nothing: "未完成不得分". */
  z.object({ method: z.literal("zero") }),
  /**
   * A step deduction: every `per` units short of the threshold (percentage points for a rate) takes
   * `deduct` points, never below `floor` points. `partial` says how a part step counts: floor (a
   * whole step only, "每减少30件扣1分" read literally), ceil (any part counts as a step) or prorate.
   */
  z.object({
    method: z.literal("step"),
    /** Checked by ruleProblems, which names the indicator: must be > 0. */
    per: z.number(),
    /** Checked by ruleProblems: must be > 0. */
    deduct: z.number(),
    floor: z.number().default(0),
    partial: z.enum(["floor", "ceil", "prorate"]).default("floor"),
  }),
  /** Bands of the actual value to shares of the weight; below every band the row earns `rest` (default 0). */
  z.object({
    method: z.literal("bands"),
    bands: z.array(RuleBandSchema).min(1, "按档次计分时至少需要一个档次"),
    rest: z.number().min(0).max(1).default(0),
  }),
  /** "达到得满分，否则酌情扣分并说明理由": the officer's score, accepted when a reason is written. */
  z.object({ method: z.literal("judgement") }),
]);
export type Otherwise = z.output<typeof OtherwiseSchema>;

/** A row's scoring rule. */
const IndicatorRuleSchema = z.object({
  /** When the row earns full marks. Absent: when it meets its own target (指标值). */
  full: ThresholdSchema.optional(),
  otherwise: OtherwiseSchema.default({ method: "proportional" }),
  /** The rule as written, when it came from a report's 评分标准 or a scheme's text ("每减少30件扣1分"). */
  text: z.string().optional(),
});
export type IndicatorRule = z.output<typeof IndicatorRuleSchema>;
export type IndicatorRuleInput = z.input<typeof IndicatorRuleSchema>;

/**
 * A scheme's rule for some rows: the rows of a named indicator (`names`, matched after removing
 * spaces and quotes), or every row of a second-level group (`group`) or block (`block`, a scheme
 * block id). The most specific match wins: names, then group, then block.
 */
export const RowRuleSchema = z
  .object({
    names: z.array(z.string().min(1)).default([]),
    group: z.string().optional(),
    block: z.string().optional(),
    rule: IndicatorRuleSchema,
  })
  .refine((r) => r.names.length > 0 || r.group !== undefined || r.block !== undefined, {
    message: "规则必须指明适用的指标（names）、二级指标（group）或一级指标（block）",
  });

/**
 * What is wrong with a rule in itself, in Chinese, one line each: a step that is not positive, a floor
 * below zero, a share outside 0–1, a percent threshold above 100% (no rate of a share reaches it).
 * Empty when the rule is sound. Used by scheme validation and by the reader of printed criteria.
 */
export function ruleProblems(rule: IndicatorRule): string[] {
  const problems: string[] = [];
  const o = rule.otherwise;
  const over100 = (t: { comparator: RuleComparator; value: number; unit: string }) =>
    t.unit === "%" && t.value > 100 && (t.comparator === "≥" || t.comparator === ">");
  if (rule.full !== undefined && rule.full.basis === "value" && over100(rule.full)) {
    problems.push(`满分标准“${rule.full.comparator}${rule.full.value}%”超过100%，比率不可能达到`);
  }
  if (o.method === "step") {
    if (!(o.per > 0)) problems.push(`扣分步长为${o.per}，必须大于0（例如“每减少30件扣1分”写 per: 30）`);
    if (!(o.deduct > 0)) problems.push(`每步扣分为${o.deduct}，必须大于0（例如“扣1分”写 deduct: 1）`);
    if (o.floor < 0) problems.push(`最低得分为${o.floor}，不能为负数`);
  }
  if (o.method === "bands") {
    for (const b of o.bands) {
      if (b.share < 0 || b.share > 1)
        problems.push(`档次“${b.comparator}${b.value}”的得分比例${b.share}应在0到1之间（0.8即80%）`);
      if (rule.full?.basis !== "completion" && over100({ ...b, unit: rule.full?.unit ?? "" })) {
        problems.push(`档次“${b.comparator}${b.value}%”超过100%，比率不可能达到`);
      }
    }
    if (o.rest < 0 || o.rest > 1) problems.push(`其余情况的得分比例${o.rest}应在0到1之间`);
  }
  return problems;
}
