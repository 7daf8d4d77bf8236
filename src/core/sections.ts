import { z } from "zod";

/**
 * Stable ids of narrative sections, shared by every template family. Headings differ per template
 * (Henan 一…八, Hunan 一…九); the id says what a section is about so checks and drafting can find it.
 */
export const SECTION_TITLES = {
  duties: "部门职能及年度履职目标",
  organization: "组织机构及人员情况",
  plan: "年度重点工作计划",
  spending_scope: "支出规模、使用方向和主要内容",
  targets: "绩效目标与指标设置情况",
  process: "绩效自评工作开展情况",
  conclusion: "综合评价结论",
  funds: "资金情况分析",
  funds_basic: "基本支出情况",
  funds_project: "项目支出情况",
  implementation: "项目组织实施情况",
  assets: "资产管理情况",
  analysis: "绩效情况分析",
  analysis_input: "投入管理指标情况分析",
  analysis_output: "产出指标情况分析",
  analysis_outcome: "效益指标情况分析",
  problems: "存在的主要问题",
  measures: "改进措施和有关建议",
  problems_measures: "发现的主要问题和改进措施",
  application: "自评结果应用和公开情况",
  experience: "自评工作的经验、问题和建议",
  grade_statement: "评价等级",
  other: "其他需要说明的问题",
} as const;

export type SectionId = keyof typeof SECTION_TITLES;

export const SectionIdSchema = z.enum(Object.keys(SECTION_TITLES) as [SectionId, ...SectionId[]]);

/** A narrative section: its stable id, the heading as the report wrote it, and its text. */
export const SectionSchema = z.object({
  id: SectionIdSchema,
  title: z.string(),
  text: z.string(),
});
export type Section = z.infer<typeof SectionSchema>;
