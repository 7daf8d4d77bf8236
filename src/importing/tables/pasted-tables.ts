import { type GridRow, textToGrid } from "../grid/text-grid.ts";
import type { ReportFragment } from "../report/report-fragment.ts";
import type { AmountUnit } from "./cell-values.ts";
import { PasteSession, type TableRead } from "./paste-session.ts";
import type { UnreadRow } from "./table-reading.ts";

export type { ReportFragment } from "../report/report-fragment.ts";
export type { AmountUnit } from "./cell-values.ts";
export type { TableRead } from "./paste-session.ts";
export type { TableKind, UnreadRow } from "./table-reading.ts";

/** What a paste gave: the report fragment, the tables found, and what could not be read. */
export interface PastedTables {
  fragment: ReportFragment;
  reads: TableRead[];
  unread: UnreadRow[];
}

/** Options of `readPastedTables`. */
export interface PastedTablesOptions {
  /**
   * Unit of bare amounts when the text states none (no "单位：万元", no "（万元）" heading), e.g. after
   * the officer answered the question. Without it such amounts are listed as unread.
   */
  defaultAmountUnit?: AmountUnit;
}

/**
 * Reads table text pasted into the chat (copied from Excel, Word or a PDF) into the part of a report
 * it states: the 自评表 header (单位, 年度, 填表人, 自评得分/结果, 年度目标), 年度主要任务, 预算情况,
 * the indicator table, the 各项指标得分情况表, and the Hunan 基础数据表. Nothing is invented: a cell
 * that cannot be read is left out and listed in `unread` with a Chinese reason. Narrative paragraphs,
 * notes and titles are ignored. Text without a recognisable table gives an empty fragment.
 */
export function readPastedTables(text: string, options: PastedTablesOptions = {}): PastedTables {
  return readTablesFromRows(textToGrid(text).rows, options);
}

/**
 * `readPastedTables` on rows already split into cells, e.g. the paragraphs and table rows of an
 * uploaded Word or Excel file (`contentRows`). Lines in `reads` and `unread` are the rows' lines.
 */
export function readTablesFromRows(
  rows: readonly GridRow[],
  options: PastedTablesOptions = {},
): PastedTables {
  const session = new PasteSession(rows, options.defaultAmountUnit ?? null);
  session.run();
  return { fragment: session.fragment.value, reads: session.reads, unread: session.unreadRows };
}
