import { type IndicatorColumns, indicatorColumns, isBlockName } from "./indicator-columns.ts";
import type { GridRow } from "./text-grid.ts";
import { unitAt, type ValueKind } from "./value-grammar.ts";
import { readsAt, skipSpaces } from "./value-split.ts";

/**
 * The indicator rows after a run-together heading ("…三级指标分值年度指标值全年实际值得分…"):
 * block headings with their weight ("产出指标(70分)"), group names ("数量指标"), then each
 * indicator's name followed by its values in the heading's column order, split by the value grammar
 * ("安装坡面水标尺10≥266米≥266米10" is 安装坡面水标尺 | 10 | ≥266米 | ≥266米 | 10). A stretch that
 * cannot be split in exactly one way is one unread row with its text; a 总分 at the end is a total row.
 */

type Make = (cells: string[], problem?: string) => GridRow;

const KINDS: Partial<Record<keyof IndicatorColumns, ValueKind>> = {
  weight: "points",
  score: "points",
  target: "value",
  adjustedTarget: "value",
  actual: "value",
  coefficient: "rate",
  core: "yesNo",
};
/** Text columns after the values: they cannot be told from the next indicator's name. */
const TRAILING_TEXT = new Set(["reason", "criterion", "explanation"]);
const GROUPS = [
  "服务对象满意度指标",
  "可持续影响指标",
  "经济效益指标",
  "社会效益指标",
  "生态效益指标",
  "满意度指标",
  "数量指标",
  "质量指标",
  "时效指标",
  "成本指标",
];
const WEIGHTED_BLOCK = /^(?:[\u4e00-\u9fff]{2,6}指标|投入|过程|产出|效益|决策)[（(]\d+(?:\.\d+)?分?[)）]/u;
const BLOCK_WORD = /^(?:投入管理指标|投入指标|过程指标|产出指标|效益指标|效果指标|决策指标)/u;
const TOTAL = /(?:总分|合计)[:：]?/u;
const NOTE_START = /注[:：]/u;
const MAX_NAME = 40;

interface Marker {
  start: number;
  end: number;
  text: string;
  level: "block" | "group";
}

function markers(text: string): Marker[] {
  const found: Marker[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const weighted = WEIGHTED_BLOCK.exec(rest)?.[0];
    const block = weighted ?? BLOCK_WORD.exec(rest)?.[0];
    const group = block === undefined ? GROUPS.find((g) => rest.startsWith(g)) : undefined;
    const word = block ?? group;
    if (word === undefined) {
      at += 1;
      continue;
    }
    const level = block !== undefined && (weighted !== undefined || isBlockName(block)) ? "block" : "group";
    found.push({ start: at, end: at + word.length, text: word, level });
    at += word.length;
  }
  return found;
}

interface RowRead {
  name: string;
  values: string[];
}

interface Best {
  rows: number;
  ways: number;
  parse: RowRead[];
}

/**
 * Whether a stretch can be an indicator name: it has Chinese, no comparator or %, does not end with a
 * digit, starts with a digit only for a range ("0-6岁儿童…"), and holds no quantity with its unit
 * ("1020万元"), which belongs to the values.
 */
function validName(name: string): boolean {
  if (!/[\u3400-\u9fff]/u.test(name) || /[≥≤<>＜＞%]/.test(name) || /\d$/.test(name)) return false;
  if (/^\d/.test(name) && !/^\d+(?:\.\d+)?[-~～至]/.test(name)) return false;
  return ![...name.matchAll(/\d+/g)].some((m) => unitAt(name, (m.index ?? 0) + m[0].length));
}

/** Every way the values of one row can be read from `at`: where they end and their texts. */
function rowValues(
  text: string,
  at: number,
  kinds: readonly ValueKind[],
): Array<{ end: number; values: string[] }> {
  const out: Array<{ end: number; values: string[] }> = [];
  const walk = (from: number, index: number, done: string[]) => {
    const pos = index === 0 ? from : skipSpaces(text, from);
    const kind = kinds[index];
    if (kind === undefined) {
      out.push({ end: pos, values: done });
      return;
    }
    for (const read of readsAt(text, pos, kind, done.at(-1))) walk(read.end, index + 1, [...done, read.text]);
  };
  walk(at, 0, []);
  return out;
}

/**
 * The one reading of a stretch of rows with the most rows (names as short as the values allow), or
 * null when there is none or more than one.
 */
