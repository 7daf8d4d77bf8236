import { z } from "zod";
import { TargetInputSchema } from "./target.ts";

/** Completion band of a qualitative indicator, as the national rule names them. */
export const CompletionSchema = z.enum(["达成", "部分达成", "未达成"]);
export type Completion = z.infer<typeof CompletionSchema>;

const score = z.number().min(0, "得分不能为负数");
const weight = z.number().min(0, "分值不能为负数");

/** A third-level indicator (三级指标): target, actual value, 分值, the officer's 得分 and 偏差原因. */
export const IndicatorSchema = z.object({
  name: z.string().min(1, "三级指标名称不能为空"),
  /** 指标值. Missing → finding target.missing. */
  target: TargetInputSchema.optional(),
  /** 度量单位 column as written ("%", "定性指标", "个"). */
  unit: z.string().optional(),
  /** 实际完成值 as written ("100%", "完成", "大于93%"). Parsed when scored; never guessed. */
  actual: z.string().optional(),
  /** For qualitative indicators: the completion band the officer chose. Inferred from `actual` when absent. */
  completion: CompletionSchema.optional(),
  /** 分值. Missing when a declaration table (申报表) lists targets without weights. */
  weight: weight.optional(),
  /** 得分 as the officer reported it. */
  score: score.optional(),
  /** 未完成原因分析 / 偏差原因分析及改进措施. */
  deviationReason: z.string().optional(),
  /** 评分标准 printed for the row ("资金使用率>95%得满分", "每减少30件扣1分"), verbatim. */
  criterion: z.string().optional(),
  /** Key of a common indicator of the scheme (e.g. "executionRate") when the name does not say it. */
  common: z.string().optional(),
});
export type Indicator = z.output<typeof IndicatorSchema>;

/** A second-level indicator (二级指标) grouping third-level ones. */
const GroupSchema = z.object({
  name: z.string().min(1, "二级指标名称不能为空"),
  /** 分值 stated in the heading, e.g. "数量指标（15）". */
  weight: weight.optional(),
  indicators: z.array(IndicatorSchema),
});
export type Group = z.output<typeof GroupSchema>;

/** A first-level indicator (一级指标) such as 产出指标 (40分). */
export const BlockSchema = z.object({
  name: z.string().min(1, "一级指标名称不能为空"),
  /** 分值 stated in the heading, e.g. 30 for "效益指标 (30分)". */
  weight: weight.optional(),
  groups: z.array(GroupSchema),
});
export type Block = z.output<typeof BlockSchema>;

/** The name given to a 一级指标 block of a table that has no 一级指标 column (a shape, not a value). */
export const UNNAMED_BLOCK = "（表中未列一级指标）";
/** The name given to a 二级指标 group of a table that has no 二级指标 column. */
export const UNNAMED_GROUP = "（表中未列二级指标）";

/** "产出指标 / 数量指标 / 水标尺宽度": the levels of a row that the table names, placeholders left out. */
export function levelPath(...names: readonly string[]): string {
  return names.filter((n) => n !== "" && n !== UNNAMED_BLOCK && n !== UNNAMED_GROUP).join(" / ");
}
