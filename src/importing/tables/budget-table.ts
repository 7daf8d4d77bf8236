import { isBlankMark, labelKey } from "../grid/cell-text.ts";
import type { GridRow } from "../grid/text-grid.ts";
import { type AmountUnit, type CellRead, readAmount, readPoints, readRate } from "./cell-values.ts";
import type { ReadContext, TableReader } from "./table-reading.ts";
import { tableUnit } from "./table-unit.ts";
import { budgetRole } from "./template-headers.ts";

/**
 * The 预算情况 table: the total row (部门预算总额 / 年度资金总额) with 年初预算数, 调整预算数
 * (全年预算数), 预算执行数, 执行率, 分值, 得分, and the sub-rows 资金来源 (财政 / 其他资金) and
 * 资金结构 (基本支出 / 项目支出). Henan 自评表, Hunan 整体支出规模 and 项目资金 layouts.
 *
 * A 申报表 has no column headings, only one amount per row ("部门预算总额（万元） | 56"): that is
 * the budget declared at the start of the year, `declaredTotal` on the total row and `initial` on
 * the sub-rows.
 */

type BudgetField = "initial" | "adjusted" | "executed" | "reportedRate" | "weight" | "score";
type BudgetLine = "total" | "fiscal" | "other" | "basic" | "project";

const PATHS: Record<BudgetLine, string> = {
  total: "budget",
  fiscal: "budget.sources.fiscal",
  other: "budget.sources.other",
  basic: "budget.structure.basic",
  project: "budget.structure.project",
};

function columnField(heading: string): BudgetField | null {
  const role = budgetRole(heading);
  return role === null || role === "label" ? null : role;
}

function lineOf(label: string): BudgetLine | null {
  const key = labelKey(label);
  if (/总额|合计|总计/.test(key)) return "total";
  if (/其他资金/.test(key)) return "other";
  if (/财政/.test(key)) return "fiscal";
  if (/基本支出/.test(key)) return "basic";
  if (/项目支出/.test(key)) return "project";
  return null;
}

/**
 * Whether a row is the heading of a 预算情况 table: it starts with the table's title ("预算情况",
 * "项目资金（万元）") or names two amount columns. Inside an indicator table only the second counts
 * (`byColumns`): an indicator named 项目资金安全性 is a row of that table, not a new one.
 */
export function isBudgetHeader(cells: readonly string[], byColumns = false): boolean {
  const first = cells.find((c) => labelKey(c) !== "");
  if (!byColumns && first !== undefined && budgetRole(first) === "label") return true;
  const amounts = cells.filter((k) => {
    const field = columnField(k);
    return field !== null && field !== "weight" && field !== "score";
  });
  return amounts.length >= 2;
}

interface Column {
  index: number;
  field: BudgetField;
  heading: string;
}

/** Opens a 预算情况 table at its heading row; a 申报表 heading row is read as data too. */
export function openBudgetTable(
  header: GridRow,
  cells: readonly string[],
  following: readonly GridRow[],
  ctx: ReadContext,
): TableReader {
  const columns: Column[] = [];
  for (const [index, heading] of cells.entries()) {
    const field = columnField(heading);
    if (field !== null) columns.push({ index, field, heading });
  }
  const unit = tableUnit(cells, following, ctx);
  const labelEnd = columns.length === 0 ? cells.length : Math.min(...columns.map((c) => c.index));
  if (!columns.some((c) => c.field === "weight")) statedWeight(header, cells, ctx);
  const spanned = titleSpansRows(cells, labelEnd);
  const reader: TableReader = {
    kind: "budget",
    headerLine: header.line,
    width: cells.length,
    read(row, given) {
      const rowCells = spanned && rowLacksTitle(given) ? ["", ...given] : given;
      const at = rowCells.findIndex((c, i) => i < labelEnd && c !== "" && budgetRole(c) !== "label");
      const label = rowCells[at];
      if (label === undefined) return false;
      if (columns.length === 0) readDeclared(row, rowCells.slice(at + 1), label, unit, ctx);
      else readColumns(row, rowCells, label, columns, unit, ctx);
      return true;
    },
    close() {},
  };
  if (columns.length === 0) reader.read(header, cells);
  return reader;
}