export function splitIndicatorRows(
  text: string,
  kinds: readonly ValueKind[],
  plausible: (values: readonly string[]) => boolean,
): RowRead[] | null {
  const memo = new Map<number, Best | null>();
  const best = (from: number): Best | null => {
    const i = skipSpaces(text, from);
    if (i === text.length) return { rows: 0, ways: 1, parse: [] };
    const known = memo.get(i);
    if (known !== undefined) return known;
    let result: Best | null = null;
    const options: Array<{ name: string; end: number; values: string[] }> = [];
    for (let j = i + 1; j <= Math.min(text.length - 1, i + MAX_NAME); j += 1) {
      const name = text.slice(i, j).trim();
      const at = skipSpaces(text, j);
      if (validName(name)) options.push(...rowValues(text, at, kinds).map((o) => ({ name, ...o })));
    }
    const kept = options.filter((o) => plausible(o.values));
    for (const option of kept.length > 0 ? kept : options) {
      const rest = best(option.end);
      if (rest === null) continue;
      const rows = rest.rows + 1;
      const parse = [{ name: option.name, values: option.values }, ...rest.parse];
      if (result === null || rows > result.rows) result = { rows, ways: rest.ways, parse };
      else if (rows === result.rows) result.ways = Math.min(2, result.ways + rest.ways);
    }
    memo.set(i, result);
    return result;
  };
  const found = best(0);
  return found === null || found.ways !== 1 ? null : found.parse;
}

/** The rows of an indicator table whose cells ran together (see the module comment). */
export function splitIndicatorRun(
  headings: readonly string[],
  region: string,
  line: number,
  make: Make,
): GridRow[] {
  const cols = indicatorColumns(headings);
  if (cols === null) return [make([region])];
  const rows: GridRow[] = [make([...headings])];
  const valueColumns = valueColumnsOf(cols, headings.length);
  const note = NOTE_START.exec(region);
  let body = region.slice(0, note?.index ?? region.length).replace(/…+|\.{3,}/g, "");
  const total = TOTAL.exec(body);
  const totalText = total === null ? "" : body.slice(total.index + total[0].length);
  if (total !== null) body = body.slice(0, total.index);
  if (valueColumns === null) {
    rows.push(
      make([body], `第${line}行的指标表（${headings.join("、")}）各格连在一起，其列无法按数值拆分，未读取`),
    );
    return rows;
  }
  const kinds = valueColumns.map((c) => c.kind);
  const plausible = (values: readonly string[]) => {
    const w = valueColumns.findIndex((c) => c.index === cols.weight);
    const s = valueColumns.findIndex((c) => c.index === cols.score);
    return w < 0 || s < 0 || Number.parseFloat(values[s] ?? "") <= Number.parseFloat(values[w] ?? "");
  };
  const pending: { block?: string; group?: string } = {};
  const found = markers(body);
  const stretches = [{ start: 0, end: found[0]?.start ?? body.length }];
  for (const [i, m] of found.entries())
    stretches.push({ start: m.end, end: found[i + 1]?.start ?? body.length });
  for (const [i, stretch] of stretches.entries()) {
    const marker = i === 0 ? undefined : found[i - 1];
    if (marker?.level === "block") {
      pending.block = marker.text;
      delete pending.group;
    } else if (marker?.level === "group") pending.group = marker.text;
    const text = body.slice(stretch.start, stretch.end);
    if (text === "") continue;
    const split = splitIndicatorRows(text, kinds, plausible);
    if (split === null) {
      rows.push(
        make([text], `第${line}行“${text}”按表头（${headings.join("、")}）无法唯一拆分成指标行，未读取`),
      );
      continue;
    }
    for (const read of split) {
      const cells = headings.map(() => "");
      if (cols.block !== undefined && pending.block !== undefined) cells[cols.block] = pending.block;
      if (cols.group !== undefined && pending.group !== undefined) cells[cols.group] = pending.group;
      delete pending.block;
      delete pending.group;
      cells[cols.name] = read.name;
      for (const [k, column] of valueColumns.entries()) cells[column.index] = read.values[k] ?? "";
      rows.push(make(cells));
    }
  }
  if (totalText !== "") rows.push(...totalRow(totalText, line, make));
  return rows;
}

function totalRow(text: string, line: number, make: Make): GridRow[] {
  const options = rowValues(text, 0, ["points", "points"]).filter(
    (o) =>
      o.end === text.length && Number.parseFloat(o.values[1] ?? "") <= Number.parseFloat(o.values[0] ?? ""),
  );
  const only = options.length === 1 ? options[0] : undefined;
  if (only !== undefined) return [make(["总分", ...only.values])];
  return [make(["总分", text], `第${line}行“总分”后的“${text}”无法唯一拆分为分值和得分，未读取`)];
}

/** The columns after the name whose values can be split, in order; null when one cannot be. */
function valueColumnsOf(
  cols: IndicatorColumns,
  width: number,
): Array<{ index: number; kind: ValueKind }> | null {
  const roleAt = new Map<number, keyof IndicatorColumns>();
  for (const [role, index] of Object.entries(cols)) {
    if (typeof index === "number" && role !== "width") roleAt.set(index, role as keyof IndicatorColumns);
  }
  const out: Array<{ index: number; kind: ValueKind }> = [];
  let last = width - 1;
  while (last > cols.name && TRAILING_TEXT.has(roleAt.get(last) ?? "")) last -= 1;
  for (let index = cols.name + 1; index <= last; index += 1) {
    const kind = KINDS[roleAt.get(index) ?? "width"];
    if (kind === undefined) return null;
    out.push({ index, kind });
  }
  return out.length === 0 ? null : out;
}
