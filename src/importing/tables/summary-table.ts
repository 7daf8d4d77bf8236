import { compactName, filled, labelKey } from "../grid/cell-text.ts";
import type { GridRow } from "../grid/text-grid.ts";
import type { SummaryRowFragment } from "../report/report-fragment.ts";
import { type CellPlace, readPoints, readRate } from "./cell-values.ts";
import type { ReadContext, TableReader } from "./table-reading.ts";

/**
 * The 各项指标得分情况表 (指标 | 权重分值 | 得分 | 得分率): one row per block into `summary.blocks`,
 * the 合计 row into `summary.totalRow`. Also the 总分 row at the foot of a Hunan indicator table.
 */

const TOTAL_NAMES = new Set(["合计", "总分", "总计", "总得分"]);
const NAME_HEADINGS = new Set(["指标", "一级指标", "指标名称", "项目", "评价指标", "指标类别"]);

interface SummaryColumns {
  name: number;
  weight: number;
  score: number;
  rate?: number;
  headings: string[];
}

function summaryColumns(cells: readonly string[]): SummaryColumns | null {
  const keys = cells.map(labelKey);
  const name = keys.findIndex((k) => k !== "");
  const weight = keys.findIndex((k) => /^(?:权重分值|权重|分值|满分|标准分)$/.test(k));
  const score = keys.findIndex((k) => /^(?:实际)?得分$/.test(k));
  const rate = keys.indexOf("得分率");
  if (!NAME_HEADINGS.has(keys[name] ?? "") || weight < 0 || score < 0) return null;
  if (keys.some((k) => /^[二三]级指标/.test(k))) return null;
  return { name, weight, score, ...(rate < 0 ? {} : { rate }), headings: [...cells] };
}

/** Whether a row is the heading of a 各项指标得分情况表. */
export function isSummaryHeader(cells: readonly string[]): boolean {
  return summaryColumns(cells) !== null;
}

function withValue(
  entry: SummaryRowFragment,
  key: "weight" | "score",
  text: string,
  place: CellPlace,
  row: GridRow,
  ctx: ReadContext,
): void {
  if (text === "") return;
  const read = readPoints(text, place);
  if (read.ok) entry[key] = read.value;
  else ctx.unread(row, read.reason);
}

function store(entry: SummaryRowFragment, row: GridRow, ctx: ReadContext): void {
  if (TOTAL_NAMES.has(entry.name ?? "")) {
    if (ctx.fragment.set("summary.totalRow", entry, row, "合计行")) ctx.hit("summary", row);
  } else {
    ctx.fragment.summaryBlocks().push(entry);
    ctx.hit("summary", row);
  }
}

/** Opens a 各项指标得分情况表 at its heading row. */
export function openSummaryTable(header: GridRow, cells: readonly string[], ctx: ReadContext): TableReader {
  const cols = summaryColumns(cells) ?? { name: 0, weight: 1, score: 2, headings: [...cells] };
  return {
    kind: "summary",
    headerLine: header.line,
    read(row, rowCells) {
      const name = compactName(rowCells[cols.name] ?? "");
      if (name === "") return false;
      const entry: SummaryRowFragment = { name };
      const place = (index: number): CellPlace => ({ line: row.line, column: cols.headings[index] ?? "" });
      withValue(entry, "weight", rowCells[cols.weight] ?? "", place(cols.weight), row, ctx);
      withValue(entry, "score", rowCells[cols.score] ?? "", place(cols.score), row, ctx);
      const rateText = cols.rate === undefined ? "" : (rowCells[cols.rate] ?? "");
      if (cols.rate !== undefined && rateText !== "") {
        const rate = readRate(rateText, place(cols.rate));
        if (rate.ok) entry.rate = rate.value;
        else ctx.unread(row, rate.reason);
      }
      store(entry, row, ctx);
      return true;
    },
    close() {},
  };
}

/**
 * Reads a 总分 / 合计 row under an indicator table ("总分 | 100 | 96"): its two numbers are the
 * 分值 and the 得分, in that order; one number below 100 is the 得分 alone. False when the row is not
 * a total row.
 */
export function readTotalRow(row: GridRow, cells: readonly string[], ctx: ReadContext): boolean {
  const [first, ...rest] = filled(cells);
  const name = compactName(first ?? "");
  if (!TOTAL_NAMES.has(name)) return false;
  const points = rest.map((text) => readPoints(text, { line: row.line, column: name }));
  const values = points.flatMap((p) => (p.ok ? [p.value] : []));
  const [weight, score] = values;
  // "总分 | 99.55分": a table with no 分值 column gives the total score alone. A lone 100 could be
  // either the 分值 or a full score, so it is not taken.
  if (values.length === 1 && rest.length === 1 && weight !== undefined && weight > 0 && weight < 100) {
    store({ name, score: weight }, row, ctx);
    return true;
  }
  if (weight === undefined || score === undefined || values.length !== rest.length || values.length > 2) {
    ctx.unread(
      row,
      `第${row.line}行“${name}”行应为分值和得分两个数，例如“${name} | 100 | 96”，读到“${rest.join(" | ")}”`,
    );
    return true;
  }
  store({ name, weight, score }, row, ctx);
  return true;
}
