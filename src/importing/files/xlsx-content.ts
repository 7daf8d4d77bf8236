import type ExcelJS from "exceljs";
import type { ContentBlock } from "./document-content.ts";
import { formatDate, formatNumber, isDateFormat, serialToDate } from "./number-format.ts";

/**
 * The visible worksheets of an Excel workbook as table blocks (sheet name kept), read with exceljs.
 * A cell's text is what Excel shows: a formula's cached result, numbers and dates under their number
 * format ("0.00%" → "95.66%"). A merged range gives its value in its top-left cell and "" in the
 * others (a blank cell means "same as above" to the table readers, as in a paste). Empty rows and
 * columns around the used range are trimmed; rows inside it keep every column so values stay in
 * their columns. Hidden sheets are left out: they hold lookup lists, not the report.
 */

/** Most cells (rows × columns of the used range) read from one sheet. */
const MAX_SHEET_CELLS = 2_000_000;

/** The blocks of a workbook, or the sheet whose used range is larger than `MAX_SHEET_CELLS`. */
export type XlsxRead = { ok: true; blocks: ContentBlock[] } | { ok: false; sheet: string; cells: number };

/**
 * Reads the workbook in `bytes` (already through the zip safety scan). Throws when exceljs cannot
 * read it (a damaged file).
 */
export async function xlsxBlocks(bytes: Uint8Array): Promise<XlsxRead> {
  // Loaded on first use: it is large, and most files are not workbooks.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const blocks: ContentBlock[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state === "hidden" || sheet.state === "veryHidden") continue;
    const read = sheetRows(sheet, excel.ValueType);
    if ("cells" in read) return { ok: false, sheet: sheet.name, cells: read.cells };
    if (read.rows.length > 0) blocks.push({ type: "table", rows: read.rows, sheet: sheet.name });
  }
  return { ok: true, blocks };
}

function sheetRows(
  sheet: ExcelJS.Worksheet,
  types: typeof ExcelJS.ValueType,
): { rows: string[][] } | { cells: number } {
  const texts = new Map<number, Map<number, string>>();
  let [top, bottom, left, right] = [Number.POSITIVE_INFINITY, 0, Number.POSITIVE_INFINITY, 0];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const text = cellText(cell, types);
      if (text.trim() === "") return;
      const line = texts.get(r) ?? new Map<number, string>();
      texts.set(r, line.set(c, text));
      [top, bottom, left, right] = [
        Math.min(top, r),
        Math.max(bottom, r),
        Math.min(left, c),
        Math.max(right, c),
      ];
    });
  });
  if (bottom === 0) return { rows: [] };
  const cells = (bottom - top + 1) * (right - left + 1);
  if (cells > MAX_SHEET_CELLS) return { cells };
  const rows: string[][] = [];
  for (let r = top; r <= bottom; r += 1) {
    const line = texts.get(r);
    const row: string[] = [];
    for (let c = left; c <= right; c += 1) row.push(line?.get(c) ?? "");
    rows.push(row);
  }
  return { rows };
}

/** What Excel shows in a cell; "" for the covered cells of a merged range (`types`: exceljs's cell types). */
export function cellText(cell: ExcelJS.Cell, types: typeof ExcelJS.ValueType): string {
  if (cell.type === types.Merge) return "";
  const value: unknown = cell.type === types.Formula ? cell.result : cell.value;
  const format = typeof cell.numFmt === "string" && cell.numFmt !== "" ? cell.numFmt : "General";
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    return isDateFormat(format) ? formatDate(serialToDate(value), format) : formatNumber(value, format);
  }
  if (value instanceof Date) return formatDate(value, format);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object" && "error" in value) return String(value.error);
  return cell.text;
}
