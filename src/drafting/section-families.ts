import type { SectionId } from "../core/sections.ts";
import type { TemplateFamily } from "./draft-types.ts";

/** The prompt families, one prompts/<family>.md each; the LLM drafts one family per call. */
export const PROMPT_FAMILIES = ["process", "analysis", "problems", "application", "experience"] as const;
export type PromptFamily = (typeof PROMPT_FAMILIES)[number];

/**
 * Which section ids each prompt family may write, across templates: Henan writes 资金情况 and the
 * three 指标分析 sections, Hunan 基本支出 / 项目支出 and one 绩效情况分析; Henan has one
 * 问题和改进措施 section, Hunan two. Sections of no family (评价等级 …) are left to the deterministic drafter.
 */
const FAMILY_SECTIONS: Record<PromptFamily, readonly SectionId[]> = {
  process: ["process"],
  analysis: [
    "funds",
    "funds_basic",
    "funds_project",
    "analysis",
    "analysis_input",
    "analysis_output",
    "analysis_outcome",
  ],
  problems: ["problems_measures", "problems", "measures"],
  application: ["application"],
  experience: ["experience", "other"],
};

/** The family whose prompt writes section `id`, if any. */
export function familyOf(id: SectionId): PromptFamily | undefined {
  return PROMPT_FAMILIES.find((f) => FAMILY_SECTIONS[f].includes(id));
}

/** The drafted sections of a template that `family` writes, in the template's order. */
export function familySections(family: PromptFamily, template: TemplateFamily): SectionId[] {
  return template.sections
    .filter((s) => s.drafted && FAMILY_SECTIONS[family].includes(s.id))
    .map((s) => s.id);
}
