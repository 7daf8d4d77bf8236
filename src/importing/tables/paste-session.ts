import type { ReportKind } from "../../core/report.ts";
import { cleanCell, filled, rowText } from "../grid/cell-text.ts";
import { splitNumberedRows } from "../grid/numbered-rows.ts";
import { splitHeadingRuns } from "../grid/pipe-cell-runs.ts";
import { splitRunTogether } from "../grid/run-together.ts";
import type { GridRow } from "../grid/text-grid.ts";
import { isExpenseHeader, isStaffHeader, openExpenseTable, openStaffTable } from "./basic-data-tables.ts";
import { isBudgetHeader, openBudgetTable } from "./budget-table.ts";
import type { AmountUnit } from "./cell-values.ts";
import { FragmentBuilder } from "./fragment-builder.ts";
import { readHeaderFields } from "./header-fields.ts";
import { mergeHeadingRows } from "./heading-rows.ts";
import { indicatorColumns } from "./indicator-columns.ts";
import { IndicatorTable } from "./indicator-table.ts";
import { isSummaryHeader, openSummaryTable } from "./summary-table.ts";
import {
  alignRight,
  type ReadContext,
  type TableKind,
  type TableReader,
  type UnreadRow,
} from "./table-reading.ts";
import { isNote, readTitle, readUnitLine, readYearLine, type TableTitle } from "./table-titles.ts";
import { LOOKAHEAD_ROWS } from "./table-unit.ts";
import { isTaskHeader, openTaskTable } from "./task-table.ts";

/** A table found in the paste: its kind, how many rows gave values, and the lines it spans. */
export interface TableRead {
  table: TableKind;
  rows: number;
  firstLine: number;
  lastLine: number;
}

const KIND_NAMES: Record<ReportKind, string> = { department: "部门整体", project: "项目支出" };
/** A paragraph longer than this is narrative, not a label line such as "填表人：刘媛媛 63526383". */
const MAX_LABEL_LINE = 60;
const UNKNOWN_ROW =
  "不属于可识别的表格（自评表表头、年度主要任务、预算情况、绩效指标、各项指标得分情况表），未读取";

/**
 * One pass over the rows of a paste. Each row is, in order: a title, unit, year or note line; the
 * heading row of a table (which opens it); label/value cells of the 自评表 header; a row of the open
 * table. One report per paste: a 监控表, another report's table or a second 自评表 is skipped whole
 * and listed once in `unread`. Lines whose cells ran together (a web page, an OCR export) or that
 * hold numbered rows of a scrambled spreadsheet are first rebuilt as rows of cells; a row that could
 * not be rebuilt carries a `problem` and is listed as unread with its text.
 */
export class PasteSession implements ReadContext {
  readonly fragment: FragmentBuilder;
  readonly reads: TableRead[] = [];
  readonly unreadRows: UnreadRow[] = [];
  statedUnit: AmountUnit | null = null;
  private table: TableReader | null = null;
  private kind: ReportKind | null = null;
  private formSeen = false;
  private skipping = false;
  private lastHit: { table: TableKind; row: GridRow } | null = null;
  private readonly consumed = new Set<number>();

  private readonly rows: readonly GridRow[];

  constructor(
    rows: readonly GridRow[],
    readonly defaultUnit: AmountUnit | null,
  ) {
    this.rows = mergeHeadingRows(splitHeadingRuns(splitRunTogether(splitNumberedRows(rows))));
    this.fragment = new FragmentBuilder((row, reason) => this.unread(row, reason));
  }

  /** Reads every row and closes the last table. */
  run(): void {
    for (const [index, row] of this.rows.entries()) {
      if (!this.consumed.has(index)) this.readRow(row, index);
    }
    this.closeTable();
  }

  private readRow(row: GridRow, index: number): void {
    if (row.problem !== undefined) {
      this.unread(row, row.problem);
      return;
    }
    const cells = row.cells.map(cleanCell);
    const values = filled(cells);
    const only = values.length === 1 ? values[0] : undefined;
    if (values.length === 0 || (only !== undefined && this.singleCell(row, only)) || this.skipping) return;
    if (!row.plain && this.openTable(row, cells, index)) return;
    if (this.headerFields(row, cells, index)) return;
    if (!row.plain && this.table?.read(row, alignRight(row, cells, this.table.width))) return;
    this.closeTable();
    if (!row.plain && values.length >= 2) this.unread(row, `第${row.line}行${UNKNOWN_ROW}`);
  }

