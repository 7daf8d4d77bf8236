import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import { STYLE, TEXT_WIDTH } from "./docx-styles.ts";
import { columnWidths, minimumWidths } from "./docx-widths.ts";
import type { ViewCell, ViewTable } from "./report-view.ts";

/**
 * A `ViewTable` as a Word table, with its caption and note above it. The view gives the table as
 * an HTML grid (a cell spanning rows is left out of the rows it covers); Word wants every row to
 * name every grid column, so the grid is laid out first (`tableLayout`) and covered positions
 * become `w:vMerge` continuation cells. The merges are written explicitly rather than through the
 * docx package's `rowSpan`, whose automatic insertion is not needed once the grid is known.
 */

/** One position of a laid-out row: a cell of the view, the continuation of a cell above, or padding. */
export type GridSlot =
  | { kind: "cell"; cell: ViewCell; column: number; span: number; merged: boolean }
  | { kind: "continue"; column: number; span: number }
  | { kind: "empty"; column: number };

/** A table laid out on its grid: the number of columns and, per row, its slots left to right. */
export interface TableLayout {
  columns: number;
  rows: GridSlot[][];
}

/** A grid position covered by a cell spanning down from an earlier row (its first column and span). */
interface Cover {
  span: number;
  column: number;
}

/**
 * Lays an HTML-style grid out on columns: each cell goes to the first column not covered by a cell
 * spanning down from above; spans are clamped to the table; short rows are padded with empty slots.
 */
