import { filled, labelKey } from "../grid/cell-text.ts";
import type { GridRow } from "../grid/text-grid.ts";
import type { TaskFragment } from "../report/report-fragment.ts";
import { readAmount, readRate } from "./cell-values.ts";
import type { ReadContext, TableReader } from "./table-reading.ts";
import { tableUnit } from "./table-unit.ts";

/**
 * The 年度主要任务 table: 任务名称, 主要内容, 预算资金 (其中：财政资金), 任务完成情况, 预算执行数
 * (其中：财政资金), 预算执行率. Headings broken over several lines by the PDF extractor ("预算资" /
 * "金") are joined. The text cells before the first figure are the name and the content, in order:
 * seed 000 writes "任务1: …" under 年度主要任务 and the content under 任务名称.
 */

type TaskColumn =
  | "label"
  | "text"
  | "budget"
  | "fiscal"
  | "status"
  | "executed"
  | "executedFiscal"
  | "reportedRate";

/** Full headings, for telling a heading broken over lines from a short task row. */
const FULL_HEADINGS = new Set([
  "年度主要任务",
  "任务名称",
  "主要内容",
  "预算资金",
  "其中:财政资金",
  "任务完成情况",
  "预算执行数",
  "预算执行率",
]);
const MAX_FRAGMENT = 4;

function roleOf(key: string, previousMoney: TaskColumn | null): TaskColumn | null {
  if (key.includes("任务名称") || key.includes("主要内容")) return "text";
  if (/年度主要任务|^年度$|^主要任务$/.test(key)) return "label";
  if (/执行率/.test(key)) return "reportedRate";
  if (/^其中/.test(key)) {
    if (previousMoney === "budget") return "fiscal";
    return previousMoney === "executed" ? "executedFiscal" : null;
  }
  if (/^(?:预算资|预算数|年度预算)/.test(key)) return "budget";
  if (/^(?:预算执行|执行数|实际执行|实际支出)/.test(key)) return "executed";
  return /完成/.test(key) ? "status" : null;
}

function roles(headings: readonly string[]): (TaskColumn | null)[] {
  let previousMoney: TaskColumn | null = null;
  return headings.map((heading) => {
    const role = roleOf(labelKey(heading), previousMoney);
    if (role === "budget" || role === "executed") previousMoney = role;
    return role;
  });
}

/** Whether a row is the heading of a 年度主要任务 table. */
export function isTaskHeader(cells: readonly string[]): boolean {
  return cells.some((c) => labelKey(c).includes("任务名称"));
}

/** Joins a heading continuation row into the headings when that completes a known heading. */
function continueHeadings(headings: string[], cells: readonly string[]): boolean {
  const values = filled(cells);
  if (values.length === 0 || values.some((c) => c.length > MAX_FRAGMENT || /\d/.test(c))) return false;
  const joined = headings.map((h, i) => h + (cells[i] ?? ""));
  const completes = joined.some(
    (h, i) => FULL_HEADINGS.has(labelKey(h)) && !FULL_HEADINGS.has(labelKey(headings[i] ?? "")),
  );
  if (!completes) return false;
  headings.splice(0, headings.length, ...joined);
  return true;
}

/** Opens a 年度主要任务 table at its heading row. */
export function openTaskTable(
  header: GridRow,
  cells: readonly string[],
  following: readonly GridRow[],
  ctx: ReadContext,
): TableReader {
  const headings = [...cells];
  const unit = tableUnit(cells, following, ctx);
  let dataSeen = false;
  return {
    kind: "tasks",
    headerLine: header.line,
    read(row, rowCells) {
      if (!dataSeen && continueHeadings(headings, rowCells)) return true;
      dataSeen = true;
      const columnRoles = roles(headings);
      const firstValue = columnRoles.findIndex((r) => r !== null && r !== "label" && r !== "text");
      const texts = filled(rowCells.slice(0, firstValue < 0 ? rowCells.length : firstValue));
      const [name, content, ...extra] = texts;
      if (name === undefined) {
        ctx.unread(row, `第${row.line}行没有任务名称，未读取`);
        return true;
      }
      const task: TaskFragment = { name };
      if (content !== undefined) task.content = content;
      if (extra.length > 0) {
        ctx.unread(row, `第${row.line}行任务名称和主要内容之外还有“${extra.join("”“")}”，未读取`);
      }
      for (const [index, role] of columnRoles.entries()) {
        const text = rowCells[index] ?? "";
        if (text === "" || role === null || role === "label" || role === "text") continue;
        const place = { line: row.line, column: headings[index] ?? "" };
        if (role === "status") {
          task.status = text;
          continue;
        }
        const read = role === "reportedRate" ? readRate(text, place) : readAmount(text, unit, place);
        if (read.ok) task[role] = read.value;
        else ctx.unread(row, read.reason);
      }
      ctx.fragment.tasks().push(task);
      ctx.hit("tasks", row);
      return true;
    },
    close() {},
  };
}
