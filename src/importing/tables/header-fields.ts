import type { Grade } from "../../core/report.ts";
import { filled, labelKey } from "../grid/cell-text.ts";
import type { GridRow } from "../grid/text-grid.ts";
import { readPoints } from "./cell-values.ts";
import type { ReadContext, TableReader } from "./table-reading.ts";
import { headingKey } from "./template-headers.ts";

/**
 * The label/value cells at the top of a 自评表: 部门(单位)名称, 项目名称, 主管部门, 实施单位,
 * 自评得分, 自评结果, 年度履职目标 / 完成情况, 年度, 填表人及联系方式. A label's value is the next
 * non-empty cell of the row, or the text after its colon ("填报单位：浏阳市数据资源中心").
 */

type HeaderField =
  | "unit"
  | "parent"
  | "project"
  | "total"
  | "grade"
  | "goalsText"
  | "goalsStatus"
  | "year"
  | "phone"
  | "other";
type Field = HeaderField | "preparer";

const LABELS: ReadonlyMap<string, HeaderField> = new Map([
  ["部门(单位)名称", "unit"],
  ["部门名称", "unit"],
  ["单位名称", "unit"],
  ["填报单位", "unit"],
  ["实施单位", "unit"],
  ["预算单位", "unit"],
  ["主管部门", "parent"],
  ["主管部门及代码", "parent"],
  ["项目名称", "project"],
  ["项目支出名称", "project"],
  ["自评得分", "total"],
  ["自评总分", "total"],
  ["自评结果", "grade"],
  ["自评等级", "grade"],
  ["评价等级", "grade"],
  ["年度履职目标", "goalsText"],
  ["年度总体目标", "goalsText"],
  ["年度目标", "goalsText"],
  ["年度履职目标完成情况", "goalsStatus"],
  ["年度目标完成情况", "goalsStatus"],
  ["年度总体目标完成情况", "goalsStatus"],
  ["年度总体目标完成情况综述", "goalsStatus"],
  ["实际完成情况", "goalsStatus"],
  ["全年完成情况", "goalsStatus"],
  ["年度", "year"],
  ["联系电话", "phone"],
  ["电话", "phone"],
  // Labels of cells the report model has no place for: their value is not the next label's.
  ["财政处室", "other"],
  ["预算编码", "other"],
  ["项目编码", "other"],
  ["项目属性", "other"],
  // Page metadata of a government web page above the table.
  ["索引号", "other"],
  ["发文字号", "other"],
  ["发文日期", "other"],
  ["发文单位", "other"],
  ["发布日期", "other"],
  ["主题分类", "other"],
  ["效力状态", "other"],
]);

/**
 * Labels that start a header cell in a row whose cells ran together ("项目名称…主管部门…"): the
 * known labels of four characters or more (年度 and 电话 are part of too many other words).
 */
export const RUN_TOGETHER_LABELS: readonly string[] = [
  ...[...LABELS.keys()].filter((k) => k.length >= 4),
  "项目负责人及电话",
  "项目负责人",
  "部门联系人",
  "单位联系人",
  "填表人及联系方式",
];

const PATHS: Record<
  Exclude<HeaderField, "total" | "grade" | "year" | "phone" | "other">,
  readonly [string, string]
> = {
  unit: ["unit.name", "单位名称"],
  parent: ["unit.parent", "主管部门"],
  project: ["project", "项目名称"],
  goalsText: ["goals.text", "年度目标"],
  goalsStatus: ["goals.status", "目标完成情况"],
};

/** A truncated label counts: PDF extraction leaves "填表人及联" on one line and "系方式：" on another. */
const PREPARER = /^(?:填表人|填报人|(?:部门|单位)?联系人|项目负责人)/;
/** Column headings of the goals table ("年度总体目标 | 预期目标 | 实际完成情况"). */
export const GOAL_TEXT_COLUMNS: ReadonlySet<string> = new Set([
  "预期目标",
  "年初设定目标",
  "年度目标",
  "绩效目标",
]);
const GOAL_STATUS_COLUMNS = new Set(["实际完成情况", "全年完成情况", "完成情况"]);
const GRADES: ReadonlyMap<string, Grade> = new Map([
  ["优", "优"],
  ["优秀", "优"],
  ["良", "良"],
  ["良好", "良"],
  ["中", "中"],
  ["中等", "中"],
  ["差", "差"],
]);
const NAME_AND_PHONE = /^(.*?)[\s,，、:：]*((?:\+?86[-\s]?)?\d[\d\-\s]{5,}\d)$/u;
const PREPARER_LINE = /^[\u3400-\u9fff·]{2,6}[\s,，:：]*(?:\+?86[-\s]?)?\d[\d\-\s]{5,}\d$/u;
const PREPARER_LOOKAHEAD = 4;
/** What kind of number a phone is, after it: "13990260322(办公)". */
const PHONE_NOTE = /\s*[（(][\u3400-\u9fff]{1,4}[)）]$/u;

/** What reading a row's labels gave: whether it had any, rows used up, and a reader for a goals table. */
export interface HeaderFieldsResult {
  matched: boolean;
  consumed: number[];
  reader?: TableReader;
}

