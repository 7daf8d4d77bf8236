import type { Report } from "../../core/report.ts";
import type { Result } from "../../core/result.ts";
import type { Scheme } from "../../scoring/scheme.ts";
import { score } from "../../scoring/score.ts";
import type { ScoreCard } from "../../scoring/score-card.ts";
import { loadReport, schemeFor } from "../../services/report-files.ts";

/** A report, its scheme and its score card: what `score` and `explain` both start from. */
export interface Scored {
  report: Report;
  scheme: Scheme;
  card: ScoreCard;
}

/** Loads a report file, picks its scheme and scores it; any bad input is a Chinese message. */
export function loadScored(path: string, schemeOverride: string | undefined): Result<Scored> {
  const report = loadReport(path);
  if (!report.ok) return report;
  const scheme = schemeFor(report.value, schemeOverride);
  if (!scheme.ok) return scheme;
  return {
    ok: true,
    value: { report: report.value, scheme: scheme.value, card: score(report.value, scheme.value) },
  };
}

/** "郑州市金水区电子政务中心 2021年度 部门整体绩效自评". */
export function reportTitle(
  report: Pick<Report, "kind" | "year" | "project"> & { unit: { name: string } },
): string {
  const kind =
    report.kind === "department"
      ? "部门整体绩效自评"
      : `项目支出绩效自评${report.project ? `（${report.project}）` : ""}`;
  return `${report.unit.name} ${report.year}年度 ${kind}`;
}
