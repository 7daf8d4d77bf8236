/**
 * ziping's own drafts print a figure by the scoring rules and keep the officer's figure beside it:
 * "92.71（原填96）", "95.65%（原填95.66%）", "优（原填良）" (src/rendering/view-format.ts). Read back,
 * such a cell is the officer's figure: the report states what the officer wrote; the rules' figure is
 * recomputed by the scorer, never taken as reported. A cell saying "未填写" (not filled in, as forms
 * mark a gap) or holding only a draft's 〔待补充：…〕 marker is empty.
 */

const ANNOTATED = /^(.+?)\s*[（(]原填\s*(.+?)\s*[)）]$/u;

const MARKER_ONLY = /^〔待补充(?:：[^〔〕]*)?〕$/u;

/** The officer's figure of an annotated draft cell, "" for "未填写" or a 〔待补充〕 marker; any other cell as it is. */
export function officerValue(cell: string): string {
  if (cell === "未填写" || MARKER_ONLY.test(cell)) return "";
  const original = cell.includes("原填") ? ANNOTATED.exec(cell)?.[2] : undefined;
  return original === undefined ? cell : original;
}
