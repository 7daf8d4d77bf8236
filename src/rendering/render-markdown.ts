import Handlebars from "handlebars";
import type { Severity } from "../core/finding.ts";
import { SEVERITY_LABEL } from "../core/finding.ts";
import type { TemplateFamily } from "../drafting/draft-types.ts";
import { chartBlock, paragraphBlock, tableBlock } from "./markdown-parts.ts";
import type { ReportView, ViewTable } from "./report-view.ts";

/** A template family as loaded from templates/: its description, its template text and the shared partials. */
export interface LoadedFamily {
  family: TemplateFamily;
  template: string;
  /** Partial name (file name without .hbs) → template text. */
  partials: Record<string, string>;
}

function isTable(value: unknown): value is ViewTable {
  return typeof value === "object" && value !== null && Array.isArray((value as ViewTable).rows);
}

/**
 * Renders a report view as Markdown through its family's Handlebars template, compiled in strict
 * mode (a field the view lacks throws, so a template typo fails loudly) without HTML escaping.
 * Helpers: `{{heading "id"}}` the family's heading of a section; `{{paragraphs sections.x}}` a
 * section's paragraphs; `{{{table tables.x}}}` a table block for the Word writer; `{{{chart}}}`
 * the score chart block; `{{severityLabel s}}` 错误 / 警告 / 提示 (as `ziping check` prints them). Helper arguments are not covered by
 * strict mode, so each helper throws on a missing argument itself. Throws on template bugs only.
 */
export function renderMarkdown(view: ReportView, loaded: LoadedFamily): string {
  const hb = Handlebars.create();
  const where = `模板 ${loaded.family.template}`;
  const headings = new Map<string, string>(loaded.family.sections.map((s) => [s.id, s.heading]));
  hb.registerHelper("heading", (id: unknown) => {
    const heading = typeof id === "string" ? headings.get(id) : undefined;
    if (heading === undefined) throw new Error(`${where}：heading 引用了模板族没有的章节“${String(id)}”`);
    return heading;
  });
  hb.registerHelper("paragraphs", (text: unknown) => {
    if (typeof text !== "string") throw new Error(`${where}：paragraphs 引用了不存在的章节文字`);
    return paragraphBlock(text);
  });
  hb.registerHelper("table", (table: unknown) => {
    if (!isTable(table)) throw new Error(`${where}：table 引用了不存在的表格`);
    return tableBlock(table);
  });
  hb.registerHelper("chart", () => chartBlock(view.chart));
  hb.registerHelper("severityLabel", (severity: unknown) => {
    const label = SEVERITY_LABEL[severity as Severity];
    if (label === undefined) throw new Error(`${where}：severityLabel 的参数不是 error / warn / info`);
    return label;
  });
  for (const [name, text] of Object.entries(loaded.partials)) hb.registerPartial(name, text);
  const render = hb.compile(loaded.template, { strict: true, noEscape: true });
  return `${render(view)
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
