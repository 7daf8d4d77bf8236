import { SIZES, TEXT_WIDTH } from "./docx-styles.ts";
import type { TableLayout } from "./docx-table.ts";

/**
 * Column widths in twips filling the text block: the view's relative widths, or equal ones; a column
 * narrower than its `minimums` entry is widened to it, the twips taken from the columns with room
 * to spare in proportion to that room, so a figure like "59.93%" is never broken inside.
 */
export function columnWidths(
  columns: number,
  widths: readonly number[] | undefined,
  minimums: readonly number[] = [],
): number[] {
  const relative =
    widths !== undefined && widths.length === columns && widths.every((w) => w > 0)
      ? widths
      : Array<number>(columns).fill(1);
  const sum = relative.reduce((a, b) => a + b, 0);
  const twips = widen(
    relative.map((w) => Math.floor((w / sum) * TEXT_WIDTH)),
    minimums,
  );
  const rest = TEXT_WIDTH - twips.reduce((a, b) => a + b, 0);
  return twips.map((w, i) => (i === twips.length - 1 ? w + rest : w));
}

/** Widths raised to their minimums, the deficit taken from the others' room above their minimums. */
function widen(twips: readonly number[], minimums: readonly number[]): number[] {
  const min = (i: number) => minimums[i] ?? 0;
  const deficit = twips.reduce((d, w, i) => d + Math.max(0, min(i) - w), 0);
  const room = twips.reduce((r, w, i) => r + Math.max(0, w - min(i)), 0);
  if (deficit === 0 || room <= deficit) return [...twips];
  return twips.map((w, i) =>
    w < min(i) ? min(i) : w - Math.ceil((Math.max(0, w - min(i)) / room) * deficit),
  );
}

/** Twips a table character takes, in ems of the table font: digits half an em, "%" most of one. */
function charEm(c: string): number {
  if (/[0-9]/u.test(c)) return 0.5;
  if (c === "." || c === ",") return 0.25;
  if (c === "%" || c === "‰") return 0.85;
  if (/[\p{Script=Han}（）“”，。、；：]/u.test(c)) return 1;
  return 0.6;
}

/**
 * A run a line cannot break: a figure with its sign, its unit and the brackets or punctuation that
 * may not be parted from it ("59.93%", "≥95%", "（30分）", "2,450.00").
 */
const UNBREAKABLE = /[（(“]?[0-9A-Za-z.,%‰+\-−×÷≥≤<>=~／/]+(?:万元|[分人个项元次台户])?[）)”，。、；]?/gu;

/** Cell padding left and right plus a little slack, in twips. */
const CELL_PADDING = 57 * 2 + 40;

/** The width a cell's longest unbreakable run needs, in twips at the table font size. */
export function unbreakableWidth(text: string): number {
  const em = SIZES.table * 10; // half-points → twips: 1 pt = 20 twips
  const widest = Math.max(
    0,
    ...[...text.matchAll(UNBREAKABLE)].map((m) => [...m[0]].reduce((w, c) => w + charEm(c), 0)),
  );
  return widest === 0 ? 0 : Math.ceil(widest * em) + CELL_PADDING;
}

/** Per column, the width its single-column cells need so no figure in them breaks. */
export function minimumWidths(layout: TableLayout): number[] {
  const out = Array<number>(layout.columns).fill(0);
  for (const slot of layout.rows.flat()) {
    if (slot.kind !== "cell" || slot.span !== 1) continue;
    out[slot.column] = Math.max(out[slot.column] ?? 0, unbreakableWidth(slot.cell.text));
  }
  return out;
}
