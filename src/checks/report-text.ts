import type { Report } from "../core/report.ts";

/** Where a stretch of a report's searchable text comes from. */
export interface TextSpan {
  path: string;
  label: string;
  start: number;
  end: number;
}

/** The narrative of a report as one text, with the section each character belongs to. */
export interface ReportText {
  text: string;
  spans: TextSpan[];
}

const SEPARATOR = "\n\n";

/**
 * The text of a report that copy detection compares: the narrative sections, the 年度目标 and the
 * task descriptions. Tables are left out: their headings are the same printed form in every report.
 * Headings are left out too (the template's), so only what the officer wrote is compared.
 */
export function reportText(report: Report): ReportText {
  const parts: { path: string; label: string; text: string }[] = [];
  if (report.goals.text) parts.push({ path: "goals.text", label: "年度履职目标", text: report.goals.text });
  if (report.goals.status)
    parts.push({ path: "goals.status", label: "年度目标完成情况", text: report.goals.status });
  for (const [i, task] of report.tasks.entries())
    if (task.content)
      parts.push({ path: `tasks[${i}].content`, label: `任务“${task.name}”`, text: task.content });
  for (const [i, section] of report.narrative.entries())
    if (section.text.trim() !== "")
      parts.push({ path: `narrative[${i}]`, label: section.title, text: section.text });
  let text = "";
  const spans: TextSpan[] = [];
  for (const part of parts) {
    if (text !== "") text += SEPARATOR;
    spans.push({
      path: part.path,
      label: part.label,
      start: text.length,
      end: text.length + part.text.length,
    });
    text += part.text;
  }
  return { text, spans };
}

/** The span holding offset `at`, or the last one before it. */
export function spanAt(reportTextValue: ReportText, at: number): TextSpan | undefined {
  return reportTextValue.spans.findLast((span) => span.start <= at);
}
