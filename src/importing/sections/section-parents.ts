import type { SectionId } from "../../core/sections.ts";

/**
 * Sections that templates place under another section, e.g. Henan's 投入 / 产出 / 效益 analyses under
 * 绩效目标实现情况分析. A heading nested deeper than the open section starts a section of its own only
 * when its id is listed here under the open section's id; any other nested heading ("3.项目组织实施情况"
 * inside Hunan's 绩效情况) is a sub-heading of the open section's text. 问题和改进措施 has none: its
 * "（一）存在的问题 … （二）改进措施" are the two halves of that one section, kept together.
 */
const SUB_SECTIONS: Readonly<Partial<Record<SectionId, readonly SectionId[]>>> = {
  duties: ["organization", "plan", "spending_scope", "targets"],
  funds: ["funds_basic", "funds_project"],
  analysis: ["funds", "analysis_input", "analysis_output", "analysis_outcome"],
  // Yunnan's 自评结论 holds 绩效目标完成情况, 存在的问题和原因分析 and 下一步拟改进措施.
  conclusion: ["analysis", "problems", "measures", "problems_measures"],
};

/** Whether `child` is a section of its own when its heading is nested under `parent`'s. */
export function isSubSection(parent: SectionId, child: SectionId): boolean {
  return SUB_SECTIONS[parent]?.includes(child) ?? false;
}
