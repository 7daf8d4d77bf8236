import type { ViewTable } from "./report-view.ts";

/**
 * The blocks of a draft, in document order, as the template laid them out: the one structure both
 * the Markdown and the Word file are written from. Structure (headings, lists, tables, the chart)
 * comes only from template text; every text from the report view is a literal run, whatever it
 * looks like (`# x`, `**x**`, `<!-- table:x -->` are printed as written).
 */

/** A piece of text, bold or not; printed exactly as its `text`. */
export interface InlineRun {
  text: string;
  bold: boolean;
}

/** One block of the draft. */
export type DraftBlock =
  /** `#` the report's title, `##` 一级标题, `###` 二级标题, `####` 三级标题. */
  | { type: "heading"; level: 1 | 2 | 3 | 4; runs: InlineRun[] }
  | { type: "paragraph"; runs: InlineRun[] }
  | { type: "list"; items: InlineRun[][] }
  /** A structured table of the view. */
  | { type: "table"; table: ViewTable }
  /** The score chart; `rows` is its data (header row first), laid out as a table without an image. */
  | { type: "chart"; rows: string[][] };

/** A draft rendered once: its blocks (for Word) and its Markdown (written from the same rendering). */
export interface RenderedDraft {
  blocks: DraftBlock[];
  markdown: string;
}

/** The plain text of some runs. */
function runsText(runs: readonly InlineRun[]): string {
  return runs.map((r) => r.text).join("");
}

/** The text of each heading of a draft, in order. */
export function draftHeadings(blocks: readonly DraftBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === "heading" ? [runsText(b.runs)] : []));
}
