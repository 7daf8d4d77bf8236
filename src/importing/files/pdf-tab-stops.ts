import type { ContentBlock } from "./document-content.ts";
import { joinWords, joinWrapped, lineText, type TextLine } from "./pdf-text-lines.ts";

/**
 * Text laid out with tabs at the default tab stops, as a word processor lays out a text file or a
 * document typed with tabs (LibreOffice every 1.25 cm, Word every 0.5 in or two characters): each
 * tab moves the text on to the next stop, so a cell starts exactly on a stop, one step of a regular
 * grid from the left margin, and the columns of one row do not line up with those of the next. The
 * grid is found from where the text starts; a line's tabs are counted back from it (a cell ending
 * at x and the next starting on stop k are k minus the first stop after x, plus one, tabs apart),
 * so the line is read as the tab-separated text it was, empty cells included.
 */

/** The default tab stops of a document: `origin + k × step` for k ≥ 1. */
export interface TabStops {
  origin: number;
  step: number;
}

/** How far (points) a start may lie from a stop and still be on it. */
const ON_STOP = 0.25;
/** Smallest gap (points) a tab leaves: text that runs on without one is the same cell. */
const TAB_GAP = 0.3;
/**
 * Share of the starts after a gap that must lie on the stops (a space inside a cell is such a start
 * too; a start falls on a stop by chance about once in thirty).
 */
const ON_GRID_SHARE = 0.4;
/** Fewest starts on stops for the layout to be read as tabbed. */
const MIN_ON_GRID = 8;
/** Step (in font sizes) from which a stop cannot be a paragraph's indent of two or three characters. */
const WIDE_STEP = 3.2;
/** Gap (in font sizes) of a tab that shows a line is tabbed on its own (wider than a Chinese–Latin space). */
const SURE_TAB = 0.5;

/**
 * The tab stops the lines are laid out on, or null when they are not: at least `MIN_ON_GRID` of
 * the places where text starts after a gap (not at the margin) lie on one grid from the margin,
 * four in ten of them or more, on three stops or more and after text on the same line too (or
 * else on wide stops only, see below). The step is the widest that fits, at least one and a half
 * font sizes (a narrower one would fit anything).
 */
export function findTabStops(lines: readonly TextLine[]): TabStops | null {
  // The margin: the leftmost place where three lines or more start (more lines may start on a stop).
  const starts = countOf(lines.map((l) => Math.round(l.left)));
  const margin = Math.min(...[...starts].filter(([, n]) => n >= 3).map(([x]) => x));
  if (!Number.isFinite(margin)) return null;
  const atMargin = lines.filter((l) => Math.abs(l.left - margin) <= 1).map((l) => l.left);
  const origin = atMargin.reduce((s, x) => s + x, 0) / atMargin.length;
  const size = median(lines.map((l) => l.size));
  const offsets: number[] = [];
  // Starts after text on the same line: an indented first line has none.
  const inLine: number[] = [];
  for (const line of lines) {
    let end = Number.NEGATIVE_INFINITY;
    for (const piece of line.pieces) {
      const d = piece.x - origin;
      if (piece.x - end > TAB_GAP && d > size) (end === Number.NEGATIVE_INFINITY ? offsets : inLine).push(d);
      end = Math.max(end, piece.x + piece.width);
    }
  }
  offsets.push(...inLine);
  if (offsets.length < MIN_ON_GRID) return null;
  // The steps tried: the most frequent starts, each as one to four steps from the margin.
  const frequent = [...countOf(offsets.map((d) => Math.round(d * 2) / 2))]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([d]) => d);
  const tried = frequent.flatMap((d) =>
    [1, 2, 3, 4]
      .map((k) => refine(offsets, d / k))
      .filter((step) => step >= 1.5 * size)
      .map((step) => ({
        step,
        fit: offsets.filter((o) => Math.abs(o - Math.round(o / step) * step) <= ON_STOP),
      })),
  );
  // A step half as wide fits all the starts the wide one fits and a few more by chance: the widest
  // step fitting nine in ten of the starts the best one fits is taken.
  const most = Math.max(0, ...tried.map((t) => t.fit.length));
  const best = tried.filter((t) => t.fit.length >= 0.9 * most).sort((a, b) => b.step - a.step)[0];
  if (best === undefined || best.fit.length < MIN_ON_GRID || best.fit.length < ON_GRID_SHARE * offsets.length)
    return null;
  const { step, fit } = best;
  // Text on one or two stops only, or starting on stops only at the start of lines (a table typed
  // one cell a line, each after a tab) could as well be indented paragraphs: it is read as tabbed
  // only when the stop is wider than an indent of two or three characters and many lines start there.
  const onStop = (o: number) => Math.abs(o - Math.round(o / step) * step) <= ON_STOP;
  const few =
    new Set(fit.map((o) => Math.round(o / step))).size < 3 || inLine.filter(onStop).length < MIN_ON_GRID / 2;
  if (few && (step < WIDE_STEP * size || fit.length < 2 * MIN_ON_GRID)) return null;
  return { origin, step };
}

