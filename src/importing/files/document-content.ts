import { type GridRow, textToGrid } from "../text-grid.ts";

/**
 * What an uploaded file holds, independent of its format: paragraphs and tables in document order.
 * A text file is one paragraph holding the whole text as written, read the way a paste is
 * (`textToGrid`). For Word, Excel and PDF files every paragraph and every table row is one row of the
 * grid the table readers take, and `contentText` shows the same rows as text, line for line.
 */

/** A paragraph, or a table as rows of cell texts (empty cells kept: they carry column positions). */
export type ContentBlock =
  | { type: "paragraph"; text: string }
  | { type: "table"; rows: string[][]; sheet?: string };

/** The content of a file: its format and its blocks in document order. */
export interface DocumentContent {
  format: "text" | "docx" | "xlsx" | "pdf";
  blocks: ContentBlock[];
}

/** One line span of `contentText` and the row it shows (null for a blank line or an empty row). */
interface LaidOutLine {
  text: string;
  row: GridRow | null;
}

/**
 * The rows the table readers take. For a text file, exactly `textToGrid(text).rows`. Otherwise a
 * paragraph is a plain row with one cell and a table row a row with its cells (trimmed); `line` and
 * `lastLine` are the lines of `contentText` showing it. Blank paragraphs and rows with no text are
 * left out, as `textToGrid` leaves out blank lines.
 */
export function contentRows(content: DocumentContent): GridRow[] {
  if (content.format === "text") return textToGrid(plainText(content)).rows;
  return layOut(content).flatMap((l) => (l.row === null ? [] : [l.row]));
}

/**
 * The text a person would see: a text file as written; otherwise paragraphs as lines and table rows
 * as tab-separated lines, with a blank line before and after each table. A cell holding a line break
 * or a tab is quoted the way Excel copies it (`"line 1\nline 2"`), so `textToGrid` reads such a row
 * back as one row.
 */
export function contentText(content: DocumentContent): string {
  if (content.format === "text") return plainText(content);
  return layOut(content)
    .map((l) => l.text)
    .join("\n");
}

function plainText(content: DocumentContent): string {
  return content.blocks
    .map((b) => (b.type === "paragraph" ? b.text : tableLines(b.rows).join("\n")))
    .join("\n");
}

function layOut(content: DocumentContent): LaidOutLine[] {
  const lines: LaidOutLine[] = [];
  let next = 1;
  const add = (text: string, row: (line: number, lastLine: number) => GridRow | null): void => {
    const line = next;
    const lastLine = line + lineBreaks(text);
    next = lastLine + 1;
    lines.push({ text, row: row(line, lastLine) });
  };
  let previous: ContentBlock | null = null;
  for (const block of content.blocks) {
    if (previous !== null && (previous.type === "table" || block.type === "table")) add("", () => null);
    previous = block;
    if (block.type === "paragraph") {
      const text = block.text.trim();
      add(block.text, (line, lastLine) =>
        text === "" ? null : { line, lastLine, cells: [text], plain: true },
      );
      continue;
    }
    for (const cells of block.rows) {
      const trimmed = cells.map((c) => c.trim());
      const empty = trimmed.every((c) => c === "");
      add(tableLine(cells), (line, lastLine) =>
        empty ? null : { line, lastLine, cells: trimmed, plain: false },
      );
    }
  }
  return lines;
}

function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

function tableLines(rows: readonly string[][]): string[] {
  return rows.map(tableLine);
}

/** A table row as one tab-separated line; cells with a tab, line break or leading quote are quoted. */
function tableLine(cells: readonly string[]): string {
  return cells.map((c) => (/[\t\r\n]|^"/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join("\t");
}
