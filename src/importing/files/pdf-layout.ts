import type { ContentBlock } from "./document-content.ts";
import { dropFurniture } from "./pdf-furniture.ts";
import { axisRules, findGrids, type Grid, gridRows, inGrid, type Rule } from "./pdf-grid.ts";
import { anchoredTables, type Column } from "./pdf-header-columns.ts";
import { findTabStops, TabbedLines } from "./pdf-tab-stops.ts";
import { groupLines, joinWrapped, lineCells, type TextLine, type TextPiece } from "./pdf-text-lines.ts";

/**
 * A PDF's pages, read as positioned text and drawn rules, laid out as the paragraphs and tables of
 * a document: page by page, top to bottom. Ruled tables come from their borders (pdf-grid.ts),
 * text typed with tabs is read through its tab stops (pdf-tab-stops.ts), tables without rules are
 * found by their headers (pdf-header-columns.ts); the
 * other text is read as lines (pdf-text-lines.ts), a line split by wide gaps being a table row;
 * running headers, footers and page numbers are left out (pdf-furniture.ts); a paragraph wrapped
 * over several lines is one paragraph again, and a ruled table continued on the next page with the
 * same columns is one table.
 */

/** What one page shows: its size, its text pieces and its rules (y from the page top). */
export interface PdfPage {
  width: number;
  height: number;
  pieces: TextPiece[];
  rules: Rule[];
}

interface PlacedTable {
  top: number;
  xs: number[];
  rows: string[][];
}

interface LaidOutPage {
  height: number;
  lines: TextLine[];
  tables: PlacedTable[];
}

type Placed = { top: number; line: TextLine; cells: string[] } | ({ line?: undefined } & PlacedTable);

/** The paragraphs and tables of the pages, in reading order. */
export function pdfLayout(pages: readonly PdfPage[]): ContentBlock[] {
  const pagesRead = dropFurniture(pages.map(layOutPage));
  const bodyRight = rightMargin(pagesRead.flatMap((p) => p.lines.map((l) => l.right)));
  const stops = findTabStops(pagesRead.flatMap((p) => p.lines));
  // Text not typed with tabs may hold tables without rules, found by their headers.
  const laidOut = stops === null ? withAnchoredTables(pagesRead) : pagesRead;
  const blocks: ContentBlock[] = [];
  // A text typed with tabs: each tabbed line is one paragraph holding its tabs (pdf-tab-stops.ts).
  const tabbed = stops === null ? null : new TabbedLines(stops, bodyRight, blocks);
  let lastTable: { xs: number[]; block: { rows: string[][] } } | null = null;
  let lastLine: TextLine | null = null;
  for (const page of laidOut) {
    const placed: Placed[] = [
      ...page.lines.map((line) => ({ top: line.y - line.size, line, cells: lineCells(line) })),
      ...page.tables,
    ].sort((a, b) => a.top - b.top);
    let first = true;
    tabbed?.startPage(page.lines);
    for (const item of placed) {
      if (tabbed !== null && item.line !== undefined && tabbed.take(item.line)) {
        lastTable = null;
        lastLine = null;
        first = false;
        continue;
      }
      if (item.line === undefined) tabbed?.close();
      if (item.line === undefined) {
        if (first && lastTable !== null && sameColumns(lastTable.xs, item.xs)) {
          continueTable(lastTable.block.rows, item.rows);
        } else {
          const block = { type: "table" as const, rows: item.rows };
          blocks.push(block);
          lastTable = { xs: item.xs, block };
        }
        lastLine = null;
      } else if (item.cells.length > 1) {
        const previous = blocks.at(-1);
        if (previous?.type === "table" && lastTable === null && lastLine !== null)
          previous.rows.push(item.cells);
        else blocks.push({ type: "table", rows: [item.cells] });
        lastTable = null;
        lastLine = item.line;
      } else {
        const previous = blocks.at(-1);
        const text = item.cells[0] ?? "";
        if (
          previous?.type === "paragraph" &&
          lastLine !== null &&
          wraps(lastLine, item.line, bodyRight, first)
        ) {
          previous.text = joinWrapped(previous.text, text);
        } else {
          blocks.push({ type: "paragraph", text });
        }
        lastTable = null;
        lastLine = item.line;
      }
      first = false;
    }
  }
  return blocks;
}