function fieldOf(cell: string): { field: Field; inline?: string } | null {
  const key = headingKey(cell);
  const known = LABELS.get(key);
  if (known !== undefined) return { field: known };
  const colon = /[：:]/.exec(cell);
  if (colon !== null) {
    const label = headingKey(cell.slice(0, colon.index));
    const inline = cell.slice(colon.index + 1).trim();
    const field = LABELS.get(label) ?? (PREPARER.test(label) ? "preparer" : undefined);
    if (field !== undefined) return { field, inline };
  }
  return PREPARER.test(key) ? { field: "preparer" } : null;
}

/**
 * Reads the label/value cells of a row. `rows` and `index` let a split 填表人 label find its value
 * on a following line ("刘媛媛 63526383"); such rows are returned in `consumed`.
 */
export function readHeaderFields(
  rows: readonly GridRow[],
  index: number,
  cells: readonly string[],
  ctx: ReadContext,
): HeaderFieldsResult {
  const row = rows[index];
  const result: HeaderFieldsResult = { matched: false, consumed: [] };
  if (row === undefined) return result;
  for (let i = 0; i < cells.length; i += 1) {
    const found = fieldOf(cells[i] ?? "");
    if (found === null) continue;
    result.matched = true;
    let value = found.inline;
    if (value === undefined) {
      const next = cells.findIndex((c, j) => j > i && c !== "");
      const nextCell = cells[next] ?? "";
      if (found.field === "goalsText" && GOAL_TEXT_COLUMNS.has(labelKey(nextCell))) {
        result.reader = goalsColumns(row, cells, ctx);
        return result;
      }
      if (next >= 0 && fieldOf(nextCell) === null) {
        value = nextCell;
        i = next;
      }
    }
    if (value !== undefined && value !== "" && !/[：:]$/.test(value)) {
      applyField(found.field, value, row, ctx);
    } else if (found.field === "preparer") {
      result.consumed.push(...findPreparer(rows, index, ctx));
    }
  }
  return result;
}

function applyField(field: Field, value: string, row: GridRow, ctx: ReadContext): void {
  const wrote = (path: string, v: string | number, label: string) => {
    if (ctx.fragment.set(path, v, row, label)) ctx.hit("header", row);
  };
  switch (field) {
    case "preparer": {
      const match = NAME_AND_PHONE.exec(value.replace(PHONE_NOTE, ""));
      const name = match === null ? value : (match[1] ?? "").trim();
      if (name !== "") wrote("preparer.name", name, "填表人");
      if (match?.[2] !== undefined) wrote("preparer.phone", match[2].trim(), "联系电话");
      return;
    }
    case "total": {
      const points = readPoints(value, { line: row.line, column: "自评得分" });
      if (points.ok) wrote("summary.total", points.value, "自评得分");
      else ctx.unread(row, points.reason);
      return;
    }
    case "grade": {
      const grade = GRADES.get(value.replace(/\s+/g, ""));
      if (grade !== undefined) wrote("summary.grade", grade, "自评结果");
      else ctx.unread(row, `第${row.line}行“自评结果”应为优、良、中或差，读到“${value}”`);
      return;
    }
    case "phone": {
      if (/^(?:\+?86[-\s]?)?\d[\d\-\s]{5,}\d$/.test(value)) wrote("preparer.phone", value, "联系电话");
      else ctx.unread(row, `第${row.line}行“联系电话”应为电话号码，例如 63526383，读到“${value}”`);
      return;
    }
    case "other":
      return;
    case "year": {
      const year = /^[（(]?\s*(\d{4})\s*年?度?\s*[)）]?$/.exec(value)?.[1];
      if (year !== undefined) wrote("year", Number(year), "年度");
      else ctx.unread(row, `第${row.line}行“年度”应为四位年份，例如 2021，读到“${value}”`);
      return;
    }
    default: {
      const [path, label] = PATHS[field];
      wrote(path, value, label);
    }
  }
}

/** Finds the "name phone" line a split 填表人及联系方式 label stands next to. */
function findPreparer(rows: readonly GridRow[], index: number, ctx: ReadContext): number[] {
  for (let j = index + 1; j <= index + PREPARER_LOOKAHEAD; j += 1) {
    const row = rows[j];
    const values = row === undefined ? [] : filled(row.cells);
    const value = values[0];
    if (row !== undefined && values.length === 1 && value !== undefined && PREPARER_LINE.test(value)) {
      applyField("preparer", value, row, ctx);
      return [j];
    }
  }
  return [];
}

/** The Hunan goals table: "年度总体目标 | 预期目标 | 实际完成情况" over one row of values. */
function goalsColumns(header: GridRow, cells: readonly string[], ctx: ReadContext): TableReader {
  const keys = cells.map(labelKey);
  const textAt = keys.findIndex((k) => GOAL_TEXT_COLUMNS.has(k));
  const statusAt = keys.findIndex((k) => GOAL_STATUS_COLUMNS.has(k));
  let done = false;
  return {
    kind: "header",
    headerLine: header.line,
    width: cells.length,
    read(row, rowCells) {
      const text = rowCells[textAt] ?? "";
      const status = statusAt < 0 ? "" : (rowCells[statusAt] ?? "");
      if (done || (text === "" && status === "")) return false;
      done = true;
      if (text !== "") applyField("goalsText", text, row, ctx);
      if (status !== "") applyField("goalsStatus", status, row, ctx);
      return true;
    },
    close() {},
  };
}
