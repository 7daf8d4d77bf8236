import { parseNumber } from "../numbers/index.ts";
import { isBlankMark } from "./cell-text.ts";
import { readPoints } from "./cell-values.ts";
import type { RowRead, ValueColumn } from "./indicator-row-split.ts";

/**
 * Indicator rows of a table a document export wrote on one line with single spaces between the cells
 * ("基建工程委托业务项目数量 ≥50个 50 8 8 质量指标 …"; the 一级/二级 names are taken out before, by
 * their names). Without blank cells, every row is a name and one value per column: the stretch is
 * read when its words are whole rows of that length, each name not a number and each 分值/得分 a
 * number of points; otherwise it is not read.
 */
export function splitSpacedRows(
  text: string,
  columns: readonly ValueColumn[],
  plausible: (values: readonly string[]) => boolean,
): RowRead[] | null {
  const words = text.split(" ").filter((w) => w !== "");
  const size = columns.length + 1;
  if (words.length < size || words.length % size !== 0) return null;
  const rows: RowRead[] = [];
  for (let at = 0; at < words.length; at += size) {
    const [name = "", ...values] = words.slice(at, at + size);
    if (parseNumber(name).ok || isBlankMark(name)) return null;
    const pointsOk = columns.every(
      (c, k) => c.kind !== "points" || readPoints(values[k] ?? "", { line: 0, column: "" }).ok,
    );
    if (!pointsOk || !plausible(values)) return null;
    rows.push({ name, values });
  }
  return rows;
}
