import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { SECTION_TITLES, type SectionId } from "../core/sections.ts";
import type { TemplateFamily } from "../drafting/draft-types.ts";
import type { ViewFinding } from "./report-view.ts";

function headingOf(id: string, family: TemplateFamily): string | undefined {
  const known = family.sections.find((s) => s.id === id)?.heading;
  return known ?? (id in SECTION_TITLES ? SECTION_TITLES[id as SectionId] : undefined);
}

/** Where a finding sits, as the draft's reader finds it: a section heading or a table and row. */
function whereOf(finding: Finding, report: Report, family: TemplateFamily): string {
  const { path, label } = finding.where;
  const indexed = /^narrative\[(\d+)\]/.exec(path);
  if (indexed?.[1] !== undefined) {
    const section = report.narrative[Number(indexed[1])];
    return (section === undefined ? undefined : headingOf(section.id, family)) ?? section?.title ?? label;
  }
  const named = /^narrative\.([a-z_]+)/.exec(path);
  if (named?.[1] !== undefined) return headingOf(named[1], family) ?? label;
  if (path.startsWith("indicators")) return `自评表 / ${label}`;
  if (path.startsWith("tasks")) return `自评表 / 年度主要任务 / ${label}`;
  if (path.startsWith("budget")) return `预算情况 / ${label}`;
  return label;
}

/**
 * The checker's findings as listed at the end of a draft, in the order given (most serious first),
 * each placed under the heading of its section in this family or the table and row it concerns.
 */
export function viewFindings(
  findings: readonly Finding[],
  report: Report,
  family: TemplateFamily,
): ViewFinding[] {
  return findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    where: whereOf(f, report, family),
    message: f.message,
  }));
}
