import type { GridRow } from "../grid/text-grid.ts";
import { readUnitLine, readYearLine } from "../tables/table-titles.ts";

/**
 * The line between a table's title and the table often holds two things set apart by wide spaces:
 * "（2021年度）　　单位：万元" (Word centres the year and pushes the unit right with spaces). Read as one
 * paragraph it is neither a year line nor a unit line; split, it is both.
 */

const WIDE_SPACE = /\u3000+|\s{2,}/u;

/** A plain row made only of year and unit lines, one row each; any other row unchanged. */
export function splitTitleArea(row: GridRow): GridRow[] {
  const [text] = row.cells;
  if (!row.plain || text === undefined || !WIDE_SPACE.test(text)) return [row];
  const parts = text.split(WIDE_SPACE).filter((p) => p !== "");
  if (parts.length < 2 || !parts.every((p) => readYearLine(p) !== null || readUnitLine(p) !== null))
    return [row];
  return parts.map((part) => ({ ...row, cells: [part] }));
}
