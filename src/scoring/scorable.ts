import type { Report } from "../core/report.ts";

/**
 * Why a report has no total to give, or undefined when it has one: no indicator table, or a table
 * none of whose rows carries a 分值 (a 申报表 in place of the 自评表), which would score as the budget
 * block alone ("10分（差）") and mislead.
 */
export function unscorableWhy(report: Report): string | undefined {
  const rows = report.indicators.flatMap((b) => b.groups.flatMap((g) => g.indicators));
  if (rows.length === 0) return "没有读到绩效指标表，没有可计分的指标";
  if (rows.every((r) => r.weight === undefined)) return "指标表没有分值列，各行没有可计的分值";
  return undefined;
}
