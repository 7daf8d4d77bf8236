import type { Report } from "../core/report.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import type { Draft, TemplateFamily } from "./draft-types.ts";

/**
 * The report as it will be delivered: its narrative replaced, section by section, by the draft
 * (headings as the family prints them), sections the draft does not touch kept as they were.
 * A report that states no total or grade gets the rules' (the draft prints them). The checker runs
 * on this, so the findings listed with a draft are about the draft itself.
 */
export function applyDraft(report: Report, draft: Draft, family: TemplateFamily, card: ScoreCard): Report {
  const heading = new Map(family.sections.map((s) => [s.id, s.heading]));
  const drafted = new Map(draft.sections.map((s) => [s.id, s]));
  const kept = report.narrative.filter((s) => !drafted.has(s.id));
  const written = draft.sections.map((s) => ({
    id: s.id,
    title: report.narrative.find((n) => n.id === s.id)?.title ?? heading.get(s.id) ?? s.id,
    text: s.text,
  }));
  const order = new Map(family.sections.map((s, i) => [s.id, i]));
  const narrative = [...kept, ...written].sort(
    (a, b) => (order.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
  const summary = {
    ...report.summary,
    total: report.summary.total ?? card.total,
    grade: report.summary.grade ?? card.grade,
  };
  return { ...report, narrative, summary };
}
