import { type IndicatorColumns, indicatorColumns, isBlockName } from "../tables/indicator-columns.ts";
import {
  type RowRead,
  rowValues,
  splitIndicatorRows,
  splitTrailingRow,
  type ValueColumn,
} from "../tables/indicator-row-split.ts";
import { GROUP_NAMES } from "../tables/template-headers.ts";
import { splitSpacedRows } from "./spaced-rows.ts";
import type { GridRow } from "./text-grid.ts";
import type { ValueKind } from "./value-grammar.ts";

/**
 * The indicator rows after a run-together heading ("…三级指标分值年度指标值全年实际值得分…"):
 * block headings with their weight ("产出指标(70分)"), group names ("数量指标"), then each
 * indicator's name followed by its values in the heading's column order (indicator-row-split.ts).
 * Rows that end with a 是否核心指标 cell (是/否) are split one by one at it. A stretch that cannot be
 * split in exactly one way is one unread row with its text; a 总分 at the end is a total row.
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
  unit: "unit",
  nature: "nature",
};
/** Columns often left blank: 计量单位 of a qualitative row, 指标性质 below its first row, 调整指标值. */
const OPTIONAL: ReadonlySet<keyof IndicatorColumns> = new Set(["unit", "nature", "adjustedTarget"]);
/**
 * Text columns after the values: they cannot be told from the next indicator's name, except at the
 * end of a stretch holding one row (a 评分标准 before the next group name is kept).
 */
const TRAILING_TEXT = new Set(["reason", "criterion", "explanation"]);
const WEIGHTED_BLOCK = /^(?:[\u4e00-\u9fff]{2,6}指标|投入|过程|产出|效益|决策)[（(]\d+(?:\.\d+)?分?[)）]/u;
const BLOCK_WORD = /^(?:投入管理指标|投入指标|过程指标|产出指标|效益指标|效果指标|决策指标)/u;
const TOTAL = /(?:总分|合计)[:：]?/u;
const NOTE_START = /注[:：]/u;
/** Longer stretches between two block or group names are not split (the search grows with them). */
const MAX_STRETCH = 2000;
/** The end of a row whose last cell is 是/否 after its points ("…100%22否"). */
const CORE_END = /(?<=\d)[是否]/gu;

interface Marker {
  start: number;
  end: number;
  text: string;
  level: "block" | "group" | "label";
}

/** The label of the whole indicator part, in a merged cell left of the table ("绩效指标"). */
const PART_LABEL = "绩效指标";

function markers(text: string): Marker[] {
  const found: Marker[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const weighted = WEIGHTED_BLOCK.exec(rest)?.[0];
    const block = weighted ?? BLOCK_WORD.exec(rest)?.[0];
    const group = block === undefined ? GROUP_NAMES.find((g) => rest.startsWith(g)) : undefined;
    const word = block ?? group ?? (rest.startsWith(PART_LABEL) ? PART_LABEL : undefined);
    if (word === undefined) {
      at += 1;
      continue;
    }
    const level =
      word === PART_LABEL && block === undefined && group === undefined
        ? "label"
        : block !== undefined && (weighted !== undefined || isBlockName(block))
          ? "block"
          : "group";
    found.push({ start: at, end: at + word.length, text: word, level });
    at += word.length;
  }
  return found;
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
  const columns = valueColumnsOf(cols, headings.length);
  const note = NOTE_START.exec(region);
  let body = region.slice(0, note?.index ?? region.length).replace(/…+|\.{3,}/g, "");
  const total = TOTAL.exec(body);
  const totalText = total === null ? "" : body.slice(total.index + total[0].length).trim();
  if (total !== null) body = body.slice(0, total.index);
  if (columns === null) {
    const reason = `第${line}行的指标表（${headings.join("、")}）各格连在一起，且有不是数值的列（如评价标准），无法拆分，未读取；各列应分开写，例如“在职人员控制率 | 5 | 以100%为标准 | 5”`;
    rows.push(make([body], reason));
    return rows;
  }
  const w = columns.findIndex((c) => c.role === "weight");
  const s = columns.findIndex((c) => c.role === "score");
  const plausible = (values: readonly string[]) =>
    w < 0 || s < 0 || Number.parseFloat(values[s] ?? "") <= Number.parseFloat(values[w] ?? "");
  const pending: { block?: string; group?: string } = {};
  const trailing = trailingColumn(cols, headings.length);
  const place = (read: RowRead & { trailing?: string }) => {
    const cells = headings.map(() => "");
    if (trailing !== undefined && read.trailing !== undefined) cells[trailing] = read.trailing;
    if (cols.block !== undefined && pending.block !== undefined) cells[cols.block] = pending.block;
    if (cols.group !== undefined && pending.group !== undefined) cells[cols.group] = pending.group;
    delete pending.block;
    delete pending.group;
    cells[cols.name] = read.name;
    for (const [k, column] of columns.entries()) cells[column.index] = read.values[k] ?? "";
    rows.push(make(cells));
  };
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
    const text = body.slice(stretch.start, stretch.end).trim();
    const pieces = columns.at(-1)?.kind === "yesNo" ? splitAtCore(text) : [text];
    for (const piece of pieces.filter((p) => p !== "")) {
      const split =
        (piece.length > MAX_STRETCH ? null : splitIndicatorRows(piece, columns, plausible)) ??
        splitSpacedRows(piece, columns, plausible);
      const withText =
        split === null && trailing !== undefined && piece.length <= MAX_STRETCH
          ? splitTrailingRow(piece, columns, plausible)
          : null;
      if (split !== null) split.forEach(place);
      else if (withText !== null) place(withText);
      else {
        const reason = `第${line}行“${piece}”按表头（${headings.join("、")}）无法唯一拆分成指标行，未读取；每行应为名称和各列的值，例如“安装坡面水标尺 | 10 | ≥266米 | ≥266米 | 10”`;
        rows.push(make([piece], reason));
      }
    }
  }
  if (totalText !== "") rows.push(...totalRow(totalText, line, make));
  return rows;
}

