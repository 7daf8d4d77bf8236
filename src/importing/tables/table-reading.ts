import type { GridRow } from "../grid/text-grid.ts";
import type { AmountUnit } from "./cell-values.ts";
import type { FragmentBuilder } from "./fragment-builder.ts";

/**
 * What the table readers share: the kinds of table, the rows that could not be read, and the
 * context a reader writes into.
 */

/** The tables a paste can hold, as reported in `reads`. */
export type TableKind = "header" | "tasks" | "budget" | "indicators" | "summary";

/**
 * A row (or a cell of it) that was not taken into the report, with a Chinese reason naming what was
 * expected. `detail` marks a row that was understood but is not an indicator of its own: a "其中…"
 * breakdown of the indicator above it.
 */
export interface UnreadRow {
  line: number;
  text: string;
  reason: string;
  detail?: true;
}

/** What a reader needs besides the row: where to write, where to report, the units in force. */
export interface ReadContext {
  readonly fragment: FragmentBuilder;
  /** Records that a row gave the fragment something (for `reads`). */
  hit(table: TableKind, row: GridRow): void;
  /** Records a row, or a cell of it, that could not be read (`detail`: understood, but a 其中 breakdown). */
  unread(row: GridRow, reason: string, detail?: "detail"): void;
  /** The amount unit stated before the table ("单位：万元"), if any. */
  readonly statedUnit: AmountUnit | null;
  /** The unit the caller says bare amounts are in when the text does not say. */
  readonly defaultUnit: AmountUnit | null;
}

/** A table being read, row by row, after its column headings were recognised. */
export interface TableReader {
  readonly kind: TableKind;
  /** Line of the column headings, the start of the table in `reads`. */
  readonly headerLine: number;
  /** Number of cells of the heading row, when a short row can be aligned on it (see `alignRight`). */
  readonly width?: number;
  /** Reads one row; false when the row is not part of this table (the table has ended). */
  read(row: GridRow, cells: readonly string[]): boolean;
  /** Finishes the table: values that need all of its rows. */
  close(): void;
}

/**
 * A row that leaves out the cells merged cells above cover (`mergedCellsOmitted`) and is shorter than
 * the table's heading row: its cells are the rightmost columns, so it gets blank cells on the left.
 */
export function alignRight(row: GridRow, cells: readonly string[], width: number | undefined): string[] {
  if (row.mergedCellsOmitted !== true || width === undefined || cells.length >= width) return [...cells];
  return [...Array<string>(width - cells.length).fill(""), ...cells];
}
