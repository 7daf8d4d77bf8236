/**
 * Text pieces of a PDF page put back into lines and words. A piece is one run of text the PDF
 * shows at one position; pieces whose baselines are close form a line, read left to right. Pieces
 * next to each other are joined without a space when either side is a CJK character (Chinese
 * words have no spaces, and a font change inside a word leaves a small gap), with a space when a
 * Latin gap is at least a fifth of the font size, and a gap of `CELL_GAP_EMS` font sizes or more
 * splits the line into cells (a table without rules, or a label and its value set apart). A
 * line's words (`lineWords`) are parted at any space or gap, for cutting it by known columns.
 */

/** One run of text at its place on the page: x to the right, y the baseline from the page top. */
export interface TextPiece {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font size (the height of a line of this text). */
  size: number;
}

/** A line of a page: its pieces left to right, its baseline and extent. */
export interface TextLine {
  pieces: TextPiece[];
  y: number;
  size: number;
  left: number;
  right: number;
}

/** Gap (in font sizes) from which two pieces of a line are separate cells. */
const CELL_GAP_EMS = 2;
/** Gap (in font sizes) that parts two words of a line (`lineWords`). */
const WORD_GAP = 0.25;
/** Gap (in font sizes) from which two Latin pieces are separate words. */
const SPACE_GAP_EMS = 0.2;
/** Gap (in font sizes) from which CJK and Latin text have a space between them. */
const MIXED_SPACE_GAP_EMS = 0.3;

const CJK = /[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/** True when `ch` is a CJK character or full-width punctuation. */
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * The pieces grouped into lines, top to bottom: a piece belongs to a line when its baseline is
 * within 0.4 font sizes of the line's first baseline. Blank pieces are left out.
 */
export function groupLines(pieces: readonly TextPiece[]): TextLine[] {
  const sorted = pieces.filter((p) => p.text.trim() !== "").sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextPiece[][] = [];
  let current: TextPiece[] = [];
  let baseline = Number.NEGATIVE_INFINITY;
  let size = 0;
  for (const piece of sorted) {
    if (current.length > 0 && piece.y - baseline > 0.4 * Math.min(size, piece.size)) {
      lines.push(current);
      current = [];
    }
    if (current.length === 0) {
      baseline = piece.y;
      size = piece.size;
    }
    current.push(piece);
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => {
    const ordered = [...line].sort((a, b) => a.x - b.x);
    return {
      pieces: ordered,
      y: Math.max(...ordered.map((p) => p.y)),
      size: Math.max(...ordered.map((p) => p.size)),
      left: Math.min(...ordered.map((p) => p.x)),
      right: Math.max(...ordered.map((p) => p.x + p.width)),
    };
  });
}

/**
 * The cells of a line: its pieces joined into words (see the module note), split where the gap is
 * at least `splitGap` font sizes (`Infinity`: never split).
 */
export function lineCells(line: TextLine, splitGap = CELL_GAP_EMS): string[] {
  const cells: string[] = [];
  let text = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const piece of line.pieces) {
    const gap = piece.x - end;
    if (text !== "" && gap >= splitGap * piece.size) {
      cells.push(text.trim());
      text = "";
    }
    text = text === "" ? piece.text : joinWords(text, piece.text, gap / piece.size);
    end = Math.max(end, piece.x + piece.width);
  }
  if (text.trim() !== "") cells.push(text.trim());
  return cells;
}

/** The whole text of a line (never split into cells). */
export function lineText(line: TextLine): string {
  return lineCells(line, Number.POSITIVE_INFINITY).join("");
}

/**
 * Two texts of a line joined across a gap of `gapEms` font sizes: no space between two CJK
 * characters or next to a space, one space for a gap as wide as a space (see the module note).
 */
export function joinWords(left: string, right: string, gapEms: number): string {
  const last = left.at(-1) ?? "";
  const first = right[0] ?? "";
  if (/\s/.test(last) || /\s/.test(first)) return left + right;
  const cjk = Number(isCjk(last)) + Number(isCjk(first));
  const spaced = cjk === 0 ? gapEms >= SPACE_GAP_EMS : cjk === 1 && gapEms >= MIXED_SPACE_GAP_EMS;
  return spaced ? `${left} ${right}` : left + right;
}

/**
 * A line wrapped onto the next joined back: with a space only between two Latin letters (English
 * words), so a number or a Chinese word cut by the wrap is whole again ("95." + "10%" → "95.10%").
 */
export function joinWrapped(left: string, right: string): string {
  return /[A-Za-z]$/.test(left) && /^[A-Za-z]/.test(right) ? `${left} ${right}` : left + right;
}

/** A word of a line: text with no space or gap in it, and its extent. */
export interface TextWord {
  text: string;
  left: number;
  right: number;
  size: number;
}

/** The words of a line, left to right: pieces cut at spaces, joined where no gap parts them. */
export function lineWords(line: TextLine): TextWord[] {
  const words: TextWord[] = [];
  for (const piece of line.pieces) {
    for (const part of splitAtSpaces(piece.text, piece.x, piece.width)) {
      const last = words.at(-1);
      const gap = part.left - (last?.right ?? Number.NEGATIVE_INFINITY);
      if (last !== undefined && !part.spaced && gap < WORD_GAP * piece.size) {
        last.text = joinWords(last.text, part.text, gap / piece.size);
        last.right = Math.max(last.right, part.right);
      } else {
        words.push({ text: part.text, left: part.left, right: part.right, size: piece.size });
      }
    }
  }
  return words;
}

/** The parts of a piece between spaces, with their extents estimated from character widths. */
function splitAtSpaces(
  text: string,
  x: number,
  width: number,
): { text: string; left: number; right: number; spaced: boolean }[] {
  const chars = [...text];
  const weights = chars.map((ch) => (isCjk(ch) ? 1 : 0.5));
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const parts: { text: string; left: number; right: number; spaced: boolean }[] = [];
  let at = x;
  let current: { text: string; left: number; right: number; spaced: boolean } | null = null;
  let spaced = false;
  chars.forEach((ch, i) => {
    const w = ((weights[i] ?? 0) / total) * width;
    if (/\s/.test(ch)) {
      if (current !== null) parts.push(current);
      current = null;
      spaced = true;
    } else if (current === null) {
      current = { text: ch, left: at, right: at + w, spaced };
    } else {
      current.text += ch;
      current.right = at + w;
    }
    at += w;
  });
  if (current !== null) parts.push(current);
  return parts;
}