export function tableLayout(rows: readonly ViewCell[][]): TableLayout {
  const covers: Map<number, Cover>[] = rows.map(() => new Map());
  const placed: { cell: ViewCell; column: number; span: number; merged: boolean }[][] = [];
  let columns = 0;
  rows.forEach((row, r) => {
    const taken = covers[r] ?? new Map<number, Cover>();
    const cells: (typeof placed)[number] = [];
    let column = 0;
    for (const cell of row) {
      for (let cover = taken.get(column); cover !== undefined; cover = taken.get(column)) {
        column = cover.column + cover.span;
      }
      const span = Math.max(1, Math.floor(cell.colSpan ?? 1));
      const down = Math.min(Math.max(1, Math.floor(cell.rowSpan ?? 1)), rows.length - r);
      for (let k = 1; k < down; k += 1) {
        for (let c = column; c < column + span; c += 1) covers[r + k]?.set(c, { span, column });
      }
      cells.push({ cell, column, span, merged: down > 1 });
      column += span;
    }
    for (const cover of taken.values()) columns = Math.max(columns, cover.column + cover.span);
    columns = Math.max(columns, column);
    placed.push(cells);
  });
  const laid = placed.map((cells, r) => {
    const slots: GridSlot[] = [];
    const at = new Map(cells.map((c) => [c.column, c]));
    const taken = covers[r] ?? new Map<number, Cover>();
    for (let column = 0; column < columns; ) {
      const cell = at.get(column);
      const cover = taken.get(column);
      if (cell !== undefined) {
        slots.push({ kind: "cell", ...cell });
        column += cell.span;
      } else if (cover !== undefined) {
        if (cover.column === column) slots.push({ kind: "continue", column, span: cover.span });
        column = cover.column + cover.span;
      } else {
        slots.push({ kind: "empty", column });
        column += 1;
      }
    }
    return slots;
  });
  return { columns, rows: laid };
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

/** Text longer than this many characters is left-aligned when the view gives no alignment. */
const SHORT_TEXT = 12;

/** A table of at most this many rows is kept on one page when it fits; a longer one keeps only its head. */
const SHORT_TABLE = 15;
const KEPT_HEAD_ROWS = 3;

const length = (text: string): number => [...text].length;

/**
 * Columns holding long plain text (in a cell of their own): every plain cell of such a column
 * without an alignment of its own is left-aligned, so a column is not half centred, half not.
 */
function leftColumns(layout: TableLayout): Set<number> {
  const columns = new Set<number>();
  for (const slot of layout.rows.flat()) {
    if (slot.kind !== "cell" || slot.span !== 1 || slot.cell.bold === true || slot.cell.align !== undefined)
      continue;
    if (length(slot.cell.text) > SHORT_TEXT) columns.add(slot.column);
  }
  return columns;
}

/** How a cell is aligned: as the view says; else headers centred, long text and text columns left. */
function alignment(
  slot: Extract<GridSlot, { kind: "cell" }>,
  left: Set<number>,
): "left" | "center" | "right" {
  const { cell } = slot;
  if (cell.align !== undefined) return cell.align;
  if (cell.bold === true) return "center";
  const long = length(cell.text) > SHORT_TEXT || (slot.span === 1 && left.has(slot.column));
  return long ? "left" : "center";
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

/** The caption, the note and the table itself. */
export function docxTable(table: ViewTable): (Paragraph | Table)[] {
  const layout = tableLayout(table.rows);
  const out: (Paragraph | Table)[] = [];
  if (table.title !== undefined && table.title !== "") {
    out.push(new Paragraph({ style: STYLE.tableCaption, children: [new TextRun(table.title)] }));
  }
  if (table.note !== undefined && table.note !== "") {
    out.push(new Paragraph({ style: STYLE.tableNote, children: [new TextRun(table.note)] }));
  }
  if (layout.columns === 0) return out;
  const widths = columnWidths(layout.columns, table.widths, minimumWidths(layout));
  const left = leftColumns(layout);
  const h = table.header;
  // Word repeats only a table's first rows: a header row inside the grid starts a second table,
  // unless a cell spans across it (then the grid stays whole and nothing repeats).
  const split =
    h !== undefined && h > 0 && h < layout.rows.length && !layout.rows[h]?.some((s) => s.kind === "continue");
  if (!split) {
    out.push(wordTable(layout.rows, widths, left, h === 0 ? 0 : undefined));
    return out;
  }
  out.push(wordTable(layout.rows.slice(0, h), widths, left, undefined));
  // Two tables with nothing between them are one table to Word: a hairline paragraph keeps them apart.
  out.push(new Paragraph({ style: STYLE.tableText, spacing: { before: 0, after: 0, line: 20 } }));
  out.push(wordTable(layout.rows.slice(h), widths, left, 0));
  return out;
}

/** One Word table of laid-out rows; `header` (0) marks its first row to repeat on each page. */
function wordTable(
  slots: readonly GridSlot[][],
  widths: readonly number[],
  left: Set<number>,
  header: 0 | undefined,
): Table {
  const width = (column: number, span: number): number =>
    widths.slice(column, column + span).reduce((a, b) => a + b, 0);
  const last = slots.length - 1;
  const kept = slots.length <= SHORT_TABLE ? last : Math.min(KEPT_HEAD_ROWS, last);
  const rows = slots.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        ...(r === header ? { tableHeader: true } : {}),
        children: row.map((slot) =>
          slotCell(slot, width(slot.column, slot.kind === "empty" ? 1 : slot.span), {
            keepNext: r < kept,
            left,
          }),
        ),
      }),
  );
  return new Table({
    rows,
    columnWidths: [...widths],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    margins: { left: 57, right: 57, top: 28, bottom: 28 },
  });
}

/**
 * One cell. `keepNext` holds a row on the page of the next one: all rows of a short table, so it
 * is not split, and the head of a long one, so its caption and first rows are not left alone at
 * the foot of a page (holding a long table together would only push it whole to the next page).
 */
function slotCell(
  slot: GridSlot,
  width: number,
  { keepNext, left }: { keepNext: boolean; left: Set<number> },
): TableCell {
  const common = { width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER };
  const span = slot.kind === "empty" || slot.span === 1 ? {} : { columnSpan: slot.span };
  const keep = keepNext ? { keepNext: true } : {};
  if (slot.kind !== "cell") {
    const merge = slot.kind === "continue" ? { verticalMerge: VerticalMergeType.CONTINUE } : {};
    return new TableCell({
      ...common,
      ...span,
      ...merge,
      children: [new Paragraph({ style: STYLE.tableText, ...keep })],
    });
  }
  const { cell } = slot;
  const merge = slot.merged ? { verticalMerge: VerticalMergeType.RESTART } : {};
  const align = alignment(slot, left);
  const paragraphs = cell.text.split("\n").map(
    (line) =>
      new Paragraph({
        style: STYLE.tableText,
        alignment: ALIGN[align],
        ...keep,
        children: [new TextRun(cell.bold === true ? { text: line, bold: true } : line)],
      }),
  );
  return new TableCell({ ...common, ...span, ...merge, children: paragraphs });
}
