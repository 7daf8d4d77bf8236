import { SECTION_RULES } from "../checks/data/section-rules.ts";
import { isEmptyAnswer } from "../checks/section-text.ts";
import type { Finding } from "../core/finding.ts";
import type { SectionId } from "../core/sections.ts";
import type { DraftInput } from "./draft-types.ts";

/** Findings that make the officer's text of a section unfit to keep: it says nothing, only stock phrases, denies the losses, or is copied. */
const DISQUALIFYING = new Set(["narrative.empty", "narrative.generic", "narrative.contradiction"]);

function disqualifies(finding: Finding): boolean {
  return DISQUALIFYING.has(finding.code) || finding.code.startsWith("copy.");
}

/** Whether a finding sits on the section: `narrative[i]` (or a path inside it) or `narrative.<id>` for an unsaved answer. */
function locatedOn(finding: Finding, index: number, id: SectionId): boolean {
  const path = finding.where.path;
  const at = `narrative[${index}]`;
  return path === at || path.startsWith(`${at}.`) || path === `narrative.${id}`;
}

/**
 * The officer's own text of section `id`, and whether it is substantive enough to keep in a draft:
 * present, not an empty answer ("无", "暂无", blank) and with no narrative.empty, narrative.generic,
 * narrative.contradiction or copy.* finding on it. undefined when the report has no such section.
 * Drafters keep substantive text as written (author "officer") so a good section is never rewritten.
 */
export function officerSection(
  input: Pick<DraftInput, "report" | "findings">,
  id: SectionId,
): { text: string; substantive: boolean } | undefined {
  const index = input.report.narrative.findIndex((s) => s.id === id);
  const section = input.report.narrative[index];
  if (section === undefined) return undefined;
  const text = section.text.trim();
  const empty = isEmptyAnswer(text, SECTION_RULES.emptyAnswers);
  const flagged = input.findings.some((f) => disqualifies(f) && locatedOn(f, index, id));
  return { text, substantive: !empty && !flagged };
}