function layOutPage(page: PdfPage): LaidOutPage {
  // A grid of one column is a frame or a box around text, not a table: its text is read as lines.
  const grids = findGrids(axisRules(page.rules)).filter((g) => g.xs.length > 2);
  const inTable = new Map<Grid, TextPiece[]>(grids.map((g) => [g, []]));
  const free: TextPiece[] = [];
  for (const piece of page.pieces) {
    const grid = grids.find((g) => inGrid(g, piece));
    if (grid === undefined) free.push(piece);
    else inTable.get(grid)?.push(piece);
  }
  return {
    height: page.height,
    lines: groupLines(free),
    tables: grids.map((g) => ({ top: g.ys[0] ?? 0, xs: g.xs, rows: gridRows(g, inTable.get(g) ?? []) })),
  };
}

/**
 * The pages with their tables found by their headers (pdf-header-columns.ts) taken out of their
 * lines; a table running to the foot of a page goes on with the rows at the top of the next.
 */
function withAnchoredTables(pages: readonly LaidOutPage[]): LaidOutPage[] {
  let carried: Column[] | null = null;
  return pages.map((page) => {
    const { tables, rest, carry } = anchoredTables(page.lines, carried);
    carried = carry;
    if (tables.length === 0) return page;
    const placed = tables.map(({ top, xs, rows }) => ({ top, xs, rows }));
    return { ...page, lines: rest, tables: [...page.tables, ...placed] };
  });
}

/**
 * Where the text's lines end on the right: the right edge that nine lines in ten stay within (a
 * line or two may stick out, e.g. a wide table caption or hanging punctuation).
 */
function rightMargin(rights: readonly number[]): number {
  const sorted = [...rights].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * 0.9)] ?? 0;
}

/**
 * True when `next` continues the paragraph `line` ends: that line runs to within two and a half
 * characters of the right margin (a CJK line wraps when the next character does not fit, and
 * punctuation may not begin a line), and the next line is the line below it (or the first line of
 * the next page) in the same size, not indented (an indented line begins a paragraph).
 */
function wraps(line: TextLine, next: TextLine, bodyRight: number, newPage: boolean): boolean {
  const gap = next.y - line.y;
  return (
    line.right >= bodyRight - 2.5 * line.size &&
    next.left < line.left + 1.5 * line.size &&
    (newPage || (gap > 0 && gap <= 2.2 * line.size)) &&
    Math.abs(next.size - line.size) <= 0.15 * line.size
  );
}

/**
 * Appends the rows a table continues with on the next page. A row cut by the page break (its
 * longer cells go on over the break) shows on the new page as a row with text only in some of the
 * columns the cut row has text in, at most half of them; that row is joined to the cut one.
 */
function continueTable(rows: string[][], more: readonly string[][]): void {
  const last = rows.at(-1);
  const next = more[0];
  if (last !== undefined && next !== undefined && isCutRow(last, next)) {
    rows[rows.length - 1] = last.map((cell, i) => joinWrapped(cell, next[i] ?? ""));
    rows.push(...more.slice(1));
    return;
  }
  rows.push(...more);
}

function isCutRow(last: readonly string[], next: readonly string[]): boolean {
  const filled = (row: readonly string[]) => row.filter((c) => c !== "").length;
  const within = next.every((cell, i) => cell === "" || (last[i] ?? "") !== "");
  return filled(next) > 0 && within && filled(next) * 2 <= filled(last);
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] ?? Number.NaN)) <= 2);
}
