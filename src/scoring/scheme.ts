import { z } from "zod";
import { type Completion, CompletionSchema } from "../core/indicators.ts";
import { GradeSchema } from "../core/report.ts";
import { RowRuleSchema, ruleProblems } from "./indicator-rule.ts";

/** Budget fields a formula may read. `budget.base` is the execution-rate base the scheme chooses. */
const BudgetFieldSchema = z.enum([
  "budget.initial",
  "budget.adjusted",
  "budget.executed",
  "budget.base",
  "budget.carryover.amount",
  "budget.threePublicExpenses.budget",
  "budget.threePublicExpenses.actual",
  "budget.procurement.budget",
  "budget.procurement.actual",
  "budget.funds.planned",
  "budget.funds.received",
  "budget.funds.receivedOnTime",
  "budget.cost.budget",
  "budget.cost.actual",
  "budget.assets.total",
  "budget.assets.inUse",
  "budget.staff.authorized",
  "budget.staff.actual",
]);
export type BudgetField = z.infer<typeof BudgetFieldSchema>;

/**
 * A figure a formula reads: a budget field, or `indicator:名称` — the actual value (实际完成值) of the
 * report's indicator of that name, so a derived rate may read any figure the model holds.
 */
export type FieldPath = BudgetField | `indicator:${string}`;

/** Whether a formula operand names a figure the model holds. */
function isFieldPath(path: string): path is FieldPath {
  return BudgetFieldSchema.safeParse(path).success || /^indicator:.+/.test(path);
}

const FieldOperandSchema = z.string().transform((s) => s as FieldPath);

/** Report fields where a rate may be stated, so it can be checked against the derived value. */
const StatedRatePathSchema = z.enum([
  "budget.reportedRate",
  "budget.carryover.reportedRate",
  "budget.threePublicExpenses.reportedRate",
  "budget.procurement.reportedRate",
  "budget.staff.reportedRate",
]);
export type StatedRatePath = z.infer<typeof StatedRatePathSchema>;

/** A formula as data: `ratio` = numerator / denominator; `change` = |to − from| / from. Both in percent. */
const FormulaSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("ratio"), numerator: FieldOperandSchema, denominator: FieldOperandSchema }),
  z.object({ op: z.literal("change"), from: FieldOperandSchema, to: FieldOperandSchema }),
]);
export type Formula = z.infer<typeof FormulaSchema>;

/** A common indicator (财预〔2013〕53号) the scheme derives from budget figures instead of asking. */
const CommonIndicatorSchema = z
  .object({
    key: z.string().regex(/^[a-zA-Z]+$/, "key 只能由英文字母组成，例如 executionRate"),
    name: z.string(),
    /** Other names an indicator row may carry; matched after removing spaces and quotes. */
    aliases: z.array(z.string()).default([]),
    /** positive: higher is better (≥); reverse: lower is better (≤). */
    direction: z.enum(["positive", "reverse"]),
    formula: FormulaSchema,
    /** Where a report may state this rate in its budget figures. */
    statedAt: StatedRatePathSchema.optional(),
  })
  .superRefine((c, ctx) => {
    const f = c.formula;
    const operands = f.op === "ratio" ? [f.numerator, f.denominator] : [f.from, f.to];
    for (const operand of operands) {
      if (isFieldPath(operand)) continue;
      ctx.addIssue({
        code: "custom",
        path: ["formula"],
        message: `共性指标“${c.name}”的公式引用了未知字段“${operand}”。可用字段：${BudgetFieldSchema.options.join("、")}，或“indicator:指标名称”（读取该指标的实际完成值），例如 {"op":"ratio","numerator":"budget.funds.received","denominator":"budget.funds.planned"}`,
      });
    }
  });
export type CommonIndicator = z.infer<typeof CommonIndicatorSchema>;

const Band = z
  .object({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) })
  .refine((b) => b.min <= b.max, "band 的 min 不能大于 max");

/** A second-level indicator (二级指标) the scheme weighs: its rows are fitted to this weight. */
const SchemeGroupSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  weight: z.number().positive("二级指标分值必须大于0"),
});

/** A first-level block of the scheme and its weight. */
const SchemeBlockSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/, "id 只能由小写英文字母和下划线组成，例如 output"),
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  weight: z.number().positive("一级指标分值必须大于0"),
  /** budget: scored from the 预算执行率 of the budget figures; indicators: the sum of its indicator rows. */
  source: z.enum(["budget", "indicators"]),
  /** Second-level weights, when the scheme sets them (数量指标 20, 质量指标 10 …). */
  groups: z.array(SchemeGroupSchema).default([]),
  /**
   * A bonus block (加分项): its weight is the most it can add, it is not part of the 100 the other
   * blocks add to, and the total is capped at `maxTotal`.
   */
  bonus: z.boolean().default(false),
});
export type SchemeBlock = z.infer<typeof SchemeBlockSchema>;

/**
 * A region's scoring scheme, as data. Everything the national rule (财预〔2020〕10号) leaves open
 * is a setting here, so a new region or year is a new JSON file and never new code.
 */
