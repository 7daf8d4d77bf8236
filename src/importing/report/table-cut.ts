import { type ImportNote, TABLE_NAMES } from "./import-document.ts";
import type { ReportFragment } from "./report-fragment.ts";

/** Lines after the table's last read row that may still belong to it (a wrapped cell, an unread row). */
const SLACK_LINES = 3;

/**
 * True when the indicator table runs to the very end of the text and no 总分/合计 row closed it: the
 * file was cut inside the table (a web page or PDF export that stops mid-table), so the rows of its
 * last block, and of the blocks after it, are not all there. Checks of block and total sums must not
 * run on such a table; the rows that were read are still checked.
 */
export function indicatorTableCut(
  fragment: ReportFragment,
  reads: readonly ImportNote[],
  text: string,
): boolean {
  if ((fragment.indicators ?? []).length === 0) return false;
  if (fragment.summary?.totalRow !== undefined) return false;
  const table = reads.filter((r) => r.what === TABLE_NAMES.indicators && r.lastLine !== undefined).at(-1);
  if (table?.lastLine === undefined) return false;
  const lines = text.split(/\r\n|\r|\n/);
  let last = lines.length;
  while (last > 0 && (lines[last - 1] ?? "").trim() === "") last -= 1;
  return table.lastLine >= last - SLACK_LINES;
}
