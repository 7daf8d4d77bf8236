import { parseNumber } from "../../numbers/index.ts";
import { readPoints } from "../tables/cell-values.ts";
import type { RowRead, ValueColumn } from "../tables/indicator-row-split.ts";
import { isBlankMark } from "./cell-text.ts";
import { readValues, type ValueKind } from "./value-grammar.ts";

/**
 * The values of one 预算情况 row written with single spaces between the cells ("0 0 0 10 0 0"): one
 * word per column, each a value of its column's kind ("—" for a blank cell; a bare 0 is 0% in any
 * scale). Null when the words are not exactly one per column or one does not read.
 */
export function splitSpacedValues(text: string, kinds: readonly ValueKind[]): string[] | null {
  const words = text.split(" ").filter((w) => w !== "");
  if (words.length !== kinds.length || words.length < 2) return null;
  const fits = words.every((word, i) => {
    const kind = kinds[i];
    if (kind === undefined) return false;
    if (isBlankMark(word) || (kind === "rate" && /^0+(?:\.0+)?$/.test(word))) return true;
    return readValues(word, 0, kind).some((r) => r.end === word.length);
  });
  return fits ? words.map((w) => (isBlankMark(w) ? "" : w)) : null;
}

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
