import type { Finding } from "../core/finding.ts";
import type { PassageMatch } from "./copy/copy-search.ts";
import { type ReportText, spanAt } from "./report-text.ts";

/**
 * A passage this long is copied prose, not a shared phrase: an error. Shorter ones (down to the
 * search's 50-character floor) are a warning for the reviewer to read.
 */
const ERROR_LENGTH = 80;

/**
 * `copy.cross_report` findings for passages of a report found in another agency's report: where it
 * is in this report, the source agency, year and title, and both quotes, so a reviewer can open the
 * source and compare. Template wording never gets here: the search filters it out.
 */
export function crossReportFindings(text: ReportText, matches: readonly PassageMatch[]): Finding[] {
  return matches.map((match) => {
    const span = spanAt(text, match.queryStart);
    const agency = match.source.agency;
    const source = `${agency}${match.source.year === null ? "" : `${match.source.year}年度`}的报告${
      match.source.title ? `（${match.source.title}）` : ""
    }`;
    const namesSource = match.queryQuote.includes(agency);
    return {
      code: "copy.cross_report",
      severity: match.length >= ERROR_LENGTH || namesSource ? "error" : "warn",
      where: { path: span?.path ?? "narrative", label: span?.label ?? "叙述", quote: match.queryQuote },
      message: `这段${match.length}字的文字与${source}中的一段相同。本报告：“${match.queryQuote}”；来源：“${match.sourceQuote}”。自评报告应写本单位当年的工作、数据和问题，请按本单位实际情况改写。`,
      expected: "本单位自己的表述",
      actual: `与${agency}的报告相同`,
    } satisfies Finding;
  });
}
