import { displayWidth } from "../../core/display-width.ts";
import { isPaddedPipeText, joinPaddedRows } from "./padded-pipe-rows.ts";
import { isPipeCellText, pipeCellRows } from "./pipe-cell-rows.ts";
/**
 * Pasted table text as rows of cells. Officers paste what Excel, Word or a PDF viewer put on the
 * clipboard; five layouts are told apart:
 *
 * - `tabs`: one row per line, cells separated by tabs (Excel, most PDF extractors). Excel's quoted
 *   cells (`"line 1\nline 2"`) may span lines.
 * - `cell-per-line`: Word tables extracted one cell per line, each line starting with a tab; a blank
 *   line ends the row and a line without the tab continues the cell above ("绩\n效\n指\n标").
 * - `pipes`: `|`-separated rows (Markdown tables), used when there are no tabs. A web page table
 *   padded with runs of pipes has the lines of one row joined first (padded-pipe-rows.ts).
 * - `pipe-cells`: a web page's table flattened one cell per line, each line ending with ` |`, rows
 *   separated by lines of pipes only (`||||||`). Cells that a merged cell above covers are left out,
 *   so such rows are marked `mergedCellsOmitted` (see `pipe-cell-rows.ts`).
 * - `spaces`: cells separated by runs of two or more spaces, used when there are neither tabs nor pipes.
 *
 * Empty cells are kept because they carry column positions (a blank 一级指标 cell means "same as above").
 * A number a PDF text layer wrapped across lines ("95." / "10%") is joined first. Lines whose cells
 * ran together with no separator are rebuilt later, by the table readers (run-together.ts,
 * numbered-rows.ts), because only the templates' headings can split them.
 */

/** How the cells of the pasted text are separated. */
export type GridLayout = "tabs" | "cell-per-line" | "pipes" | "pipe-cells" | "spaces";

/** One row: its cells (trimmed, empty cells kept) and the 1-based lines of the text it came from. */
export interface GridRow {
  line: number;
  lastLine: number;
  cells: string[];
  /** True for a line with no cell separator: a paragraph, a title or a note rather than a table row. */
  plain: boolean;
  /**
   * The row leaves out the cells that merged cells of rows above cover (an HTML table flattened), so
   * a row shorter than its table's heading row is aligned on the right.
   */
  mergedCellsOmitted?: true;
  /** The row could not be split into cells: why, in Chinese; its text is reported as unread. */
  problem?: string;
}

/** The rows of a pasted text, blank lines left out. */
export interface Grid {
  layout: GridLayout;
  rows: GridRow[];
}

const LEADING_TAB_CELL = /^\t[^\t]*$/;
const PIPE = /[|｜]/;
const PIPE_SEPARATOR_ROW = /^[\s|｜:：\-—=+]+$/;
/** A cell in a space-separated line: non-space runs joined by single ASCII spaces. */
const SPACED_CELL = /[^ \u3000\t]+(?: [^ \u3000\t]+)*/g;
const MAX_QUOTED_LINES = 20;

/** Splits pasted text into rows of cells (see the module comment for the layouts). */
export function textToGrid(text: string): Grid {
  const lines = joinWrappedNumbers(text.split(/\r\n|\r|\n/));
  const layout = detectLayout(lines);
  switch (layout) {
    case "tabs":
      return { layout, rows: tabRows(lines) };
    case "cell-per-line":
      return { layout, rows: cellPerLineRows(lines) };
    case "pipes":
      return { layout, rows: pipeRows(lines) };
    case "pipe-cells":
      return { layout, rows: pipeCellRows(lines) };
    case "spaces":
      return { layout, rows: spacedRows(lines) };
  }
}

const NUMBER_CUT = /\d\.$/;
/** The rest of a cut number: digits then %, a space or the end ("10%", not "2019年" or "1、"). */
const NUMBER_REST = /^\d+(?:%|\s|$)/;
const WRAP_LOOKAHEAD = 3;

/**
 * A PDF text layer wraps a number across lines, often with blank lines between: "95." then "10%" is
 * 95.10%. The rest is joined to the line it was cut from and its own line left blank (line numbers
 * stay).
 */
function joinWrappedNumbers(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i += 1) {
    if (!NUMBER_CUT.test((out[i] ?? "").trimEnd())) continue;
    let j = i + 1;
    while (j < out.length && j <= i + WRAP_LOOKAHEAD && (out[j] ?? "").trim() === "") j += 1;
    const rest = (out[j] ?? "").trimStart();
    if (j >= out.length || !NUMBER_REST.test(rest)) continue;
    out[i] = (out[i] ?? "").trimEnd() + rest;
    out[j] = "";
  }
  return out;
}

function detectLayout(lines: readonly string[]): GridLayout {
  const tabbed = lines.filter((l) => l.includes("\t"));
  if (tabbed.length > 0) {
    const cellPerLine = tabbed.filter((l) => LEADING_TAB_CELL.test(l)).length;
    return cellPerLine * 2 > tabbed.length ? "cell-per-line" : "tabs";
  }
  if (isPipeCellText(lines)) return "pipe-cells";
  return lines.some((l) => PIPE.test(l)) ? "pipes" : "spaces";
}

function plainRow(line: number, text: string): GridRow {
  return { line, lastLine: line, cells: [text.trim()], plain: true };
}