/**
 * The step as the layout has it, not as first guessed (from starts rounded to half a point): the
 * least-squares step over the starts within twice `ON_STOP` of the guessed grid.
 */
function refine(offsets: readonly number[], guess: number): number {
  const near = offsets.filter((o) => Math.abs(o - Math.round(o / guess) * guess) <= 2 * ON_STOP + 0.25);
  const ks = near.map((o) => Math.round(o / guess));
  const kk = ks.reduce((s, k) => s + k * k, 0);
  return kk === 0 ? guess : near.reduce((s, o, i) => s + o * (ks[i] ?? 0), 0) / kk;
}

/**
 * The line as it was typed: its cells between tabs and the number of tabs it starts with, or null
 * when it holds no tab. A line that does not start with tabs needs one tab at least half a font size
 * wide: a narrower gap on a stop may be the space between Chinese and a number that happens to end
 * there.
 */
export function tabCells(line: TextLine, stops: TabStops): { cells: string[]; leading: number } | null {
  const cells: string[] = [];
  let text = "";
  let end = Number.NEGATIVE_INFINITY;
  let leading = 0;
  let sure = false;
  for (const piece of line.pieces) {
    const k = stopAt(stops, piece.x);
    if (end === Number.NEGATIVE_INFINITY) {
      if (k === null) return null;
      leading = k;
      for (let i = 0; i < k; i++) cells.push("");
      text = piece.text;
    } else {
      const after = firstStopAfter(stops, end);
      if (k !== null && piece.x - end > TAB_GAP && k >= after) {
        cells.push(text.trim());
        for (let i = after; i < k; i++) cells.push("");
        if (piece.x - end >= SURE_TAB * piece.size) sure = true;
        text = piece.text;
      } else {
        text = joinWords(text, piece.text, (piece.x - end) / piece.size);
      }
    }
    end = Math.max(end, piece.x + piece.width);
  }
  cells.push(text.trim());
  return leading > 0 || sure ? { cells, leading } : null;
}

/**
 * The cells of a tabbed row that the line below continues, or null when it is a row of its own.
 * A row runs on to the next line only when what comes next does not fit before the right margin:
 * its text reaches the margin (less two font sizes, for a character that would not fit) and the
 * line below goes on with text at the margin, the last cell going on; or the tabs that still fit
 * (the stops after its text up to the margin) were spent on this line, all of them or all but the
 * last (a tab moves to the next line with the word after it), and the line below starts with its
 * own tabs. Of the readings, the one with the most tabs that gives no more cells than `width`
 * (the most a row of this page has) is taken.
 */
export function continueTabbed(
  line: { cells: readonly string[]; right: number; size: number },
  next: { cells: string[]; leading: number },
  stops: TabStops,
  bodyRight: number,
  width: number,
): string[] | null {
  const { cells, right } = line;
  const more = next.cells.slice(next.leading);
  const room = Math.max(
    0,
    Math.floor((bodyRight - stops.origin) / stops.step) - firstStopAfter(stops, right) + 1,
  );
  const readings =
    next.leading === 0
      ? right >= bodyRight - 2 * line.size
        ? [0]
        : []
      : [room, room - 1].filter((n) => n >= 0).map((n) => n + next.leading);
  for (const tabs of readings) {
    const joined =
      tabs === 0
        ? [...cells.slice(0, -1), joinWrapped(cells.at(-1) ?? "", more[0] ?? ""), ...more.slice(1)]
        : [...cells, ...Array<string>(tabs - 1).fill(""), ...more];
    if (joined.length <= width) return joined;
  }
  return null;
}

