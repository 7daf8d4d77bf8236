import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkReport } from "../../src/checks/check-report.ts";
import { type Report, type ReportInput, ReportSchema } from "../../src/core/report.ts";
import type { SectionId } from "../../src/core/sections.ts";
import type { DraftInput, TemplateFamily } from "../../src/drafting/draft-types.ts";
import { collectFacts } from "../../src/drafting/facts.ts";
import { score } from "../../src/scoring/score.ts";
import { loadScheme } from "../../src/services/scheme-files.ts";

/** A seed report as JSON, to be edited before parsing (figures deleted, scores changed). */
export function seedJson(name: string): ReportInput {
  const path = join(import.meta.dirname, "../../fixtures/reports", `${name}.json`);
  return JSON.parse(readFileSync(path, "utf8"));
}

function family(id: string, ids: SectionId[]): TemplateFamily {
  return {
    id,
    name: id,
    kind: "department",
    template: `${id}.md.hbs`,
    sections: [
      { id: "duties", heading: "（一）部门年度履职目标及主要任务", drafted: false },
      ...ids.map((s) => ({ id: s, heading: s, drafted: true })),
    ],
  };
}

/** The Henan district department family, built by hand (templates/*.json belong to another module). */
export const HENAN = family("henan-test", [
  "process",
  "funds",
  "analysis_input",
  "analysis_output",
  "analysis_outcome",
  "problems_measures",
  "application",
  "experience",
  "other",
]);

/** A Hunan-like family: 问题 and 措施 are separate sections. */
export const HUNAN = family("hunan-test", [
  "funds_basic",
  "funds_project",
  "analysis",
  "problems",
  "measures",
  "experience",
]);

/** What a drafter gets for a report: its card under its own scheme, facts, checker findings. */
export function draftInput(
  json: ReportInput,
  fam: TemplateFamily = HENAN,
  extra: Partial<DraftInput> = {},
): DraftInput {
  const report: Report = ReportSchema.parse(json);
  const scheme = loadScheme(report.schemeId ?? "");
  if (!scheme.ok) throw new Error(scheme.error.message);
  const card = score(report, scheme.value);
  return {
    report,
    card,
    sheet: collectFacts(report, card),
    family: fam,
    findings: checkReport(report, card, []),
    ...extra,
  };
}
