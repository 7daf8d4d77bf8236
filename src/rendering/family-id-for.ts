import type { Report, ReportKind } from "../core/report.ts";
import type { Scheme } from "../scoring/scheme.ts";

/** Family used when the scheme names none: the Henan district layout for 部门整体, the national one for 项目支出. */
const DEFAULT_FAMILY: Record<ReportKind, string> = {
  department: "henan-department",
  project: "project",
};

/**
 * Which template family (templates/<id>.json) a report is drafted in: the scheme's `template`, else
 * the default for the report's kind. Data, not code: a new region's layout is a new family file
 * named by its scheme.
 */
export function familyIdFor(scheme: Pick<Scheme, "template">, report: Pick<Report, "kind">): string {
  return scheme.template ?? DEFAULT_FAMILY[report.kind];
}
