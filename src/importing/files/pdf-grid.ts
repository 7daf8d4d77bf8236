import { groupLines, isCjk, joinWrapped, lineText, type TextPiece } from "./pdf-text-lines.ts";

/**
 * Ruled tables of a PDF page rebuilt from their drawn borders. Horizontal and vertical rules that
 * touch form a grid; the distinct rule positions are its row and column boundaries. Two
 * neighbouring slots with no rule between them are one merged cell, whose text goes in its top-left
 * slot with "" in the others — the way a Word table's merged cells are read — so the same table
 * reads the same from .docx and .pdf. A cell's wrapped lines are joined (no space between CJK).
 */

/** An axis-aligned rule on the page (y from the page top): horizontal when y1 = y2. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A ruled table: its column and row boundaries and the rules that divide its slots. */
export interface Grid {
  xs: number[];
  ys: number[];
  horizontal: Rule[];
  vertical: Rule[];
}

/** Positions closer than this (points) are the same boundary. */
const SNAP = 2;
/** Shortest rule kept (points): shorter strokes are ticks, underlines of a glyph, dots. */
const MIN_RULE = 4;

/** The rules among drawn segments (any direction), made axis-aligned; slanted ones are dropped. */
export function axisRules(segments: readonly Rule[]): Rule[] {
  const rules: Rule[] = [];
  for (const s of segments) {
    const dx = Math.abs(s.x2 - s.x1);
    const dy = Math.abs(s.y2 - s.y1);
    if (dy <= 1 && dx >= MIN_RULE) {
      const y = (s.y1 + s.y2) / 2;
      rules.push({ x1: Math.min(s.x1, s.x2), y1: y, x2: Math.max(s.x1, s.x2), y2: y });
    } else if (dx <= 1 && dy >= MIN_RULE) {
      const x = (s.x1 + s.x2) / 2;
      rules.push({ x1: x, y1: Math.min(s.y1, s.y2), x2: x, y2: Math.max(s.y1, s.y2) });
    }
  }
  return rules;
}

/**
 * The grids the rules form: rules that cross or touch are connected, and a connected set with at
 * least two horizontal and two vertical rules is a table. Grids are given top to bottom.
 */
export function findGrids(rules: readonly Rule[]): Grid[] {
  const parent = rules.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  const isH = (r: Rule) => r.y1 === r.y2;
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i];
      const b = rules[j];
      if (a !== undefined && b !== undefined && touches(a, b, isH)) parent[root(i)] = root(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const key = root(i);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    for (const band of bands(
      group.filter(isH),
      group.filter((r) => !isH(r)),
    )) {
      const { horizontal, vertical } = band;
      if (horizontal.length < 2 || vertical.length < 2) continue;
      const xs = snap(vertical.map((r) => r.x1));
      const ys = snap(horizontal.map((r) => r.y1));
      if (xs.length < 2 || ys.length < 2) continue;
      grids.push({ xs, ys, horizontal, vertical });
    }
  }
  return grids.sort((a, b) => (a.ys[0] ?? 0) - (b.ys[0] ?? 0));
}

/**
 * The tables in one set of touching rules. Tables drawn one right under the other share a border
 * and touch. A row boundary where no inner column rule goes on across, and the inner rules that
 * end there and those that begin there stand at different places (neither set holds the other),
 * is where one table ends and the next begins: the set is cut there into bands, each with its own
 * columns. A merged cell only takes rules away (the sets hold one another), and a row merged
 * across the whole width has no inner rule on one side, so neither cuts a table.
 */
function bands(
  horizontal: readonly Rule[],
  vertical: readonly Rule[],
): { horizontal: Rule[]; vertical: Rule[] }[] {
  const xs = snap(vertical.map((r) => r.x1));
  const left = xs[0] ?? 0;
  const right = xs.at(-1) ?? 0;
  const inner = vertical.filter((v) => v.x1 > left + SNAP && v.x1 < right - SNAP);
  const ys = snap(horizontal.map((r) => r.y1));
  const cuts = ys.slice(1, -1).filter((y) => {
    if (inner.some((v) => v.y1 < y - SNAP && v.y2 > y + SNAP)) return false;
    const above = snap(inner.filter((v) => Math.abs(v.y2 - y) <= SNAP).map((v) => v.x1));
    const below = snap(inner.filter((v) => Math.abs(v.y1 - y) <= SNAP).map((v) => v.x1));
    return above.length > 0 && below.length > 0 && !holds(above, below) && !holds(below, above);
  });
  const edges = [ys[0] ?? 0, ...cuts, ys.at(-1) ?? 0];
  const out: { horizontal: Rule[]; vertical: Rule[] }[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const top = edges[i] ?? 0;
    const bottom = edges[i + 1] ?? 0;
    out.push({
      horizontal: horizontal.filter((h) => h.y1 >= top - SNAP && h.y1 <= bottom + SNAP),
      vertical: vertical
        .filter((v) => v.y1 < bottom - SNAP && v.y2 > top + SNAP)
        .map((v) => ({ ...v, y1: Math.max(v.y1, top), y2: Math.min(v.y2, bottom) })),
    });
  }
  return out;
}

/** True when every position of `part` is (within `SNAP`) in `whole`. */
function holds(whole: readonly number[], part: readonly number[]): boolean {
  return part.every((x) => whole.some((w) => Math.abs(w - x) <= SNAP));
}

