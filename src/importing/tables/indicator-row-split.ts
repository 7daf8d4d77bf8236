import { unitAt, VALUE_UNITS, type ValueKind } from "../grid/value-grammar.ts";
import { readsAt, skipSpaces } from "../grid/value-split.ts";
import type { IndicatorColumns } from "./indicator-columns.ts";

/**
 * Splitting a stretch of indicator rows whose cells ran together ("安装坡面水标尺10≥266米≥266米10
 * 水标尺宽度10≥50厘米≥50厘米10") into names and values, by the value grammar and the heading's
 * column order. Of all the readings, the one with the most rows is kept, then the one whose names are
 * shortest (a value is read as soon as the grammar allows); a tie between two is no reading at all.
 */

/** A column after the name: what it holds and whether it may be blank. */
export interface ValueColumn {
  index: number;
  role: keyof IndicatorColumns;
  kind: ValueKind;
  optional: boolean;
}

/** One row as split: the name and the text of each value column ("" for a blank one). */
export interface RowRead {
  name: string;
  values: string[];
}

interface Best {
  rows: number;
  nameLength: number;
  ways: number;
  parse: RowRead[];
}

const MAX_NAME = 40;
const MEASURED: ReadonlySet<string> = new Set(["target", "adjustedTarget", "actual"]);

/**
 * Whether a stretch can be an indicator name: it has Chinese, no comparator, % or sentence
 * punctuation (a reason or criterion text glued to the next name), does not end with a digit, starts with a digit only for a range ("0-6岁儿童…"), and holds no quantity with its unit
 * ("1020万元"), which belongs to the values.
 */
function validName(name: string): boolean {
  if (!/[\u3400-\u9fff]/u.test(name) || /[≥≤<>＜＞%，。；！？,;!?]/u.test(name) || /\d$/.test(name))
    return false;
  if (/^\d/.test(name) && !/^\d+(?:\.\d+)?[-~～至]/.test(name)) return false;
  return ![...name.matchAll(/\d+/g)].some((m) => unitAt(name, (m.index ?? 0) + m[0].length));
}

/**
 * With the 计量单位 cell blank, the name runs up to the target: it must not end with the target's unit
 * and a stray character ("组织宣传活动次数次到" before "0次" is a unit cell and a damaged target run
 * together, not a name). "…次数", "…人数" end names often and are kept.
 */
function nameFits(name: string, values: readonly string[], columns: readonly ValueColumn[]): boolean {
  const unitAt = columns.findIndex((c) => c.role === "unit");
  const target = columns.findIndex((c) => c.role === "target");
  if (unitAt < 0 || target < 0 || values[unitAt] !== "") return true;
  const unit = unitOf(values[target] ?? "");
  if (unit === "") return true;
  const tail = name.slice(-(unit.length + 2));
  const at = tail.lastIndexOf(unit);
  if (at < 0) return true;
  const after = tail.slice(at + unit.length);
  return after === "" ? false : after === "数";
}

/** The unit a target is written with ("26次" → 次, "100%" → %, "好" → ""). */
function unitOf(target: string): string {
  if (!/\d/.test(target)) return "";
  return VALUE_UNITS.filter((u) => target.endsWith(u)).sort((a, b) => b.length - a.length)[0] ?? "";
}

/**
 * Whether a row's values hang together where the table has a 计量单位 column: the unit cell is the
 * unit the target is written with (blank for a qualitative target), and the target, adjusted target
 * and actual value are all numbers in that unit (or 0), or all words.
 */
function consistent(columns: readonly ValueColumn[], values: readonly string[]): boolean {
  const unitAt = columns.findIndex((c) => c.role === "unit");
  const target = columns.findIndex((c) => c.role === "target");
  if (unitAt < 0 || target < 0) return true;
  // A blank 计量单位 (left empty, or unreadable in a scan and so kept in the name) takes the target's
  // own unit; see nameFits for the name such a row may have.
  const unit = values[unitAt] || unitOf(values[target] ?? "");
  if (unit !== unitOf(values[target] ?? "")) return false;
  const measured = columns.flatMap((c, k) => (MEASURED.has(c.role) && values[k] ? [values[k] ?? ""] : []));
  const numbers = measured.filter((text) => /\d/.test(text));
  if (numbers.length > 0 && numbers.length < measured.length) return false;
  return numbers.every((text) => unitOf(text) === unit || /^0+(?:\.0+)?$/.test(text));
}

