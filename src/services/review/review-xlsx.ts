import type ExcelJS from "exceljs";
import {
  type Cell,
  COPY_COLUMNS,
  copyRows,
  FINDING_COLUMNS,
  findingRows,
  needsAttention,
  OVERVIEW_COLUMNS,
  type ReviewTable,
  RULE_COLUMNS,
  runFacts,
} from "./review-cells.ts";
import type { ReviewResult } from "./review-result.ts";

/** Light red: the overview rows a reviewer should look at first (see `needsAttention`). */
const ATTENTION_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE2E2" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF6" } };

/** Excel holds at most this many characters in a cell. */
const EXCEL_CELL_MAX = 32_767;
const CUT_NOTE = "…（超出 Excel 单元格上限，全文见 review.json）";

/** Characters XML 1.0 cannot hold (a workbook with one does not open): dropped from text cells. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A text cell as Excel can hold it ("" as an empty cell, so a filter lists it as blank); numbers as they are. */
function excelValue(value: Cell): string | number | null {
  if (typeof value !== "string") return value;
  const text = value.replace(XML_ILLEGAL, "");
  if (text === "") return null;
  return text.length <= EXCEL_CELL_MAX ? text : text.slice(0, EXCEL_CELL_MAX - CUT_NOTE.length) + CUT_NOTE;
}

/**
 * Adds a sheet holding `table` under a bold header: the header frozen, a filter on every column,
 * the columns' widths, text wrapped at the top of each cell; `fill` colours the rows it picks.
 */
function addTable<T>(
  workbook: ExcelJS.Workbook,
  name: string,
  table: ReviewTable<T>,
  fill?: (row: T) => ExcelJS.Fill | undefined,
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width }));
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((c) => excelValue(c.cell(row))));
    const colour = fill?.(row);
    if (colour !== undefined)
      for (let c = 1; c <= table.columns.length; c += 1) added.getCell(c).fill = colour;
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: table.rows.length + 1, column: table.columns.length },
  };
  sheet.eachRow((row) => {
    row.alignment = { vertical: "top", wrapText: true };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  for (let c = 1; c <= table.columns.length; c += 1) header.getCell(c).fill = HEADER_FILL;
}

/**
 * The review as an Excel workbook: 总览 (the ranked overview, rows needing attention filled light
 * red), 全部发现 (every finding with file, location and quote), 按规则 (how many reports break each
 * rule), 疑似抄袭 (passages shared between agencies, both sides) and 运行情况 (the facts of the run).
 * Every cell comes from `result`, so the workbook shows exactly the findings of `--json`.
 */
export async function reviewWorkbook(result: ReviewResult): Promise<Uint8Array> {
  // Loaded on first use: it is large, and the terminal review does not need it.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  workbook.creator = "ziping";
  const started = new Date(result.run.startedAt);
  if (!Number.isNaN(started.getTime())) workbook.created = started;
  addTable(workbook, "总览", { columns: OVERVIEW_COLUMNS, rows: result.entries }, (e) =>
    needsAttention(e) ? ATTENTION_FILL : undefined,
  );
  addTable(workbook, "全部发现", { columns: FINDING_COLUMNS, rows: findingRows(result) });
  addTable(workbook, "按规则", { columns: RULE_COLUMNS, rows: result.rules });
  addTable(workbook, "疑似抄袭", { columns: COPY_COLUMNS, rows: copyRows(result) });
  addTable(workbook, "运行情况", {
    columns: [
      { header: "项目", width: 18, cell: (f: [string, string]) => f[0] },
      { header: "内容", width: 90, cell: (f: [string, string]) => f[1] },
    ],
    rows: runFacts(result),
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
