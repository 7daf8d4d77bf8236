import type { GridRow } from "../grid/text-grid.ts";
import { indicatorRole } from "./template-headers.ts";

/**
 * The headings of an indicator table headed by two rows, or null: the upper row names the wide
 * columns ("绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施"), the lower
 * one (with a 三级指标 and no 实际完成值 or 得分) the columns some of them span
 * ("一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位"). The lower row stops where the
 * spanned columns end; the columns after it are the upper row's headings that the lower row does not
 * name (实际完成值, 分值, 得分, 偏差原因…), in their order.
 */
function withUpperHeadings(upper: GridRow | undefined, lower: readonly string[]): string[] | null {
  const filled = lower.filter((c) => c !== "");
  if (upper === undefined || upper.plain) return null;
  const lowerRoles = new Set(filled.map(indicatorRole));
  if (!lowerRoles.has("name") || lowerRoles.has("actual") || lowerRoles.has("score")) return null;
  const upperRoles = upper.cells.map(indicatorRole);
  // The upper row must itself be no heading row (no 三级指标) and must name a column the lower one spans.
  if (upperRoles.includes("name") || !upperRoles.some((r) => r !== null && lowerRoles.has(r))) return null;
  const after = upper.cells.filter((_, i) => {
    const role = upperRoles[i];
    return role !== null && role !== undefined && !lowerRoles.has(role);
  });
  return after.length < 2 ? null : [...filled, ...after];
}

/** The rows with each two-row indicator heading (see `withUpperHeadings`) made one row. */
export function mergeHeadingRows(rows: readonly GridRow[]): GridRow[] {
  const out: GridRow[] = [];
  for (const row of rows) {
    const upper = out.at(-1);
    const merged = row.plain ? null : withUpperHeadings(upper, row.cells);
    if (upper !== undefined && merged !== null) {
      out[out.length - 1] = { ...row, line: upper.line, cells: merged };
    } else out.push(row);
  }
  return out;
}