function touches(a: Rule, b: Rule, isH: (r: Rule) => boolean): boolean {
  if (isH(a) === isH(b)) {
    // Collinear rules that meet (a border drawn in pieces) are one rule.
    if (isH(a)) return Math.abs(a.y1 - b.y1) <= SNAP && a.x1 <= b.x2 + SNAP && b.x1 <= a.x2 + SNAP;
    return Math.abs(a.x1 - b.x1) <= SNAP && a.y1 <= b.y2 + SNAP && b.y1 <= a.y2 + SNAP;
  }
  const h = isH(a) ? a : b;
  const v = isH(a) ? b : a;
  return v.x1 >= h.x1 - SNAP && v.x1 <= h.x2 + SNAP && h.y1 >= v.y1 - SNAP && h.y1 <= v.y2 + SNAP;
}

/** Sorted distinct positions, those within `SNAP` of each other taken as one (their mean). */
function snap(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last !== undefined && v - (last.at(-1) ?? v) <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** True when the piece's middle lies inside the grid. */
export function inGrid(grid: Grid, piece: TextPiece): boolean {
  const [x, y] = middle(piece);
  return (
    x >= (grid.xs[0] ?? 0) &&
    x <= (grid.xs.at(-1) ?? 0) &&
    y >= (grid.ys[0] ?? 0) &&
    y <= (grid.ys.at(-1) ?? 0)
  );
}

function middle(piece: TextPiece): [number, number] {
  return [piece.x + piece.width / 2, piece.y - piece.size * 0.35];
}

/**
 * The grid's rows of cell texts, from the pieces inside it. A piece drawn across a column rule
 * (two cells' texts run together in one piece) is cut at the rule, in proportion to its characters'
 * widths (CJK one font size, others half).
 */
export function gridRows(grid: Grid, pieces: readonly TextPiece[]): string[][] {
  const cols = grid.xs.length - 1;
  const rows = grid.ys.length - 1;
  const region = mergedRegions(grid);
  const texts = new Map<number, TextPiece[]>();
  for (const whole of pieces) {
    for (const piece of cutAtRules(grid, whole)) {
      const [x, y] = middle(piece);
      const c = slotIndex(grid.xs, x);
      const r = slotIndex(grid.ys, y);
      if (c < 0 || r < 0) continue;
      const owner = region(r * cols + c);
      texts.set(owner, [...(texts.get(owner) ?? []), piece]);
    }
  }
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => cellText(texts.get(r * cols + c) ?? [])),
  );
}

function cellText(pieces: readonly TextPiece[]): string {
  return groupLines(pieces)
    .map(lineText)
    .reduce((text, line) => (text === "" ? line : joinWrapped(text, line)), "");
}

function slotIndex(bounds: readonly number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (v >= (bounds[i] ?? 0) && v <= (bounds[i + 1] ?? 0)) return i;
  }
  return -1;
}

/**
 * For each slot (row × cols + col), the slot holding its merged cell's text: slots not divided by
 * a rule are joined, and a region's owner is its top-left slot.
 */
function mergedRegions(grid: Grid): (slot: number) => number {
  const cols = grid.xs.length - 1;
  const rows = grid.ys.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  const join = (a: number, b: number) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    const mid = ((grid.ys[r] ?? 0) + (grid.ys[r + 1] ?? 0)) / 2;
    for (let c = 0; c + 1 < cols; c++) {
      const x = grid.xs[c + 1] ?? 0;
      const ruled = grid.vertical.some(
        (v) => Math.abs(v.x1 - x) <= SNAP && v.y1 - SNAP <= mid && v.y2 + SNAP >= mid,
      );
      if (!ruled) join(r * cols + c, r * cols + c + 1);
    }
  }
  for (let c = 0; c < cols; c++) {
    const mid = ((grid.xs[c] ?? 0) + (grid.xs[c + 1] ?? 0)) / 2;
    for (let r = 0; r + 1 < rows; r++) {
      const y = grid.ys[r + 1] ?? 0;
      const ruled = grid.horizontal.some(
        (h) => Math.abs(h.y1 - y) <= SNAP && h.x1 - SNAP <= mid && h.x2 + SNAP >= mid,
      );
      if (!ruled) join(r * cols + c, (r + 1) * cols + c);
    }
  }
  return root;
}

/** The piece cut where it crosses an inner column boundary of the grid by more than a point. */
function cutAtRules(grid: Grid, piece: TextPiece): TextPiece[] {
  const chars = [...piece.text];
  const inner = grid.xs.slice(1, -1).filter((x) => x > piece.x + 1 && x < piece.x + piece.width - 1);
  if (inner.length === 0 || chars.length < 2) return [piece];
  const weights = chars.map((ch) => (isCjk(ch) ? 1 : 0.5));
  const total = weights.reduce((s, w) => s + w, 0);
  const out: TextPiece[] = [];
  let start = 0;
  let x = piece.x;
  let left = piece.x;
  let k = 0;
  for (let i = 0; i < chars.length; i++) {
    const w = ((weights[i] ?? 0) / total) * piece.width;
    let crossed = false;
    while (k < inner.length && (inner[k] ?? 0) < left + w / 2) {
      crossed = true;
      k++;
    }
    if (crossed && i > start) {
      out.push({ ...piece, text: chars.slice(start, i).join(""), x, width: left - x });
      x = left;
      start = i;
    }
    left += w;
  }
  out.push({ ...piece, text: chars.slice(start).join(""), x, width: piece.x + piece.width - x });
  return out;
}