/** Every way the values of one row can be read from `at`: where they end and their texts. */
export function rowValues(
  text: string,
  at: number,
  columns: readonly ValueColumn[],
): Array<{ end: number; values: string[] }> {
  const out: Array<{ end: number; values: string[] }> = [];
  const walk = (from: number, index: number, done: string[]) => {
    const pos = index === 0 ? from : skipSpaces(text, from);
    const column = columns[index];
    if (column === undefined) {
      if (consistent(columns, done)) out.push({ end: pos, values: done });
      return;
    }
    const previous = done.filter((d) => d !== "").at(-1);
    for (const read of readsAt(text, pos, column.kind, previous))
      walk(read.end, index + 1, [...done, read.text]);
    if (column.optional) walk(from, index + 1, [...done, ""]);
  };
  walk(at, 0, []);
  return out;
}

/**
 * The one reading of a stretch of rows (see the module comment), or null when there is none or two
 * equally good. `plausible` (the 得分 not above the 分值) only chooses between readings.
 */
export function splitIndicatorRows(
  text: string,
  columns: readonly ValueColumn[],
  plausible: (values: readonly string[]) => boolean,
): RowRead[] | null {
  const memo = new Map<number, Best | null>();
  const better = (a: Best, b: Best | null) =>
    b === null || a.rows > b.rows || (a.rows === b.rows && a.nameLength < b.nameLength);
  const best = (from: number): Best | null => {
    const i = skipSpaces(text, from);
    if (i === text.length) return { rows: 0, nameLength: 0, ways: 1, parse: [] };
    const known = memo.get(i);
    if (known !== undefined) return known;
    const options: Array<{ name: string; end: number; values: string[] }> = [];
    for (let j = i + 1; j <= Math.min(text.length - 1, i + MAX_NAME); j += 1) {
      const name = text.slice(i, j).trim();
      const at = skipSpaces(text, j);
      if (validName(name))
        options.push(
          ...rowValues(text, at, columns)
            .filter((o) => nameFits(name, o.values, columns))
            .map((o) => ({ name, ...o })),
        );
    }
    const kept = options.filter((o) => plausible(o.values));
    let result: Best | null = null;
    for (const option of kept.length > 0 ? kept : options) {
      const rest = best(option.end);
      if (rest === null) continue;
      const parse = [{ name: option.name, values: option.values }, ...rest.parse];
      const found = {
        rows: rest.rows + 1,
        nameLength: rest.nameLength + option.name.length,
        ways: rest.ways,
        parse,
      };
      if (better(found, result)) result = found;
      else if (result !== null && found.rows === result.rows && found.nameLength === result.nameLength)
        result.ways = Math.min(2, result.ways + found.ways);
    }
    memo.set(i, result);
    return result;
  };
  const found = best(0);
  return found === null || found.ways !== 1 ? null : found.parse;
}

/**
 * One row followed by the text of a trailing text column ("资金到位率10100%100%10每低1个百分点扣0.5
 * 分，扣完为止": its 评分标准): the name, the values and that text, when there is exactly one such
 * reading. The text must not start with a digit (it would run into the last value) and must not
 * hold another row's values (two rows with their texts cannot be told apart).
 */
export function splitTrailingRow(
  text: string,
  columns: readonly ValueColumn[],
  plausible: (values: readonly string[]) => boolean,
): (RowRead & { trailing: string }) | null {
  const readings: Array<RowRead & { trailing: string }> = [];
  for (let j = 1; j <= Math.min(text.length - 1, MAX_NAME); j += 1) {
    const name = text.slice(0, j).trim();
    if (!validName(name)) continue;
    for (const option of rowValues(text, skipSpaces(text, j), columns)) {
      const trailing = text.slice(option.end).trim();
      if (trailing === "" || /^[\d.]/u.test(trailing) || !plausible(option.values)) continue;
      readings.push({ name, values: option.values, trailing });
    }
  }
  const [only, second] = readings;
  if (only === undefined || second !== undefined) return null;
  const holdsRow = [...only.trailing].some((_, k) => rowValues(only.trailing, k, columns).length > 0);
  return holdsRow ? null : only;
}
