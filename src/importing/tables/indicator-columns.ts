import { compactName, splitWeight } from "../grid/cell-text.ts";
import { fitByContent, looksShifted, usedWidth } from "./indicator-row-fit.ts";
import { indicatorRole } from "./template-headers.ts";

/**
 * The columns of an indicator table (一级 / 二级 / 三级指标, 指标值, 度量单位, 实际完成值, 分值,
 * 得分, 未完成原因分析; Hunan: 权重, 年度指标值, 全年完成值, 自评得分, 偏差及原因分析), and the
 * alignment of a row whose cells extraction moved.
 */

/** Column index of each role in the heading row; `name` (三级指标 / 指标名称) is always there. */
export interface IndicatorColumns {
  width: number;
  headings: string[];
  name: number;
  block?: number;
  blockWeight?: number;
  group?: number;
  /** A 分值 column right after 二级指标 (Hunan 部门整体支出绩效评价指标表). */
  groupWeight?: number;
  target?: number;
  adjustedTarget?: number;
  unit?: number;
  nature?: number;
  /** 指标方向: the comparator of the target in a column of its own (大于等于, ≥, ﹦). */
  direction?: number;
  actual?: number;
  coefficient?: number;
  weight?: number;
  score?: number;
  reason?: number;
  criterion?: number;
  explanation?: number;
  core?: number;
}

type Role = Exclude<keyof IndicatorColumns, "width" | "headings">;

const POINTS: ReadonlySet<Role> = new Set(["weight", "score", "blockWeight"]);
const LEVEL_WEIGHT: Partial<Record<Role, Role>> = {
  block: "blockWeight",
  group: "groupWeight",
  name: "weight",
};

/**
 * The role of each heading (template-headers.ts). A 分值 / 权重 / 得分 column right after a level
 * column is that level's weight ("一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | … | 得分"; a
 * 得分 so placed only when a later 得分 column holds the scores).
 */
function rolesOf(cells: readonly string[]): Array<Role | null> {
  const roles: Array<Role | null> = cells.map((c) => indicatorRole(c));
  for (const [index, role] of roles.entries()) {
    const before = index > 0 ? roles[index - 1] : null;
    const level = before === null || before === undefined ? undefined : LEVEL_WEIGHT[before];
    if (role === null || !POINTS.has(role) || level === undefined) continue;
    if (role === "score" && !roles.slice(index + 1).includes("score")) continue;
    roles[index] = level;
  }
  return roles;
}

/** First-level names that can only be a 一级指标 (成本 and 满意度 are second-level in some tables). */
const BLOCK_NAME = /^(?:投入管理|投入|产出|效益|效果|决策|过程)指标$/;

/** Reads the heading row of an indicator table; null when the row is not one (no 三级指标 column). */
export function indicatorColumns(cells: readonly string[]): IndicatorColumns | null {
  const found: Partial<Record<Role, number>> = {};
  for (const [index, role] of rolesOf(cells).entries()) {
    if (role !== null && found[role] === undefined) found[role] = index;
  }
  const { name } = found;
  if (name === undefined) return null;
  if (found.target === undefined && found.actual === undefined && found.score === undefined) return null;
  return { ...found, name, width: cells.length, headings: [...cells] };
}

/** Whether a cell names a first-level block ("产出指标", "投入管理 指标 (20分)"). */
export function isBlockName(text: string): boolean {
  return BLOCK_NAME.test(splitWeight(compactName(text)).name);
}

/** A row with its cells in the columns of the heading row. */
export interface AlignedRow {
  cells: string[];
  /** The 二级指标 cell spans the 三级指标 column too: the group is also the indicator. */
  nameFromGroup: boolean;
}

/** Cells of a row without the blank ones a padded table adds at its end. */
function cellCount(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === "") n--;
  return n;
}

const NUMBER = /^\d+(?:\.\d+)?分?$/;

function hasData(cells: readonly string[], cols: IndicatorColumns): boolean {
  return [cols.target, cols.unit, cols.actual, cols.weight, cols.score].some(
    (i) => i !== undefined && (cells[i] ?? "") !== "",
  );
}

/**
 * Puts a row's cells under the right headings. Known moves:
 * - a blank first cell with the block name in the 二级指标 column (the whole row shifted right);
 * - one cell short with the 二级指标 cell spanning 三级指标 (Hunan 投入管理 rows);
 * - one cell short with only the trailing 原因 cell missing;
 * - the indicator name alone in the 一级指标 column, 二级/三级 blank (seed 001).
 * Any other row of the wrong length, or a row that so placed is clearly shifted, is placed by its
 * content (indicator-row-fit.ts) when exactly one place fits; otherwise the reason is returned.
 */
export function alignIndicatorRow(
  cells: readonly string[],
  cols: IndicatorColumns,
  inBlock: boolean,
): AlignedRow | { problem: string } {
  const placed = alignByPosition(cells, cols, inBlock);
  const nameIndex = "cells" in placed && placed.nameFromGroup ? (cols.group ?? cols.name) : cols.name;
  if ("cells" in placed && !looksShifted(placed.cells, cols, nameIndex)) return placed;
  const fitted = fitByContent(cells, cols);
  if (fitted !== null) return { cells: fitted, nameFromGroup: false };
  if ("problem" in placed) return placed;
  return {
    problem: `的各格与表头的列对不上（三级指标处是数值或指标类别，或分值、得分处不是分数），无法确定各格对应的列，整行未读取`,
  };
}

function alignByPosition(
  cells: readonly string[],
  cols: IndicatorColumns,
  inBlock: boolean,
): AlignedRow | { problem: string } {
  const c = [...cells];
  while (c.length > cols.width && c.at(-1) === "") c.pop();
  if (c.length > cols.width) {
    return { problem: `有${c.length}格，比表头的${usedWidth(cols)}列多，无法确定各格对应的列，整行未读取` };
  }
  const { block, group, name } = cols;
  let shifted = false;
  if (block !== undefined && group === block + 1 && c[block] === "" && isBlockName(c[group] ?? "")) {
    c.splice(block, 1);
    shifted = true;
  }
  let nameFromGroup = false;
  if (!shifted && c.length === cols.width - 1 && group !== undefined && name === group + 1) {
    if (!NUMBER.test(c.at(-1) ?? "")) {
      c.splice(name, 0, "");
      nameFromGroup = true;
    }
  }
  if (c.length < cols.width) {
    const onlyReasonMissing = c.length === cols.width - 1 && cols.reason === cols.width - 1;
    if (!shifted && !onlyReasonMissing) {
      return {
        problem: `有${cellCount(c)}格，表头有${usedWidth(cols)}列，无法确定缺少的是哪一列，整行未读取`,
      };
    }
    while (c.length < cols.width) c.push("");
  }
  if (
    inBlock &&
    block !== undefined &&
    group !== undefined &&
    c[name] === "" &&
    c[group] === "" &&
    (c[block] ?? "") !== "" &&
    !isBlockName(c[block] ?? "") &&
    hasData(c, cols)
  ) {
    c[name] = c[block] ?? "";
    c[block] = "";
  }
  return { cells: c, nameFromGroup };
}
