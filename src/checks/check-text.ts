import { type Finding, sortFindings } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import type { SectionId } from "../core/sections.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import { checkBalance } from "./check-balance.ts";
import { checkContradiction } from "./check-contradiction.ts";
import { checkCostRow } from "./check-cost-row.ts";
import { checkCount } from "./check-count.ts";
import { checkCriterionYears } from "./check-criterion-year.ts";
import { checkDuplicate } from "./check-duplicate.ts";
import { checkEmpty } from "./check-empty.ts";
import { checkForeignAgency } from "./check-foreign-agency.ts";
import { checkGeneric } from "./check-generic.ts";
import { checkInstallments } from "./check-installments.ts";
import { checkQuantities } from "./check-quantities.ts";
import { checkTotalClaim } from "./check-total-claim.ts";
import { checkUnits } from "./check-units.ts";
import { checkValues } from "./check-values.ts";
import { checkYear } from "./check-year.ts";
import { deductionsOf } from "./deductions.ts";
import { answerRef, narrativeRefs } from "./section-text.ts";

/**
 * The pure text checks of a report, given its score card (for the points lost): narrative.empty,
 * narrative.contradiction, narrative.generic, narrative.duplicate, copy.foreign_agency,
 * count.mismatch, year.mismatch, value.conflict (text vs tables, text vs text, a whole-cost row vs
 * the budget's 执行数, any quantity stated twice), budget.balance_mismatch (a saving or balance that is
 * not budget − spent), score.narrative_total (a total in the text that is not the rules' total),
 * budget.subrows_sum (installments that do not add up to their whole) and unit.suspect.
 * The card's own numeric findings are not repeated. Sorted most serious first, deterministic.
 */
export function checkText(report: Report, card: ScoreCard): Finding[] {
  const refs = narrativeRefs(report);
  const deductions = deductionsOf(card);
  return sortFindings([
    ...checkEmpty(refs, deductions),
    ...checkContradiction(refs, deductions),
    ...checkGeneric(refs, report, deductions),
    ...checkDuplicate(refs),
    ...checkForeignAgency(refs, report),
    ...checkCount(refs, report),
    ...checkYear(refs, report),
    ...checkCriterionYears(report),
    ...checkValues(refs, report),
    ...checkTotalClaim(refs, report, card),
    ...checkQuantities(refs, report),
    ...checkBalance(refs, report),
    ...checkInstallments(refs),
    ...checkUnits(report),
    ...checkCostRow(report),
  ]);
}

/**
 * Checks one section's answer as it arrives in the conversation: empty, contradiction (with the
 * deductions named), generic, foreign agency, and duplicates against the report's other sections.
 * Findings sit at the section's place in the report (`narrative[i]`), or `narrative.<id>` when the
 * report has no such section yet; messages are ready to show to the officer.
 */
export function checkSectionAnswer(
  sectionId: SectionId,
  text: string,
  report: Report,
  card: ScoreCard,
): Finding[] {
  const ref = answerRef(sectionId, text, report);
  const others = narrativeRefs(report).filter((r) => r.path !== ref.path && r.id !== sectionId);
  const deductions = deductionsOf(card);
  return sortFindings([
    ...checkEmpty([ref], deductions),
    ...checkContradiction([ref], deductions),
    ...checkGeneric([ref], report, deductions),
    ...checkDuplicate([...others, ref], ref),
    ...checkForeignAgency([ref], report),
  ]);
}
