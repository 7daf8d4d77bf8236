import type { Finding } from "../core/finding.ts";
import type { SectionId } from "../core/sections.ts";
import { SECTION_RULES } from "./data/section-rules.ts";
import { type Deductions, hasLostPoints } from "./deductions.ts";
import { isEmptyAnswer, type SectionRef, sectionFinding, sectionName } from "./section-text.ts";

/** How strictly an empty answer is judged: required (问题/措施), expected (warn) or optional (skip). */
function emptyPolicy(id: SectionId): "required" | "expected" | "optional" {
  if (SECTION_RULES.required.includes(id)) return "required";
  return SECTION_RULES.optional.includes(id) ? "optional" : "expected";
}

/**
 * narrative.empty: a section answered "无", "暂无", "/", "——" or nothing. The 问题 / 措施 sections
 * are required: error when the report lost points (narrative.contradiction then names the
 * deductions as well: the two findings say different things, an empty required section and a
 * denial of problems the scores show), warn otherwise. Other sections warn; 其他需要说明的问题
 * and 绩效目标与指标设置 (whose body is the 自评表) may be "无".
 */
export function checkEmpty(refs: readonly SectionRef[], deductions: Deductions): Finding[] {
  const lost = hasLostPoints(deductions);
  return refs.flatMap((ref): Finding[] => {
    const policy = emptyPolicy(ref.id);
    if (policy === "optional" || !isEmptyAnswer(ref.text, SECTION_RULES.emptyAnswers)) return [];
    const written = ref.text.trim() === "" ? "没有填写内容" : `只写了“${ref.text.trim()}”`;
    if (policy === "required") {
      const message = lost
        ? `${sectionName(ref)}${written}。这是必填部分，报告又有失分：请写明自评发现的具体问题（对应失分的指标）和每个问题的改进措施。`
        : `${sectionName(ref)}${written}。这是必填部分：请写明自评中发现的不足和下一步的改进措施；确实没有问题的，请说明依据（如各项指标均已完成、满分）。`;
      return [sectionFinding("narrative.empty", lost ? "error" : "warn", ref, ref.text, message)];
    }
    return [
      sectionFinding(
        "narrative.empty",
        "warn",
        ref,
        ref.text,
        `${sectionName(ref)}${written}。请按本部分标题补写本单位的实际情况（做法、经验、问题或建议），不要只写“无”。`,
      ),
    ];
  });
}
