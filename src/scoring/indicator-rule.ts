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
export const RuleComparatorSchema = z.enum(["≥", ">", "≤", "<"]);
export type RuleComparator = z.infer<typeof RuleComparatorSchema>;

/**
 * A threshold: "≥95%", ">95%", "≤3%", "不少于500件". Unit "" when the row's own unit is meant.
 * `basis` completion: the value compared is the row's completion rate (实际值 ÷ 指标值 × 100%), as in
 * "完成率≥95%得满分" on a row counted in 件; value (default): the row's actual value itself.
 */
export const ThresholdSchema = z.object({
  comparator: RuleComparatorSchema,
  value: z.number(),
  unit: z.string().default(""),
  basis: z.enum(["value", "completion"]).default("value"),
});
export type Threshold = z.output<typeof ThresholdSchema>;

/** One band of "rates to shares of the weight": the first band whose threshold the actual meets. */
export const RuleBandSchema = z.object({
  comparator: RuleComparatorSchema,
  value: z.number(),
  /** Share of the weight earned in this band, 0–1 (0.8 = 80% of the 分值). */
  share: z.number().min(0, "档次得分比例不能为负数").max(1, "档次得分比例不能超过1（即100%）"),
});
export type RuleBand = z.output<typeof RuleBandSchema>;

/** What a row that does not reach full marks earns. */
export const OtherwiseSchema = z.discriminatedUnion("method", [
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
    per: z.number().positive("扣分步长必须大于0，例如每减少30件扣1分写 per: 30"),
    deduct: z.number().positive("每步扣分必须大于0，例如扣1分写 deduct: 1"),
    floor: z.number().min(0, "最低得分不能为负数").default(0),
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
export const IndicatorRuleSchema = z.object({
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
export type RowRule = z.output<typeof RowRuleSchema>;
