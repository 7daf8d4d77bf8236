import { parseNumber } from "../../numbers/index.ts";
import { compactName, isBlankMark, labelKey, splitWeight } from "../grid/cell-text.ts";
import { readPoints } from "./cell-values.ts";
import type { IndicatorColumns } from "./indicator-columns.ts";
import { isBareComparator } from "./indicator-target.ts";

/**
 * Rows of an indicator table whose cells do not stand under their headings, and how to place them by
 * what the cells say. An HTML table flattened to `|` lines leaves out the cells that a merged cell
 * above covers (the 一级 and 二级指标 of the second row of a group, a 绩效指标 label column) and its
 * padding hides the blank cells at the end, so a row starts under the wrong heading:
 * "数量指标 | 拆除活人墓、豪华墓 | 32座 | 32座 | 20" under "年度绩效指标 | 一级指标 | 二级指标 |
 * 三级指标 | 年初目标值 | 实际完成值 | 得分". Such a row is placed where its level cells read as level
 * names, its name as a name and its 分值/得分 as points — only when exactly one place fits; otherwise
 * it is not read (better unread than shifted).
 */

/** A 一级/二级 level name: "产出指标", "群众满意度 指标", "效益指标 (30分)". */
export function isLevelName(text: string): boolean {
  return /指标$/.test(labelKey(splitWeight(compactName(text)).name));
}

/** A cell that reads as a value rather than a name: "168起", "32座", "10", "≥95%", a lone "﹦". */
function isValue(text: string): boolean {
  return parseNumber(text).ok || isBareComparator(text);
}

/** A 分值/得分 cell holding something else: words ("有效提升") or a measured value ("32座", "100%"). */
function isNotPoints(text: string): boolean {
  if (isBlankMark(text)) return false;
  if (/\p{Script=Han}/u.test(text.replace(/分/g, ""))) return true;
  const parsed = parseNumber(text);
  return parsed.ok && (parsed.value.unit !== null || (parsed.value.counter ?? "分") !== "分");
}

function pointsColumns(cols: IndicatorColumns): number[] {
  return [cols.weight, cols.score, cols.blockWeight, cols.groupWeight].filter(
    (i): i is number => i !== undefined,
  );
}

/**
 * Whether a row placed by position is clearly shifted: its 三级指标 cell holds a value or a level
 * name, a 一级/二级 cell holds a value, a column left of the level columns (a 绩效指标 label) holds a
 * level name, or a 分值/得分 cell holds words or a measured value.
 */
export function looksShifted(cells: readonly string[], cols: IndicatorColumns, nameIndex: number): boolean {
  const name = cells[nameIndex] ?? "";
  if (name !== "" && (isValue(name) || isLevelName(name))) return true;
  const firstLevel = Math.min(cols.block ?? cols.name, cols.group ?? cols.name, cols.name);
  if (cells.slice(0, firstLevel).some((c) => c !== "" && isLevelName(c))) return true;
  for (const level of [cols.block, cols.group]) {
    const text = level === undefined ? "" : (cells[level] ?? "");
    if (text !== "" && isValue(text)) return true;
  }
  return pointsColumns(cols).some((i) => isNotPoints(cells[i] ?? ""));
}

/** Width of the heading row without the blank headings the padding added at its end ("得分 | |||"). */
export function usedWidth(cols: IndicatorColumns): number {
  let width = cols.width;
  while (width > 0 && (cols.headings[width - 1] ?? "") === "") width--;
  return width;
}

function fits(row: readonly string[], cols: IndicatorColumns): boolean {
  const name = row[cols.name] ?? "";
  if (name === "" || isValue(name) || isLevelName(name)) return false;
  if (cols.unit !== undefined && isValue(row[cols.unit] ?? "")) return false;
  for (const level of [cols.block, cols.group]) {
    const text = level === undefined ? "" : (row[level] ?? "");
    if (text !== "" && !isLevelName(text)) return false;
  }
  return pointsColumns(cols).every((i) => {
    const text = row[i] ?? "";
    return isBlankMark(text) || readPoints(text, { line: 0, column: "" }).ok;
  });
}

/**
 * Places a row by its content (see the module comment): the row's cells, blank ones at its end
 * left out, start under the one level column (一级, 二级, 三级 or a label column before them) where
 * they all fit and reach the last 分值/得分 column (only cells on the left can be left out; on the
 * right only the blank ones after it). Null when no place or more than one fits.
 */
export function fitByContent(cells: readonly string[], cols: IndicatorColumns): string[] | null {
  const c = [...cells];
  while (c.length > 0 && c.at(-1) === "") c.pop();
  const width = usedWidth(cols);
  const points = pointsColumns(cols);
  const lastNeeded = points.length > 0 ? Math.max(...points) : width - 1;
  const placed: string[][] = [];
  for (let start = 0; start <= cols.name && start + c.length <= width; start++) {
    if (start + c.length - 1 < lastNeeded) continue;
    const row = [...Array<string>(start).fill(""), ...c];
    while (row.length < cols.width) row.push("");
    if (fits(row, cols)) placed.push(row);
  }
  return placed.length === 1 ? (placed[0] ?? null) : null;
}