export const SchemeSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/, "id 只能由小写字母、数字和连字符组成，例如 henan-zhengzhou-district-department"),
    name: z.string(),
    kind: z.enum(["department", "project"]),
    region: z.string(),
    basis: z.string(),
    /**
     * Id of the report template family (templates/<id>.json) a draft under this scheme uses; when
     * absent the family follows the report kind (see familyIdFor in src/rendering/build-view.ts).
     */
    template: z.string().optional(),
    blocks: z.array(SchemeBlockSchema).min(1, "至少需要一个一级指标"),
    budgetExecution: z.object({
      method: z.enum(["proportional", "thresholds"]),
      /** adjusted: 执行数/调整后预算数 (usual); initial: 执行数/年初预算数; received: 执行数/实际到位资金. */
      base: z.enum(["adjusted", "initial", "received"]).default("adjusted"),
      /** For method thresholds: share of the weight earned at or above each rate, highest first. */
      thresholds: z.array(z.object({ minRate: z.number(), share: z.number().min(0).max(1) })).default([]),
      /** A rate below this must be explained (Sichuan: 90). */
      explainBelow: z.number().optional(),
    }),
    quantitative: z.object({
      /** Score of a positive indicator below target: proportional = 分值 × 完成值 / 指标值. */
      belowTarget: z.literal("proportional"),
      /** Score of a reverse (≤) indicator above target: proportional = 分值 × 指标值 / 实际值, or zero. */
      reverse: z.enum(["proportional", "zero"]),
      /** actual ≥ ratio × target without an explanation is warned about (never deducted). */
      farAboveRatio: z.number().min(1).default(1.2),
      /** Score of an indicator whose value is 0/0 (不适用). */
      notApplicable: z.enum(["full", "zero"]).default("full"),
      /**
       * Name endings of indicators that are lower-is-better when the table writes no comparator
       * ("财政供养人员控制率 100% → 92%" is met): control, adjustment, carry-over and change rates.
       */
      reverseNameEndings: z.array(z.string().min(1)).default(["控制率", "调整率", "结余率", "变动率"]),
    }),
    qualitative: z.object({
      bands: z.record(CompletionSchema, Band),
    }),
    /** Grade bands: the first whose min the total reaches (含). */
    grades: z.array(z.object({ grade: GradeSchema, min: z.number() })).min(1),
    rounding: z.object({ decimals: z.number().int().min(0).max(4) }),
    /** When a block's indicator weights do not add up to its weight: cap the sum at it, or scale to it. */
    blockWeightMismatch: z.enum(["cap", "scale"]).default("cap"),
    commonIndicators: z.array(CommonIndicatorSchema).default([]),
    /** Rules for named indicators, groups or blocks; rows no rule names use the national defaults above. */
    rowRules: z.array(RowRuleSchema).default([]),
    /** The most a total can be, bonus included (default 100). */
    maxTotal: z.number().positive().default(100),
    /** Where the scheme is set out: document names and addresses, for the reader to check. */
    sources: z.array(z.string()).default([]),
  })
  .superRefine((s, ctx) => {
    const sum = s.blocks.filter((b) => !b.bonus).reduce((acc, b) => acc + b.weight, 0);
    if (Math.abs(sum - 100) > 1e-9) {
      ctx.addIssue({ code: "custom", path: ["blocks"], message: `一级指标分值合计应为100，实际为${sum}` });
    }
    for (const band of ["达成", "部分达成", "未达成"] as Completion[]) {
      if (!s.qualitative.bands[band]) {
        ctx.addIssue({
          code: "custom",
          path: ["qualitative", "bands", band],
          message: `缺少定性指标档次“${band}”`,
        });
      }
    }
    s.rowRules.forEach((r, i) => {
      const whom =
        r.names.length > 0
          ? `指标“${r.names.join("、")}”`
          : r.group !== undefined
            ? `二级指标“${r.group}”`
            : `一级指标“${r.block ?? ""}”`;
      const rule = r.rule.text === undefined ? "的规则" : `的规则“${r.rule.text}”`;
      for (const problem of ruleProblems(r.rule)) {
        ctx.addIssue({ code: "custom", path: ["rowRules", i], message: `${whom}${rule}：${problem}` });
      }
      if (r.block !== undefined && !s.blocks.some((b) => b.id === r.block)) {
        ctx.addIssue({
          code: "custom",
          path: ["rowRules", i, "block"],
          message: `${whom}${rule}指向不存在的一级指标“${r.block}”；方案的一级指标为：${s.blocks.map((b) => `${b.id}（${b.name}）`).join("、")}`,
        });
      }
    });
    s.blocks.forEach((b, i) => {
      const groups = b.groups.reduce((a, g) => a + g.weight, 0);
      if (b.groups.length > 0 && groups > b.weight + 1e-9) {
        ctx.addIssue({
          code: "custom",
          path: ["blocks", i, "groups"],
          message: `一级指标“${b.name}”（${b.weight}分）的二级指标分值合计为${groups}分（${b.groups.map((g) => `${g.name}${g.weight}`).join(" + ")}），超过了它的分值`,
        });
      }
    });
    if (s.budgetExecution.method === "thresholds" && s.budgetExecution.thresholds.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["budgetExecution", "thresholds"],
        message: '按区间计分时需要 thresholds，例如 [{"minRate":90,"share":1}]',
      });
    }
  });
export type Scheme = z.output<typeof SchemeSchema>;
