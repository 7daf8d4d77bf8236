import { budgetRole, indicatorRole } from "../tables/template-headers.ts";
import { joinWords, joinWrapped, lineWords, type TextLine, type TextWord as Word } from "./pdf-text-lines.ts";

/**
 * Tables without rules, anchored on a header line whose words are column headings of a known
 * template (template-headers.ts): each heading's x-extent is a column, and the lines below are cut
 * into cells by those columns, however close together they stand. A word goes to the column its
 * middle falls in, or, when it starts well inside a column to the left, whole to the column it
 * starts in (a long label running on under the next heading). Header words wrapped onto a second
 * line ("年初预算" over "数") are one heading; a label wrapped onto a second line (the line below holds
 * text in the first column only, and the label above filled its column) goes on in the row above.
 * The table ends at a line that fits no column: one with text in one column only (a heading, a
 * note), one running across the columns as a paragraph does, one after a gap, or the header of
 * the next table.
 */

/** A table found on a page: where it starts, its column boundaries, its rows and the lines it took. */
export interface AnchoredTable {
  top: number;
  xs: number[];
  rows: string[][];
  lines: TextLine[];
  /** The columns the rows were cut by (a heading's text and extent). */
  columns: Column[];
}

/** A heading: its text and extent (the union of its lines). */
export interface Column {
  text: string;
  left: number;
  right: number;
}

/** Fewest headings a template must name for a line to be a header. */
const MIN_HEADINGS = 3;
/** Largest distance (in font sizes) between the baselines of two lines of one header or one row. */
const LINE_PITCH = 1.8;
/** Largest distance (in line pitches of the table) between two rows of one table. */
const ROW_GAP = 2.5;

/**
 * The anchored tables among a page's lines (top to bottom), and the lines left as they were.
 * `carried`: the columns of a table that ran to the foot of the page before; rows at the top of
 * this page that fit them go on with it (a table over a page break does not repeat its header).
 * `carry` gives this page's such columns, when its last table runs to its foot.
 */
export function anchoredTables(
  lines: readonly TextLine[],
  carried: readonly Column[] | null = null,
): { tables: AnchoredTable[]; rest: TextLine[]; carry: Column[] | null } {
  const tables: AnchoredTable[] = [];
  const rest: TextLine[] = [];
  let i = 0;
  const goesOn = carried === null ? null : readRows(lines, 0, [...carried], 0);
  if (goesOn !== null) {
    tables.push(goesOn);
    i = goesOn.lines.length;
  }
  while (i < lines.length) {
    const header = readHeader(lines, i);
    const table = header === null ? null : readRows(lines, i, withLabels(lines, i, header), header.taken);
    if (table === null) {
      const line = lines[i];
      if (line !== undefined) rest.push(line);
      i += 1;
      continue;
    }
    tables.push(table);
    i += table.lines.length;
  }
  const foot = lines.at(-1);
  const last = tables.at(-1);
  const carry = foot !== undefined && last?.lines.includes(foot) ? last.columns : null;
  return { tables, rest, carry };
}

/**
 * The header starting at line `i`: its columns, when at least `MIN_HEADINGS` of its words are
 * headings of one table of a template and they are half its words or more. A line just below whose
 * words each lie under a heading and hold no figure goes on with those headings, when that makes
 * more of them known (年初预算 / 数) or adds at most two characters ("数", "(%)").
 */
function readHeader(lines: readonly TextLine[], i: number): { columns: Column[]; taken: number } | null {
  const first = lines[i];
  if (first === undefined) return null;
  // A line of fewer pieces than headings, none with a space inside, cannot be a header.
  if (first.pieces.length < MIN_HEADINGS && !first.pieces.some((p) => /\S\s+\S/.test(p.text))) return null;
  const words = wordsOf(first);
  if (words.length < MIN_HEADINGS) return null;
  let columns: Column[] = words.map((w) => ({ text: w.text, left: w.left, right: w.right }));
  let score = headingScore(columns);
  let taken = 1;
  for (let j = i + 1; j < lines.length && taken < 3; j++) {
    const below = lines[j];
    const above = lines[j - 1];
    if (below === undefined || above === undefined || below.y - above.y > LINE_PITCH * above.size) break;
    const merged = mergeUnder(columns, wordsOf(below));
    if (merged === null) break;
    const short = wordsOf(below).every((w) => [...w.text].length <= 2);
    const better = headingScore(merged);
    if (better <= score && !short) break;
    columns = merged;
    score = Math.max(score, better);
    taken += 1;
  }
  return score >= MIN_HEADINGS && score * 2 >= columns.length ? { columns, taken } : null;
}

/** The headings with the words of the line below added under them; null when one is under none. */
function mergeUnder(columns: readonly Column[], words: readonly Word[]): Column[] | null {
  const out = columns.map((c) => ({ ...c }));
  for (const word of words) {
    if (/\d/.test(word.text)) return null;
    const mid = (word.left + word.right) / 2;
    const column = out.find((c) => mid >= c.left - 0.5 * word.size && mid <= c.right + 0.5 * word.size);
    if (column === undefined) return null;
    column.text = joinWrapped(column.text, word.text);
    column.left = Math.min(column.left, word.left);
    column.right = Math.max(column.right, word.right);
  }
  return out;
}

/** How many headings one table of the templates names (the budget's or the indicators'). */
function headingScore(columns: readonly Column[]): number {
  const budget = columns.filter((c) => isHeading(c.text, "budget")).length;
  const indicators = columns.filter((c) => isHeading(c.text, "indicators")).length;
  return Math.max(budget, indicators);
}

