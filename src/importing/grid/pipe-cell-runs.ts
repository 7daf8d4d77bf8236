import { parseNumber } from "../../numbers/index.ts";
import { indicatorColumns } from "../tables/indicator-columns.ts";
import { isLevelName } from "../tables/indicator-row-fit.ts";
import { indicatorRole } from "../tables/template-headers.ts";
import type { GridRow } from "./text-grid.ts";

/**
 * A web page table flattened one cell per line (`pipe-cells`) whose `||||` line between the heading
 * row and the first data row was lost: the row holds the indicator headings, then the cells of the
 * rows after them ("… | 分值 | 得分 | 偏差原因分析及改进措施 | | | | 数量指标 | 指标1:租车次数(次) | …").
 * The headings are made a row of their own and the cells after them another; rows run together
 * after that are cut by the indicator table (indicator-table.ts).
 */
export function splitHeadingRuns(rows: readonly GridRow[]): GridRow[] {
  return rows.flatMap((row) => {
    if (row.mergedCellsOmitted !== true) return [row];
    const roles = row.cells.map(indicatorRole);
    let last = roles.length - 1;
    while (last >= 0 && roles[last] === null) last--;
    const head = row.cells.slice(0, last + 1);
    const rest = row.cells.slice(last + 1);
    // The cells after the headings must read as a data row (a level name or a number), not as one
    // more heading the templates do not know ("备注").
    const data = rest.some((c) => isLevelName(c) || parseNumber(c).ok);
    if (last < 0 || !data || indicatorColumns(head) === null) return [row];
    return [
      { ...row, cells: head },
      { ...row, cells: rest },
    ];
  });
}
