import type { SectionId } from "../core/sections.ts";
import type { Draft, DraftedSection, DraftInput } from "./draft-types.ts";
import { officerSection } from "./officer-text.ts";
import { fillPlaceholders } from "./placeholders.ts";
import { type SectionKit, sectionKit } from "./section-kit.ts";
import { writeBlockAnalysis } from "./section-writers/block-analysis.ts";
import { writeApplication, writeExperience, writeOther } from "./section-writers/closing.ts";
import { writeFunds, writeFundsBasic, writeFundsProject } from "./section-writers/funds.ts";
import {
  writeAssets,
  writeConclusion,
  writeDuties,
  writeImplementation,
  writeOrganization,
  writeSpendingScope,
  writeTargets,
} from "./section-writers/overview.ts";
import { writeMeasures, writeProblems, writeProblemsMeasures } from "./section-writers/problems.ts";
import { writeProcess } from "./section-writers/process.ts";
import { shieldBrackets, unshieldBrackets } from "./shielded-brackets.ts";

/**
 * The writer of each section id: text with `[[key]]` figures, never "无". Writers get the input
 * with report text shielded (see shielded-brackets.ts), so only their own placeholders are filled.
 */
const WRITERS: Record<SectionId, (kit: SectionKit, id: SectionId) => string> = {
  duties: writeDuties,
  organization: writeOrganization,
  plan: writeDuties,
  spending_scope: writeSpendingScope,
  targets: writeTargets,
  process: writeProcess,
  conclusion: writeConclusion,
  funds: writeFunds,
  funds_basic: writeFundsBasic,
  funds_project: writeFundsProject,
  implementation: writeImplementation,
  assets: writeAssets,
  analysis: writeBlockAnalysis,
  analysis_input: writeBlockAnalysis,
  analysis_output: writeBlockAnalysis,
  analysis_outcome: writeBlockAnalysis,
  problems: writeProblems,
  measures: writeMeasures,
  problems_measures: writeProblemsMeasures,
  application: writeApplication,
  experience: writeExperience,
  grade_statement: writeConclusion,
  other: writeOther,
};

function written(kit: SectionKit, id: SectionId): string {
  const raw = WRITERS[id](kit, id);
  const filled = fillPlaceholders(raw, kit.sheet);
  // Writers cite only keys they checked with `has`; a refused key is a bug in a writer, not bad input.
  if (!filled.ok) throw new Error(`确定性起草的“${id}”部分引用了事实表外的数字：${filled.error.message}`);
  return unshieldBrackets(filled.value.text);
}

/**
 * Section `id` written from the facts and the score card alone, figures filled in: the fallback the
 * LLM drafter uses section by section. Always the drafter's own text (the officer's is not consulted).
 */
export function draftSection(id: SectionId, input: DraftInput): string {
  return written(sectionKit(shieldBrackets(input)), id);
}

/**
 * The deterministic drafter, the default when no LLM is configured: every drafted section of the
 * family, each kept as the officer wrote it when substantive (and `keepOfficerText` is not false),
 * else written from the facts and deductions — problems from the points actually lost, measures
 * tied to them, missing figures named instead of invented. Notes are not used.
 */
export function draftDeterministic(input: DraftInput): Draft {
  const kit = sectionKit(shieldBrackets(input));
  const keep = input.keepOfficerText !== false;
  const sections = input.family.sections
    .filter((s) => s.drafted)
    .map((s): DraftedSection => {
      const officer = keep ? officerSection(input, s.id) : undefined;
      if (officer?.substantive) return { id: s.id, text: officer.text, by: "officer" };
      return { id: s.id, text: written(kit, s.id), by: "deterministic" };
    });
  return { sections, missing: input.sheet.missing };
}