function splitAtCore(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(CORE_END)) {
    const end = (match.index ?? 0) + 1;
    pieces.push(text.slice(start, end).trim());
    start = end;
  }
  pieces.push(text.slice(start).trim());
  return pieces;
}

function totalRow(text: string, line: number, make: Make): GridRow[] {
  const points: ValueColumn[] = [0, 1].map((index) => ({
    index,
    role: index === 0 ? "weight" : "score",
    kind: "points",
    optional: false,
  }));
  const options = rowValues(text, 0, points).filter(
    (o) =>
      o.end === text.length && Number.parseFloat(o.values[1] ?? "") <= Number.parseFloat(o.values[0] ?? ""),
  );
  const only = options.length === 1 ? options[0] : undefined;
  if (only !== undefined) return [make(["总分", ...only.values])];
  return [
    make(
      ["总分", text],
      `第${line}行“总分”后的“${text}”无法唯一拆分为分值和得分，未读取；应写作例如“总分 | 100 | 96”`,
    ),
  ];
}

/**
 * The one text column after the values (评分标准 or 偏差原因), whose text a stretch of a single row
 * ends with; undefined when there is none or more than one (their texts could not be told apart).
 */
function trailingColumn(cols: IndicatorColumns, width: number): number | undefined {
  const texts = [...TRAILING_TEXT].flatMap((role) => {
    const index = cols[role as keyof IndicatorColumns];
    return typeof index === "number" && index > cols.name ? [index] : [];
  });
  const [only] = texts;
  return texts.length === 1 && only === width - 1 ? only : undefined;
}

/** The columns after the name whose values can be split, in order; null when one cannot be. */
function valueColumnsOf(cols: IndicatorColumns, width: number): ValueColumn[] | null {
  const roleAt = new Map<number, keyof IndicatorColumns>();
  for (const [role, index] of Object.entries(cols)) {
    if (typeof index === "number" && role !== "width") roleAt.set(index, role as keyof IndicatorColumns);
  }
  const out: ValueColumn[] = [];
  let last = width - 1;
  while (last > cols.name && TRAILING_TEXT.has(roleAt.get(last) ?? "")) last -= 1;
  for (let index = cols.name + 1; index <= last; index += 1) {
    const role = roleAt.get(index);
    const kind = role === undefined ? undefined : KINDS[role];
    if (role === undefined || kind === undefined) return null;
    out.push({ index, role, kind, optional: OPTIONAL.has(role) });
  }
  return out.length === 0 ? null : out;
}
