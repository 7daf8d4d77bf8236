import { labelKey } from "../grid/cell-text.ts";
import type { GridRow } from "../grid/text-grid.ts";
import type { AmountUnit } from "./cell-values.ts";
import type { ReadContext } from "./table-reading.ts";
import { rowTitle } from "./table-titles.ts";

/** A unit in a heading: "项目资金（万元）", "部门预算总额(万元)". */
const HEADING_UNIT = /[（(]\s*(万元|元)\s*[)）]/;
/** Accounting format (thousands separators, two decimals) as 元 figures are printed: "6,272,512.00". */
const ACCOUNTING_FIGURE = /^\d{1,3}(?:,\d{3})+\.\d{2}$/;
/** Rows after a heading row looked at for accounting figures: a table reader never needs more. */
export const LOOKAHEAD_ROWS = 60;

/**
 * The unit of the amounts in a table, in order of authority: a unit in the table's headings, the
 * unit line stated before the table ("单位：万元"), 元 when the figures are printed in accounting
 * format ("6,272,512.00") before the next paragraph or table title, the caller's default. Null when nothing says, so amounts are not read.
 */
export function tableUnit(
  headings: readonly string[],
  following: readonly GridRow[],
  ctx: ReadContext,
): AmountUnit | null {
  for (const heading of headings) {
    const unit = HEADING_UNIT.exec(labelKey(heading))?.[1];
    if (unit !== undefined) return unit as AmountUnit;
  }
  if (ctx.statedUnit !== null) return ctx.statedUnit;
  const ahead = following.slice(0, LOOKAHEAD_ROWS);
  const end = ahead.findIndex((r) => r.plain || rowTitle(r) !== null);
  const rows = end < 0 ? ahead : ahead.slice(0, end);
  if (rows.some((r) => r.cells.some((c) => ACCOUNTING_FIGURE.test(c)))) return "元";
  return ctx.defaultUnit;
}
