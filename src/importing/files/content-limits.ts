/**
 * Limits on what a file holds, checked before it is parsed: a workbook's shared strings, cells, rows
 * and sheet XML, a text file's lines and characters. A real 绩效自评表 workbook has a few hundred
 * shared strings, a few thousand cells and under 1 MB of sheet XML; a report's text a few thousand
 * lines and under 100,000 characters. The limits are 10–50 times that and keep the slowest accepted
 * file to a few seconds and a few hundred MB (`npm run bench` measures the worst cases). Counting is one pass over the inflated XML,
 * never a parse, so an oversize workbook is refused in the time it takes to unzip it.
 */

const MB = 1024 * 1024;

/** What a workbook or text file is measured by. */
export type ContentMeasure =
  | "sharedStrings"
  | "cells"
  | "rows"
  | "xmlBytes"
  | "documentBytes"
  | "lines"
  | "chars";

/** A measure over its limit: what, how many the file has, and the limit. */
export interface ContentExcess {
  what: ContentMeasure;
  count: number;
  limit: number;
}

/** The workbook limits (tests pass smaller ones). */
export interface XlsxLimits {
  /** Most shared strings (distinct cell texts) in `xl/sharedStrings.xml`. */
  sharedStrings: number;
  /** Most cells (`<c>` elements) in all worksheets together. */
  cells: number;
  /** Most rows (`<row>` elements) in all worksheets together. */
  rows: number;
  /** Most bytes the worksheets and shared strings inflate to together. */
  xmlBytes: number;
}

/** Defaults: 50,000 shared strings, 100,000 cells, 50,000 rows, 10 MB of sheet XML. */
export const XLSX_LIMITS: XlsxLimits = {
  sharedStrings: 50_000,
  cells: 100_000,
  rows: 50_000,
  xmlBytes: 10 * MB,
};

/** The text limits (tests pass smaller ones). */
export interface TextLimits {
  /** Most lines of a text file. */
  lines: number;
  /** Most characters (UTF-16 units) of a text file, after decoding. */
  chars: number;
}

/** Defaults: 100,000 lines, 2,000,000 characters. */
export const TEXT_LIMITS: TextLimits = { lines: 100_000, chars: 2_000_000 };

/**
 * Most bytes a Word document's `word/document.xml` may declare (20 MB: a 100-page report with its
 * tables is a few MB). Its text is then held to `TEXT_LIMITS`, a paragraph or table row as a line.
 */
export const MAX_DOCUMENT_XML_BYTES = 20 * MB;

/** The text limit a Word document's paragraphs and table rows exceed, or null. */
export function blocksExcess(
  blocks: ReadonlyArray<{ type: "paragraph"; text: string } | { type: "table"; rows: string[][] }>,
  limits: TextLimits,
): ContentExcess | null {
  let [lines, chars] = [0, 0];
  for (const block of blocks) {
    if (block.type === "paragraph") {
      lines += 1;
      chars += block.text.length;
      continue;
    }
    lines += block.rows.length;
    for (const row of block.rows) for (const cell of row) chars += cell.length;
  }
  if (chars > limits.chars) return { what: "chars", count: chars, limit: limits.chars };
  return lines > limits.lines ? { what: "lines", count: lines, limit: limits.lines } : null;
}

/** True for the parts exceljs parses cell by cell: the shared strings and every worksheet. */
export function isSheetPart(name: string): boolean {
  return name === "xl/sharedStrings.xml" || /^xl\/worksheets\/[^/]+\.xml$/.test(name);
}

/** The sheet XML bytes the archive's directory declares, when over the limit (nothing inflated yet). */
export function declaredExcess(
  entries: ReadonlyArray<{ name: string; declaredSize: number }>,
  limits: XlsxLimits,
): ContentExcess | null {
  let bytes = 0;
  for (const entry of entries) if (isSheetPart(entry.name)) bytes += entry.declaredSize;
  return bytes > limits.xmlBytes ? { what: "xmlBytes", count: bytes, limit: limits.xmlBytes } : null;
}

/** An element's start tag, with or without a namespace prefix: `<si>`, `<x:si `, `<si/>`. */
const tag = (name: string): RegExp => new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s>/]`, "g");
const SHARED_STRING = tag("si");
const CELL = tag("c");
const ROW = tag("row");

/**
 * The first workbook limit the parts exceed (`isSheetPart` parts, inflated), or null. Counts start
 * tags in the raw XML (read as Latin-1: the tags are ASCII, and every byte stays one character).
 */
export function xlsxExcess(parts: ReadonlyMap<string, Uint8Array>, limits: XlsxLimits): ContentExcess | null {
  let bytes = 0;
  for (const data of parts.values()) bytes += data.length;
  if (bytes > limits.xmlBytes) return { what: "xmlBytes", count: bytes, limit: limits.xmlBytes };
  let [strings, cells, rows] = [0, 0, 0];
  for (const [name, data] of parts) {
    const xml = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("latin1");
    if (name === "xl/sharedStrings.xml") strings += count(xml, SHARED_STRING);
    else {
      cells += count(xml, CELL);
      rows += count(xml, ROW);
    }
  }
  if (strings > limits.sharedStrings)
    return { what: "sharedStrings", count: strings, limit: limits.sharedStrings };
  if (cells > limits.cells) return { what: "cells", count: cells, limit: limits.cells };
  if (rows > limits.rows) return { what: "rows", count: rows, limit: limits.rows };
  return null;
}

/** The first text limit `text` exceeds, or null. */
export function textExcess(text: string, limits: TextLimits): ContentExcess | null {
  if (text.length > limits.chars) return { what: "chars", count: text.length, limit: limits.chars };
  const lines = count(text, /\r\n|\r|\n/g) + 1;
  return lines > limits.lines ? { what: "lines", count: lines, limit: limits.lines } : null;
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) n += 1;
  return n;
}
