import type { Report } from "../core/report.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { guessScheme, type SchemeGuess } from "../scoring/guess-scheme.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { STATED_SCHEME_ID } from "../scoring/stated-scheme.ts";
import { resolveScheme, TABLE_SCHEME_ID, TABLE_SCHEME_NAMES } from "../scoring/table-scheme.ts";
import { loadScheme } from "./scheme-files.ts";

/**
 * The scheme a report is scored under, and why: `--scheme` first (an id or a file), then the
 * report's own `schemeId` (an installed one, or a file), then the guess from its indicator table
 * and region (`guessScheme`). One rule for `check`, `draft` and the chat's 生成报告.
 */
export function pickScheme(
  report: Report,
  documentText: string,
  override: string | undefined,
  installed: readonly Scheme[],
): Result<SchemeGuess> {
  if (override !== undefined && TABLE_SCHEME_NAMES.includes(override.trim()))
    return ownTable(report, installed);
  if (override !== undefined) {
    const chosen = loadScheme(override);
    return chosen.ok ? ok({ scheme: chosen.value, reason: "--scheme 指定", fitted: true }) : chosen;
  }
  if (report.schemeId !== undefined && TABLE_SCHEME_NAMES.includes(report.schemeId))
    return ownTable(report, installed);
  if (report.schemeId === STATED_SCHEME_ID) {
    const stated = resolveScheme(STATED_SCHEME_ID, report, installed);
    return stated === undefined
      ? fail(
          "scheme.stated_missing",
          "报告选了“我来说一级指标和分值”，但没有记下一级指标和分值。请在对话中说明，例如：投入20分，过程20分，产出40分，效益20分。",
        )
      : ok({ scheme: stated, reason: "填报人说明的一级指标和分值", fitted: true });
  }
  if (report.schemeId !== undefined && !installed.some((s) => s.id === report.schemeId)) {
    const own = loadScheme(report.schemeId);
    return own.ok ? ok({ scheme: own.value, reason: "报告指定的评分方案", fitted: true }) : own;
  }
  const guess = guessScheme(report, documentText, installed);
  return guess === undefined
    ? fail("scheme.missing", "没有适用于这类报告的评分方案，请用 --scheme 指定（ziping schemes 查看全部）。")
    : ok(guess);
}

/** `--scheme table` (按本表结构): the report's own blocks and weights under the national row rules. */
function ownTable(report: Report, installed: readonly Scheme[]): Result<SchemeGuess> {
  const scheme = resolveScheme(TABLE_SCHEME_ID, report, installed);
  if (scheme === undefined) {
    return fail(
      "scheme.table_unfit",
      "不能按本表结构计分：报告的指标表没有写明一级指标及其分值（例如“产出指标（40分）”，或每行都有分值）。请用 --scheme 指定本地区的评分办法（ziping schemes 查看全部）。",
    );
  }
  return ok({ scheme, reason: "--scheme 指定按本表结构计分", fitted: true });
}
