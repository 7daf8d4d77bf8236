import type { Finding } from "../core/finding.ts";
import { SECTION_RULES } from "./data/section-rules.ts";
import { type Deductions, deductionText, hasLostPoints } from "./deductions.ts";
import { isEmptyAnswer, type SectionRef, sectionFinding, sectionName, tight } from "./section-text.ts";

const CLAIMS = SECTION_RULES.noProblemClaims.map((source) => new RegExp(source));

/**
 * Whether a problems section claims there are none: "无", "没有问题", "经自评，未发现明显问题。".
 * A section that also describes a problem ("…不足", "…偏低") is not a denial.
 */
function claimsNoProblems(text: string): boolean {
  if (isEmptyAnswer(text, SECTION_RULES.emptyAnswers)) return true;
  const t = tight(text);
  const claim = CLAIMS.map((re) => t.match(re)).find((m) => m !== null);
  if (!claim) return false;
  const rest = t.replace(claim[0], "");
  return !SECTION_RULES.problemWords.some((w) => rest.includes(w));
}

/**
 * narrative.contradiction: points were lost (by the report's own scores or by the rules) but the
 * problems section says there are none. The message names the deductions, largest first.
 */
export function checkContradiction(refs: readonly SectionRef[], deductions: Deductions): Finding[] {
  if (!hasLostPoints(deductions)) return [];
  return refs
    .filter((ref) => SECTION_RULES.problems.includes(ref.id) && claimsNoProblems(ref.text))
    .map((ref) => {
      const said = ref.text.trim() === "" ? "没有写问题" : `写“${ref.text.trim().slice(0, 20)}”`;
      return sectionFinding(
        "narrative.contradiction",
        "error",
        ref,
        ref.text,
        `${sectionName(ref)}${said}，但${deductionText(deductions)}。失分就是要写的问题：请逐项说明失分原因和改进措施。`,
      );
    });
}
