import { type GridRow, textToGrid } from "../grid/text-grid.ts";
import { officerValue } from "./draft-annotations.ts";
import { markdownBlocks } from "./markdown-tables.ts";
import type { OcrProvenance } from "./ocr-pages.ts";
import type { UnreadableByte } from "./text-decoding.ts";
import { splitTitleArea } from "./title-area.ts";

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
  format: "text" | "docx" | "xlsx" | "pdf" | "image";
  blocks: ContentBlock[];
  /** Set when the text was read by OCR from a scan (ocr-document.ts): the engine and what it could not read. */
  ocr?: OcrProvenance;
  /** Bytes of a text file read as UTF-8 that are not valid UTF-8 (see text-decoding.ts). */
  unreadableBytes?: UnreadableByte[];
}

/** One line span of `contentText` and the row it shows (null for a blank line or an empty row). */
interface LaidOutLine {
  text: string;
  row: GridRow | null;
}

/**
 * The rows the table readers take. For a text file, exactly `textToGrid(text).rows`. Otherwise a
 * paragraph is a plain row with one cell and a table row a row with its cells (trimmed; a draft's
 * "92.71（原填96）" is the officer's 96, see `officerValue`); `line` and
 * `lastLine` are the lines of `contentText` showing it; a paragraph "（2021年度）　单位：万元" is two rows
 * (`splitTitleArea`). Blank paragraphs and rows with no text are
 * left out, as `textToGrid` leaves out blank lines.
 */
export function contentRows(content: DocumentContent): GridRow[] {
  const laidOut = asBlocks(content);
  if (laidOut === null) return textToGrid(plainText(content)).rows;
  return splitTabbedParagraphs(layOut(laidOut)).flatMap((l) => (l.row === null ? [] : splitTitleArea(l.row)));
}

/**
 * The content as blocks to lay out: a text file holding HTML tables (a Markdown draft) becomes its
 * lines and tables (`markdownBlocks`); any other text file is null, read as written.
 */
function asBlocks(content: DocumentContent): DocumentContent | null {
  if (content.format !== "text") return content;
  const blocks = markdownBlocks(plainText(content));
  return blocks === null ? null : { format: content.format, blocks };
}

/**
 * A Word document made from a text file (LibreOffice opens a .txt as one paragraph per line) keeps
 * the text's tables as tab-separated paragraphs. Each run of paragraphs between two tables that
 * holds such tabs (or `|` rows) is read the way the text file is (`textToGrid`), so the .docx gives
 * the rows the .txt gives, line numbers included. Runs without them stay one plain row per paragraph:
 * Word indents with spaces, which are no cell separators there.
 */
function splitTabbedParagraphs(lines: LaidOutLine[]): LaidOutLine[] {
  const out: LaidOutLine[] = [];
  let run: LaidOutLine[] = [];
  let first = 1;
  let next = 1;
  const flush = (): void => {
    const text = run.map((l) => l.text).join("\n");
    const grid = run.some((l) => l.row?.plain === true) ? textToGrid(text) : null;
    if (grid === null || grid.layout === "spaces") out.push(...run);
    else
      for (const row of grid.rows)
        out.push({
          text: "",
          row: { ...row, line: row.line + first - 1, lastLine: row.lastLine + first - 1 },
        });
    run = [];
  };
  for (const line of lines) {
    const at = next;
    next += lineBreaks(line.text) + 1;
    if (line.row !== null && !line.row.plain) {
      flush();
      out.push(line);
      continue;
    }
    if (run.length === 0) first = at;
    run.push(line);
  }
  flush();
  return out;
}

/**
 * The text a person would see: a text file as written; otherwise paragraphs as lines and table rows
 * as tab-separated lines, with a blank line before and after each table. A cell holding a line break
 * or a tab is quoted the way Excel copies it (`"line 1\nline 2"`), so `textToGrid` reads such a row
 * back as one row.
 */
export function contentText(content: DocumentContent): string {
  const laidOut = asBlocks(content);
  if (laidOut === null) return plainText(content);
  return layOut(laidOut)
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
      const trimmed = cells.map((c) => officerValue(c.trim()));
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
