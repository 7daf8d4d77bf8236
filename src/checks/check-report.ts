import { type Finding, sortFindings } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import { checkText } from "./check-text.ts";
import type { PassageMatch } from "./copy/copy-search.ts";
import { crossReportFindings } from "./cross-report-findings.ts";
import { reportText } from "./report-text.ts";

/**
 * Every finding on a report, most serious first: the scorer's (weights, scores, rates, grade), the
 * text checks (narrative, contradictions, counts, years, foreign agencies, values stated twice) and
 * the passages found copied from other agencies' reports (`copies`, searched by the caller, since
 * the corpus lives in the database).
 */
export function checkReport(
  report: Report,
  card: ScoreCard,
  copies: readonly PassageMatch[] = [],
): Finding[] {
  return sortFindings([
    ...card.findings,
    ...checkText(report, card),
    ...crossReportFindings(reportText(report), copies),
  ]);
}