function tabRows(lines: readonly string[]): GridRow[] {
  const rows: GridRow[] = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i] ?? "";
    if (text.trim() === "") {
      i += 1;
    } else if (!text.includes("\t")) {
      rows.push(plainRow(i + 1, text));
      i += 1;
    } else {
      const { cells, lastIndex } = splitTabbed(lines, i);
      rows.push({ line: i + 1, lastLine: lastIndex + 1, cells: cells.map((c) => c.trim()), plain: false });
      i = lastIndex + 1;
    }
  }
  return rows;
}

/** Splits a tab-separated line, following Excel's quoted cells onto later lines. */
function splitTabbed(lines: readonly string[], start: number): { cells: string[]; lastIndex: number } {
  const cells: string[] = [];
  let index = start;
  let rest = lines[start] ?? "";
  for (;;) {
    const quoted = rest.startsWith('"') ? readQuoted(lines, index, rest) : null;
    if (quoted !== null) {
      cells.push(quoted.cell);
      index = quoted.index;
      rest = quoted.rest;
      if (rest === "") return { cells, lastIndex: index };
      rest = rest.slice(1); // the tab after the closing quote
      continue;
    }
    const tab = rest.indexOf("\t");
    if (tab < 0) {
      cells.push(rest);
      return { cells, lastIndex: index };
    }
    cells.push(rest.slice(0, tab));
    rest = rest.slice(tab + 1);
  }
}

/**
 * Reads an Excel quoted cell starting at `rest` ("" inside stands for "). Null when the quote is not
 * closed right before a tab or the end of a line within a few lines: then the quote is part of the text.
 */
function readQuoted(
  lines: readonly string[],
  index: number,
  rest: string,
): { cell: string; index: number; rest: string } | null {
  let cell = "";
  let text = rest.slice(1);
  let at = index;
  for (;;) {
    let k = 0;
    while (k < text.length) {
      if (text[k] !== '"') {
        cell += text[k];
        k += 1;
      } else if (text[k + 1] === '"') {
        cell += '"';
        k += 2;
      } else {
        const after = text.slice(k + 1);
        return after === "" || after.startsWith("\t") ? { cell, index: at, rest: after } : null;
      }
    }
    at += 1;
    if (at >= lines.length || at - index > MAX_QUOTED_LINES) return null;
    cell += "\n";
    text = lines[at] ?? "";
  }
}

function cellPerLineRows(lines: readonly string[]): GridRow[] {
  const rows: GridRow[] = [];
  let current: GridRow | null = null;
  for (const [i, text] of lines.entries()) {
    const line = i + 1;
    if (text.trim() === "" && !text.includes("\t")) {
      current = null;
    } else if (text.startsWith("\t")) {
      if (current === null) {
        current = { line, lastLine: line, cells: [], plain: false };
        rows.push(current);
      }
      current.cells.push(
        ...text
          .slice(1)
          .split("\t")
          .map((c) => c.trim()),
      );
      current.lastLine = line;
    } else if (current !== null) {
      const last = current.cells.length - 1;
      current.cells[last] = joinWrapped(current.cells[last] ?? "", text.trim());
      current.lastLine = line;
    } else if (text.includes("\t")) {
      rows.push({ line, lastLine: line, cells: text.split("\t").map((c) => c.trim()), plain: false });
    } else {
      rows.push(plainRow(line, text));
    }
  }
  return rows;
}

/** Joins a cell's wrapped lines: no space between Chinese characters, one between Latin words. */
function joinWrapped(before: string, after: string): string {
  if (before === "") return after;
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? `${before} ${after}` : before + after;
}

function pipeRows(lines: readonly string[]): GridRow[] {
  const joined = isPaddedPipeText(lines)
    ? joinPaddedRows(lines)
    : lines.map((text, i) => ({ text: text.trim(), line: i + 1, lastLine: i + 1 }));
  const rows: GridRow[] = [];
  for (const { text, line, lastLine } of joined) {
    const trimmed = text.trim();
    if (trimmed === "" || (PIPE.test(trimmed) && PIPE_SEPARATOR_ROW.test(trimmed))) continue;
    if (!PIPE.test(trimmed)) {
      rows.push(plainRow(line, text));
      continue;
    }
    const inner = trimmed.replace(/^[|｜]/, "").replace(/[|｜]$/, "");
    rows.push({ line, lastLine, cells: inner.split(PIPE).map((c) => c.trim()), plain: false });
  }
  return rows;
}

/**
 * Space-separated rows. An indented row gets empty leading cells for the columns of the last
 * unindented row that start left of its first cell (merged cells left blank).
 */
function spacedRows(lines: readonly string[]): GridRow[] {
  const rows: GridRow[] = [];
  let stops: number[] = [];
  for (const [i, text] of lines.entries()) {
    if (text.trim() === "") continue;
    const parts = [...text.matchAll(SPACED_CELL)].map((m) => ({
      text: m[0],
      start: displayWidth(text.slice(0, m.index)),
    }));
    const first = parts[0];
    if (first === undefined) continue;
    if (parts.length < 2) {
      rows.push(plainRow(i + 1, text));
      continue;
    }
    let cells = parts.map((p) => p.text);
    if (first.start >= 2) {
      const blanks = Math.max(1, stops.filter((s) => s < first.start - 1).length);
      cells = [...Array<string>(blanks).fill(""), ...cells];
    } else {
      stops = parts.map((p) => p.start);
    }
    rows.push({ line: i + 1, lastLine: i + 1, cells, plain: false });
  }
  return rows;
}