  /** Label/value cells of the 自评表 header. True when the row had a label. */
  private headerFields(row: GridRow, cells: readonly string[], index: number): boolean {
    if (row.plain && row.cells.join("").length > MAX_LABEL_LINE) return false;
    const fields = readHeaderFields(this.rows, index, cells, this);
    if (!fields.matched) return false;
    this.closeTable();
    this.table = fields.reader ?? null;
    for (const used of fields.consumed) this.consumed.add(used);
    return true;
  }

  hit(table: TableKind, row: GridRow): void {
    if (this.lastHit?.table === table && this.lastHit.row === row) return;
    this.lastHit = { table, row };
    const last = this.reads.at(-1);
    if (last?.table === table) {
      last.rows += 1;
      last.lastLine = Math.max(last.lastLine, row.lastLine);
      return;
    }
    const start = this.table?.kind === table ? Math.min(this.table.headerLine, row.line) : row.line;
    this.reads.push({ table, rows: 1, firstLine: start, lastLine: row.lastLine });
  }

  unread(row: GridRow, reason: string, detail?: "detail"): void {
    this.unreadRows.push({
      line: row.line,
      text: rowText(row.cells),
      reason,
      ...(detail === undefined ? {} : { detail: true as const }),
    });
  }

  /** Title, unit, year and note lines. True when the row was one of them. */
  private singleCell(row: GridRow, cell: string): boolean {
    const title = readTitle(cell);
    if (title !== null) {
      this.closeTable();
      this.enterTitle(row, title);
      return true;
    }
    if (this.skipping) return true;
    const unit = readUnitLine(cell);
    const year = readYearLine(cell);
    if (unit === null && year === null && !isNote(cell)) return false;
    this.closeTable();
    if (unit !== null) this.statedUnit = unit;
    if (year !== null && this.fragment.set("year", year, row, "年度")) this.hit("header", row);
    return true;
  }

  private enterTitle(row: GridRow, title: TableTitle): void {
    const form = title.form === "self" || title.form === "declare";
    const reason = this.skipReason(title, form);
    if (reason !== null) {
      this.skipping = true;
      this.unreadRows.push({
        line: row.line,
        text: rowText(row.cells),
        reason: `第${row.line}行起${reason}`,
      });
      return;
    }
    if (this.skipping && !form && title.form !== "data") return;
    this.skipping = false;
    this.formSeen ||= form;
    if (title.kind !== null) {
      this.kind = title.kind;
      if (this.fragment.set("kind", title.kind, row, "报告类型")) this.hit("header", row);
    }
    if (title.year !== undefined && this.fragment.set("year", title.year, row, "年度"))
      this.hit("header", row);
  }

  /** Why a titled table is not read (one report, one 自评表 per paste); null when it is. */
  private skipReason(title: TableTitle, form: boolean): string | null {
    if (title.form === "monitor") return `“${title.text}”是年中执行监控表，不是自评表，整张表未读取`;
    if (title.kind !== null && this.kind !== null && title.kind !== this.kind) {
      const other = KIND_NAMES[title.kind];
      return `“${title.text}”属于另一份报告（${other}），一次只读取一份报告，整张表未读取；请单独粘贴`;
    }
    return form && this.formSeen ? `一次只读取一张自评表，“${title.text}”未读取；请单独粘贴` : null;
  }

  /** Opens the table whose heading row this is. True when it was one. */
  private openTable(row: GridRow, cells: readonly string[], index: number): boolean {
    // the rows a table reader looks ahead at, not the rest of the file (copied for every row)
    const following = this.rows.slice(index + 1, index + 1 + LOOKAHEAD_ROWS);
    const indicators = indicatorColumns(cells);
    let open: (() => TableReader) | null = null;
    if (isTaskHeader(cells)) open = () => openTaskTable(row, cells, following, this);
    else if (indicators !== null) open = () => new IndicatorTable(row.line, indicators, this);
    else if (isSummaryHeader(cells)) open = () => openSummaryTable(row, cells, this);
    else if (isStaffHeader(cells)) open = () => openStaffTable(row, cells, this);
    else if (isExpenseHeader(cells)) open = () => openExpenseTable(row, cells, following, this);
    else if (isBudgetHeader(cells, this.table?.kind === "indicators"))
      open = () => openBudgetTable(row, cells, following, this);
    if (open === null) return false;
    this.closeTable();
    this.table = open();
    return true;
  }

  private closeTable(): void {
    this.table?.close();
    this.table = null;
  }
}
