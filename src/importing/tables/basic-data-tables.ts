import { labelKey } from "../grid/cell-text.ts";
import type { GridRow } from "../grid/text-grid.ts";
import { readAmount, readCount, readRate } from "./cell-values.ts";
import type { ReadContext, TableReader } from "./table-reading.ts";
import { tableUnit } from "./table-unit.ts";

/**
 * The Hunan 部门整体支出绩效自评基础数据表: 财政供养人员情况 (编制数, 实际在职人数, 控制率) into
 * `budget.staff`, and 经费控制情况 (YYYY年预算数 / YYYY年决算数 per row) where the 三公经费 and
 * 政府采购金额 rows of the latest year go to `budget.threePublicExpenses` and `budget.procurement`.
 * The other rows (公用经费, 公务接待, …) are not in the report model and are listed as unread.
 */

const YEAR_COLUMN = /^(\d{4})年(预算数|决算数)$/;

/** Whether a row is the heading of the 财政供养人员情况 table. */
export function isStaffHeader(cells: readonly string[]): boolean {
  return cells.some((c) => /^(?:核定)?编制数$/.test(labelKey(c)));
}

/** Whether a row is the heading of the 经费控制情况 table (two or more YYYY年预算数/决算数 columns). */
export function isExpenseHeader(cells: readonly string[]): boolean {
  return cells.filter((c) => YEAR_COLUMN.test(labelKey(c))).length >= 2;
}

/** Opens the 财政供养人员情况 table: one row of figures under its headings. */
export function openStaffTable(header: GridRow, cells: readonly string[], ctx: ReadContext): TableReader {
  const keys = cells.map(labelKey);
  const columns = [
    { index: keys.findIndex((k) => /编制数$/.test(k)), field: "authorized" },
    { index: keys.findIndex((k) => /在职/.test(k)), field: "actual" },
    { index: keys.findIndex((k) => /控制率$/.test(k)), field: "reportedRate" },
  ].filter((c) => c.index >= 0);
  let done = false;
  return {
    kind: "budget",
    headerLine: header.line,
    read(row, rowCells) {
      if (done || columns.every((c) => (rowCells[c.index] ?? "") === "")) return false;
      done = true;
      for (const { index, field } of columns) {
        const text = rowCells[index] ?? "";
        if (text === "") continue;
        const place = { line: row.line, column: cells[index] ?? "" };
        const read = field === "reportedRate" ? readRate(text, place) : readCount(text, place);
        if (!read.ok) ctx.unread(row, read.reason);
        else if (ctx.fragment.set(`budget.staff.${field}`, read.value, row, `“${place.column}”`)) {
          ctx.hit("budget", row);
        }
      }
      return true;
    },
    close() {},
  };
}

/** Opens the 经费控制情况 table at its heading row. */
export function openExpenseTable(
  header: GridRow,
  cells: readonly string[],
  following: readonly GridRow[],
  ctx: ReadContext,
): TableReader {
  const keys = cells.map(labelKey);
  const years = keys.flatMap((k) => YEAR_COLUMN.exec(k)?.[1] ?? []).map(Number);
  const year = Math.max(...years);
  const columns = [
    { index: keys.indexOf(`${year}年预算数`), field: "budget" },
    { index: keys.indexOf(`${year}年决算数`), field: "actual" },
  ].filter((c) => c.index >= 0);
  const labelEnd = keys.findIndex((k) => YEAR_COLUMN.test(k));
  const unit = tableUnit(cells, following, ctx);
  return {
    kind: "budget",
    headerLine: header.line,
    read(row, rowCells) {
      const label = rowCells.slice(0, labelEnd).find((c) => c !== "");
      if (label === undefined) return false;
      const key = labelKey(label);
      const path = /^三公经费/.test(key)
        ? "budget.threePublicExpenses"
        : /^政府采购/.test(key)
          ? "budget.procurement"
          : null;
      if (path === null) {
        if (rowCells.slice(labelEnd).some((c) => c !== "")) {
          ctx.unread(row, `第${row.line}行“${label}”不在报告模型中（只读三公经费和政府采购金额），未读取`);
        }
        return true;
      }
      for (const { index, field } of columns) {
        const text = rowCells[index] ?? "";
        if (text === "") continue;
        const read = readAmount(text, unit, { line: row.line, column: cells[index] ?? "" });
        if (!read.ok) ctx.unread(row, read.reason);
        else if (ctx.fragment.set(`${path}.${field}`, read.value, row, `“${cells[index]}”`))
          ctx.hit("budget", row);
      }
      return true;
    },
    close() {},
  };
}