const headings = new Map<string, boolean>();
/** True when a template names the text as a heading of the table (looked up once per text). */
function isHeading(text: string, table: "budget" | "indicators"): boolean {
  const key = `${table}:${text}`;
  let known = headings.get(key);
  if (known === undefined) {
    known = [...text].length <= 30 && (table === "budget" ? budgetRole(text) : indicatorRole(text)) !== null;
    if (headings.size > 10_000) headings.clear();
    headings.set(key, known);
  }
  return known;
}

const wordsOfLine = new WeakMap<TextLine, Word[]>();
/** `lineWords`, computed once per line. */
function wordsOf(line: TextLine): Word[] {
  let words = wordsOfLine.get(line);
  if (words === undefined) {
    words = lineWords(line);
    wordsOfLine.set(line, words);
  }
  return words;
}

/**
 * The header's columns, with one for labels added on the left when the rows just below have text
 * left of the first heading.
 */
function withLabels(
  lines: readonly TextLine[],
  i: number,
  header: { columns: Column[]; taken: number },
): Column[] {
  const heads = header.columns;
  const left0 = heads[0]?.left ?? 0;
  const labelled = lines
    .slice(i + header.taken, i + header.taken + 3)
    .some((l) => wordsOf(l).some((w) => w.right < left0 - 0.5 * w.size));
  return labelled
    ? [{ text: "", left: Math.min(...lines.map((l) => l.left)), right: left0 }, ...heads]
    : heads;
}

/**
 * The table at line `i` cut by `columns`: after its `headerLines` header lines (the headings are
 * its first row), or, with none, rows only (a table going on from the page before).
 */
function readRows(
  lines: readonly TextLine[],
  i: number,
  columns: Column[],
  headerLines: number,
): AnchoredTable | null {
  const first = lines[i];
  if (first === undefined) return null;
  const bounds = columns.slice(1).map((c, k) => ((columns[k]?.right ?? c.left) + c.left) / 2);
  const rows: string[][] = headerLines > 0 ? [columns.map((c) => c.text)] : [];
  const body = rows.length;
  const taken: TextLine[] = lines.slice(i, i + headerLines);
  let last = taken.at(-1) ?? null;
  let pitch = LINE_PITCH * first.size;
  let labelRight = Number.NEGATIVE_INFINITY;
  for (let j = i + headerLines; j < lines.length; j++) {
    const line = lines[j];
    if (line === undefined) break;
    const gap = last === null ? 0 : line.y - last.y;
    if (gap > ROW_GAP * Math.min(pitch, LINE_PITCH * line.size)) break;
    // The header of the next table.
    if (readHeader(lines, j) !== null) break;
    const cells = cutRow(wordsOf(line), columns, bounds);
    if (cells === null) break;
    const filled = cells.flatMap((c, k) => (c.text === "" ? [] : [k]));
    const previous = rows.length > body ? rows.at(-1) : undefined;
    const bound0 = bounds[0] ?? Number.POSITIVE_INFINITY;
    if (
      filled.length === 1 &&
      filled[0] === 0 &&
      previous !== undefined &&
      labelRight >= bound0 - 2 * line.size
    ) {
      // The label above filled its column and goes on here.
      previous[0] = joinWrapped(previous[0] ?? "", cells[0]?.text ?? "");
    } else if (filled.length >= 2) {
      rows.push(cells.map((c) => c.text));
    } else {
      break;
    }
    labelRight = cells[0]?.right ?? Number.NEGATIVE_INFINITY;
    if (rows.length > body + 1) pitch = Math.min(pitch, gap);
    taken.push(line);
    last = line;
  }
  if (rows.length <= body) return null;
  // A label column no row has text in is left out.
  const kept = columns.filter((c, k) => c.text !== "" || rows.some((r) => (r[k] ?? "") !== ""));
  const keep = (r: string[]) => r.filter((_, k) => kept.includes(columns[k] as Column));
  const keptBounds = kept.slice(1).map((c, k) => ((kept[k]?.right ?? c.left) + c.left) / 2);
  return {
    top: first.y - first.size,
    xs: [kept[0]?.left ?? 0, ...keptBounds, kept.at(-1)?.right ?? 0],
    rows: rows.map(keep),
    lines: taken,
    columns: kept,
  };
}

/**
 * The words of a row put in their columns, or null when the line runs across the columns as a
 * paragraph (one word over three columns or more).
 */
function cutRow(
  words: readonly Word[],
  columns: readonly Column[],
  bounds: readonly number[],
): { text: string; right: number }[] | null {
  const cells = columns.map(() => ({ text: "", right: Number.NEGATIVE_INFINITY }));
  const columnAt = (x: number) => {
    const k = bounds.findIndex((b) => x < b);
    return k < 0 ? bounds.length : k;
  };
  for (const word of words) {
    const start = columnAt(word.left);
    const end = columnAt(word.right);
    if (end - start >= 2) return null;
    const middle = columnAt((word.left + word.right) / 2);
    // A word starting well inside a column to the left of its middle's (a long label) stays there.
    const k = start < middle && word.left < (bounds[start] ?? 0) - word.size ? start : middle;
    const cell = cells[k];
    if (cell === undefined) continue;
    cell.text =
      cell.text === "" ? word.text : joinWords(cell.text, word.text, (word.left - cell.right) / word.size);
    cell.right = Math.max(cell.right, word.right);
  }
  return cells;
}