/**
 * The tabbed lines of a document, page by page, as paragraphs holding their tabs, the way the text
 * file they were typed as reads: a row run on to the next line is one paragraph again, and a line
 * left blank (a gap of a line or more between two lines) is an empty paragraph, or an empty cell
 * (a tab alone) when more than one line is missing.
 */
export class TabbedLines {
  private open: { block: { text: string }; cells: string[]; line: TextLine } | null = null;
  private last: TextLine | null = null;
  private width = 0;
  private pitch = 0;

  /** Lines read into `blocks` (appended to). */
  constructor(
    private readonly stops: TabStops,
    private readonly bodyRight: number,
    private readonly blocks: ContentBlock[],
  ) {}

  /** Begins a page: no row runs on from the last page; its widest row and line pitch are taken. */
  startPage(lines: readonly TextLine[]): void {
    this.open = null;
    this.last = null;
    this.width = Math.max(0, ...lines.map((l) => tabCells(l, this.stops)?.cells.length ?? 0));
    this.pitch = linePitch(lines);
  }

  /** Ends the run of lines (a ruled table comes). */
  close(): void {
    this.open = null;
    this.last = null;
  }

  /** Reads the line when it is tabbed or goes on with a tabbed row; false when it is neither. */
  take(line: TextLine): boolean {
    const typed = tabCells(line, this.stops);
    const missing = this.missingLines(line);
    if (typed === null && (this.open === null || missing > 0)) {
      this.last = line;
      this.open = null;
      return false;
    }
    const row = typed ?? { cells: [lineText(line)], leading: 0 };
    const goesOn =
      this.open !== null && missing === 0
        ? continueTabbed(
            { ...this.open.line, cells: this.open.cells },
            row,
            this.stops,
            this.bodyRight,
            this.width,
          )
        : null;
    this.last = line;
    if (this.open !== null && goesOn !== null) {
      this.open.cells = goesOn;
      this.open.block.text = goesOn.join("\t");
      this.open.line = line;
      return true;
    }
    if (typed === null) {
      this.open = null;
      return false;
    }
    for (let i = 0; i < missing; i++) this.blocks.push({ type: "paragraph", text: i === 0 ? "" : "\t" });
    const block = { type: "paragraph" as const, text: typed.cells.join("\t") };
    this.blocks.push(block);
    this.open = { block, cells: typed.cells, line };
    return true;
  }

  /** The lines left blank between the last line and this one. */
  private missingLines(line: TextLine): number {
    if (this.last === null || this.pitch === 0) return 0;
    return Math.max(0, Math.round((line.y - this.last.y - this.pitch) / this.pitch));
  }
}

/**
 * The usual distance between the baselines of two lines of the page: the most frequent one between
 * one and two font sizes (a Latin line is lower than a Chinese one; the lower the more frequent).
 */
function linePitch(lines: readonly TextLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a === undefined || b === undefined) continue;
    const gap = b.y - a.y;
    if (gap >= 0.9 * b.size && gap <= 2 * b.size) gaps.push(Math.round(gap * 2) / 2);
  }
  const counts = countOf(gaps);
  let best = 0;
  for (const [gap, n] of counts) if (best === 0 || n > (counts.get(best) ?? 0)) best = gap;
  return best;
}

/** The number of the stop at x (0 at the margin), or null when x is on none. */
function stopAt(stops: TabStops, x: number): number | null {
  const k = Math.round((x - stops.origin) / stops.step);
  return k >= 0 && Math.abs(x - (stops.origin + k * stops.step)) <= ON_STOP ? k : null;
}

/** The first stop a tab after text ending at x goes to. */
function firstStopAfter(stops: TabStops, x: number): number {
  return Math.max(1, Math.floor((x - stops.origin) / stops.step) + 1);
}

function countOf(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 10;
}
