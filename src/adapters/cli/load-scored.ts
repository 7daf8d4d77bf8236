import type { Report } from "../../core/report.ts";
import type { Result } from "../../core/result.ts";
import type { Scheme } from "../../scoring/scheme.ts";
import { score } from "../../scoring/score.ts";
import type { ScoreCard } from "../../scoring/score-card.ts";
import { pickScheme } from "../../services/pick-scheme.ts";
import { loadReport } from "../../services/report-files.ts";
import { installedSchemes } from "../../services/scheme-files.ts";

/** A report, its scheme and its score card: what `score` and `explain` both start from. */
export interface Scored {
  report: Report;
  scheme: Scheme;
  /** Why this scheme: chosen, the report's own, or the guess (按本表结构 when none fits). */
  reason: string;
  card: ScoreCard;
}

/**
 * Loads a report file, picks its scheme as `check` does (`--scheme`, the report's own, else the
 * guess, which is 按本表结构 when no installed scheme fits) and scores it; bad input is a Chinese message.
 */
export function loadScored(path: string, schemeOverride: string | undefined): Result<Scored> {
  const report = loadReport(path);
  if (!report.ok) return report;
  const installed = installedSchemes();
  if (!installed.ok) return installed;
  const picked = pickScheme(report.value, "", schemeOverride, installed.value);
  if (!picked.ok) return picked;
  const { scheme, reason } = picked.value;
  return {
    ok: true,
    value: { report: report.value, scheme, reason, card: score(report.value, scheme) },
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
