import { checkReport } from "../checks/check-report.ts";
import type { PassageMatch } from "../checks/copy/copy-search.ts";
import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { ok, type Result } from "../core/result.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { score } from "../scoring/score.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import { TABLE_SCHEME_ID } from "../scoring/table-scheme.ts";
import { pickScheme } from "./pick-scheme.ts";

/** A report checked under its scheme: which scheme and why, the score card and every finding. */
export interface CheckedWithScheme {
  scheme: Scheme;
  reason: string;
  /** See `SchemeGuess.fitted`. */
  fitted: boolean;
  card: ScoreCard;
  findings: Finding[];
}

/**
 * The checker's pipeline, shared by `ziping check` and the chat's 核查: pick the scheme (`override`,
 * the report's own, else the guess from its text), score, then every finding, including passages
 * `searchCopies` finds in other agencies' reports.
 */
export function checkWithScheme(
  report: Report,
  options: {
    text: string;
    override: string | undefined;
    schemes: readonly Scheme[];
    searchCopies: (report: Report) => PassageMatch[];
  },
): Result<CheckedWithScheme> {
  const picked = pickScheme(report, options.text, options.override, options.schemes);
  if (!picked.ok) return picked;
  const { scheme, reason, fitted } = picked.value;
  const card = score(report, scheme);
  const own: Finding[] =
    scheme.id === TABLE_SCHEME_ID
      ? [
          {
            code: "scheme.table_structure",
            severity: "info",
            where: { path: "schemeId", label: "评分方案" },
            message: `按本表结构计分：${reason}。依据：${scheme.basis}。这不是某一地区的正式评分办法；若本地区有评分办法，请用 --scheme 指定后重新核查。`,
          },
        ]
      : [];
  return ok({
    scheme,
    reason,
    fitted,
    card,
    findings: [...own, ...checkReport(report, card, options.searchCopies(report))],
  });
}