/** "预算执行情况(万元) (20分)" or "得分 (20分*执行率)": the 分值 of 预算执行率 stated in a heading. */
const HEADING_WEIGHT = [/[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/u, /(\d+(?:\.\d+)?)\s*分\s*[*×xX]\s*执行率/u];

function statedWeight(header: GridRow, cells: readonly string[], ctx: ReadContext): void {
  for (const cell of cells) {
    for (const pattern of HEADING_WEIGHT) {
      const m = pattern.exec(cell);
      const value = Number(m?.[1]);
      if (m !== null && value > 0 && value <= 100) {
        if (ctx.fragment.set(`${PATHS.total}.weight`, value, header, `“${cell}”`)) ctx.hit("budget", header);
        return;
      }
    }
  }
}

/** A heading that names only the unit of the amounts, in brackets: "年度预算数(万元)". */
const UNIT_HEADING = /[(（](?:万元|元)[)）]$/;

/**
 * Whether the heading row opens with the table's title in a cell that spans its rows, then the
 * heading of the row labels, which names the amounts' unit ("预算执行情况(10分) | 年度预算数(万元) |
 * 年初预算 | …", Sichuan): the rows ("总额 | 0.00 | 3.36 | …") then have no cell under the title and
 * start one column to the left. A second heading that is a column of its own ("预算数(A)") is not this.
 */
function titleSpansRows(cells: readonly string[], labelEnd: number): boolean {
  const [title = "", labels = ""] = cells;
  return (
    labelEnd === 2 &&
    budgetRole(title) === "label" &&
    budgetRole(labels) === null &&
    UNIT_HEADING.test(labels.replace(/\s+/g, ""))
  );
}

/** Whether a row starts with its label and has a value right after it (no cell under a spanning title). */
function rowLacksTitle(cells: readonly string[]): boolean {
  const [label = "", value = ""] = cells;
  return label !== "" && budgetRole(label) !== "label" && /^-?\d/.test(value.trim());
}

function readCell(field: BudgetField, text: string, unit: AmountUnit | null, line: number, column: string) {
  const place = { line, column };
  if (field === "reportedRate") return readRate(text, place);
  if (field === "weight" || field === "score") return readPoints(text, place);
  return readAmount(text, unit, place);
}

function store(
  row: GridRow,
  line: BudgetLine,
  field: string,
  read: CellRead<string | number>,
  heading: string,
  ctx: ReadContext,
): void {
  if (!read.ok) ctx.unread(row, read.reason);
  else if (ctx.fragment.set(`${PATHS[line]}.${field}`, read.value, row, `“${heading}”`))
    ctx.hit("budget", row);
}

function notModelled(row: GridRow, label: string, ctx: ReadContext): void {
  ctx.unread(row, `第${row.line}行“${label}”不在报告模型中（只读合计、资金来源和资金结构），未读取`);
}

function readColumns(
  row: GridRow,
  cells: readonly string[],
  label: string,
  columns: readonly Column[],
  unit: AmountUnit | null,
  ctx: ReadContext,
): void {
  const line = lineOf(label);
  const present = columns.filter((c) => !isBlankMark(cells[c.index] ?? ""));
  if (line === null) {
    if (present.length > 0) notModelled(row, label, ctx);
    return;
  }
  for (const column of present) {
    const text = cells[column.index] ?? "";
    if (line !== "total" && (column.field === "weight" || column.field === "score")) {
      ctx.unread(row, `第${row.line}行“${column.heading}”只属于合计行，“${label}”行的“${text}”未读取`);
      continue;
    }
    store(
      row,
      line,
      column.field,
      readCell(column.field, text, unit, row.line, column.heading),
      column.heading,
      ctx,
    );
  }
}

function readDeclared(
  row: GridRow,
  rest: readonly string[],
  label: string,
  unit: AmountUnit | null,
  ctx: ReadContext,
): void {
  const values = rest.filter((c) => c !== "");
  const line = lineOf(label);
  const value = values[0];
  if (value === undefined) return;
  if (line === null) {
    notModelled(row, label, ctx);
    return;
  }
  if (values.length > 1) {
    ctx.unread(
      row,
      `第${row.line}行“${label}”有${values.length}个数，但表格没有列标题（年初预算数、预算执行数等），无法判断各是什么，未读取`,
    );
    return;
  }
  const field = line === "total" ? "declaredTotal" : "initial";
  store(row, line, field, readAmount(value, unit, { line: row.line, column: label }), label, ctx);
}
