import Handlebars from "handlebars";
import type { Severity } from "../core/finding.ts";
import { SEVERITY_LABEL } from "../core/finding.ts";
import type { TemplateFamily } from "../drafting/draft-types.ts";
import type { DraftBlock, RenderedDraft } from "./draft-blocks.ts";
import { BLOCK_LINE, LiteralTokens } from "./literal-tokens.ts";
import { escapeMarkdownText } from "./markdown-escape.ts";
import { chartBlock, chartRows, tableBlock } from "./markdown-parts.ts";
import { renderedBlocks } from "./rendered-blocks.ts";
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

/** A block the template placed, with its Markdown. */
interface PlacedBlock {
  block: DraftBlock;
  markdown: string;
}

/**
 * Renders a report view through its family's Handlebars template, once, into the blocks Word is
 * built from and the Markdown file. Every string of the view enters the template as an opaque
 * token (see literal-tokens.ts), so officer and model text is always text: only template text is
 * read as structure, and Markdown gets the text escaped (markdown-escape.ts). Compiled in strict
 * mode (a field the view lacks throws, so a template typo fails loudly). Helpers: `{{heading "id"}}`
 * the family's heading of a section; `{{paragraphs sections.x}}` a section's paragraphs (one per
 * non-blank line); `{{{table tables.x}}}` a structured table; `{{{chart}}}` the score chart;
 * `{{severityLabel s}}` 错误 / 警告 / 提示 (as `ziping check` prints them). Helper arguments are not
 * covered by strict mode, so each helper throws on a missing argument itself. Throws on template
 * bugs only.
 */
export function renderDraft(view: ReportView, loaded: LoadedFamily): RenderedDraft {
  const hb = Handlebars.create();
  const tokens = new LiteralTokens();
  const placed: PlacedBlock[] = [];
  const place = (block: DraftBlock, markdown: string): string => {
    const { marker, index } = tokens.blockMarker();
    placed[index] = { block, markdown };
    return `\n\n${marker}\n\n`;
  };
  const where = `模板 ${loaded.family.template}`;
  const headings = new Map<string, string>(loaded.family.sections.map((s) => [s.id, s.heading]));
  const literal = (value: unknown): string | undefined =>
    typeof value === "string" ? tokens.expand(value) : undefined;
  hb.registerHelper("heading", (id: unknown) => {
    const heading = headings.get(literal(id) ?? "");
    if (heading === undefined)
      throw new Error(`${where}：heading 引用了模板族没有的章节“${String(literal(id))}”`);
    return tokens.token(heading);
  });
  hb.registerHelper("paragraphs", (value: unknown) => {
    const text = literal(value);
    if (text === undefined) throw new Error(`${where}：paragraphs 引用了不存在的章节文字`);
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .map((line) => tokens.token(line))
      .join("\n\n");
  });
  hb.registerHelper("table", (value: unknown) => {
    const table = tokens.original(value);
    if (!isTable(table)) throw new Error(`${where}：table 引用了不存在的表格`);
    return place({ type: "table", table }, tableBlock(table));
  });
  hb.registerHelper("chart", () =>
    place({ type: "chart", rows: chartRows(view.chart) }, chartBlock(view.chart)),
  );
  hb.registerHelper("severityLabel", (severity: unknown) => {
    const label = SEVERITY_LABEL[literal(severity) as Severity];
    if (label === undefined) throw new Error(`${where}：severityLabel 的参数不是 error / warn / info`);
    return label;
  });
  for (const [name, text] of Object.entries(loaded.partials)) hb.registerPartial(name, text);
  const render = hb.compile(loaded.template, { strict: true, noEscape: true });
  const rendered = render(tokens.wrap(view))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const blockAt = (index: number): DraftBlock => {
    const entry = placed[index];
    if (entry === undefined) throw new Error(`${where}：渲染结果中有未知的块标记 ${index}`);
    return entry.block;
  };
  return {
    blocks: renderedBlocks(rendered, tokens, blockAt),
    markdown: `${markdownOf(rendered, tokens, placed)}\n`,
  };
}

/** The Markdown of a rendered template: block markers replaced by their Markdown, tokens by escaped text. */
function markdownOf(rendered: string, tokens: LiteralTokens, placed: readonly PlacedBlock[]): string {
  return rendered
    .split("\n")
    .map((line) => {
      const marker = BLOCK_LINE.exec(line.trim());
      if (marker?.[1] !== undefined) return placed[Number(marker[1])]?.markdown ?? "";
      return tokens.expand(line, (text, offset) => escapeMarkdownText(text, line.slice(0, offset)));
    })
    .join("\n");
}
