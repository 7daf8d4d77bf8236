import type { OcrChar } from "./ocr-port.ts";

/**
 * The rule for figures read by OCR: unreadable, never guessed. A figure (a run of digits with its
 * decimal point, thousands commas and percent sign) is taken only when every character of it is
 * clean: a digit, point, comma or percent sign the engine is sure of (`MIN_FIGURE_CONFIDENCE`),
 * one decimal point at most, commas grouping by thousands, a percent sign only at the end. A
 * figure with a letter that looks like a digit (O, l, I, S, B, Z), an unsure character, two
 * points ("43.343.3": two table cells read as one) or a stray comma is replaced by "\uFFFD", the
 * mark the importer shows for what it could not read, and listed with what the engine saw; it is
 * never corrected (an O is not made a 0).
 */

/** Least confidence of each character of a figure (PP-OCRv4 gives 0.99+ to a clean printed digit). */
const MIN_FIGURE_CONFIDENCE = 0.9;

/** What is shown in place of a figure that could not be read cleanly. */
export const UNREADABLE_MARK = "\uFFFD";

/** A figure left unread: what the engine saw and why it is not taken. */
export interface UnclearFigure {
  seen: string;
  why: string;
}

/** Characters that may belong to a figure as the engine reads it. */
const FIGURE_CHAR = /[0-9.,%．％OoIl|SsBZ]/;
const DIGIT = /[0-9]/;
const LOOKALIKE = /[OoIl|SsBZ]/;

/** The text of one piece read by OCR with its unclear figures replaced, and those figures. */
export function cleanFigures(chars: readonly OcrChar[]): { text: string; unclear: UnclearFigure[] } {
  const out: string[] = [];
  const unclear: UnclearFigure[] = [];
  let i = 0;
  while (i < chars.length) {
    const char = chars[i] as OcrChar;
    const run = FIGURE_CHAR.test(char.text) ? figureRun(chars, i) : null;
    if (run === null || !run.figure) {
      const end = run?.end ?? i + 1;
      out.push(...chars.slice(i, end).map((c) => c.text));
      i = end;
      continue;
    }
    const figure = chars.slice(i, run.end);
    const why = unclearWhy(figure);
    const seen = figure.map((c) => c.text).join("");
    if (why === null) out.push(seen);
    else {
      out.push(UNREADABLE_MARK);
      unclear.push({ seen, why });
    }
    i = run.end;
  }
  return { text: out.join(""), unclear };
}

/**
 * The run of figure characters starting at `i` (without trailing points and commas: sentence
 * punctuation), with whether it is a figure: it holds a digit and is not part of a Latin word or
 * code ("5G", "A12", "IPv6" are text).
 */
function figureRun(chars: readonly OcrChar[], i: number): { end: number; figure: boolean } {
  let end = i;
  while (end < chars.length && FIGURE_CHAR.test((chars[end] as OcrChar).text)) end += 1;
  while (end > i + 1 && /[.,．]/.test((chars[end - 1] as OcrChar).text)) end -= 1;
  const latin = (c: OcrChar | undefined) => c !== undefined && /[A-Za-z]/.test(c.text);
  const digit = chars.slice(i, end).some((c) => DIGIT.test(c.text));
  return { end, figure: digit && !latin(chars[i - 1]) && !latin(chars[end]) };
}

/** Why a figure is not clean, in Chinese, or null when it is. */
function unclearWhy(figure: readonly OcrChar[]): string | null {
  const text = figure.map((c) => c.text).join("");
  const letter = figure.find((c) => LOOKALIKE.test(c.text));
  if (letter !== undefined) return `数字中夹有形似数字的字母“${letter.text}”`;
  const unsure = figure.find((c) => c.confidence < MIN_FIGURE_CONFIDENCE);
  if (unsure !== undefined) {
    return `“${unsure.text}”识别把握不足（${Math.round(unsure.confidence * 100)}%，需 ${MIN_FIGURE_CONFIDENCE * 100}% 以上）`;
  }
  if ((text.match(/[.．]/g) ?? []).length > 1) return "有两个小数点，可能是相邻两格数字连在了一起";
  if (/[%％]./.test(text)) return "百分号后还有数字，可能是相邻两格数字连在了一起";
  const whole = text.replace(/[%％]$/, "").split(/[.．]/)[0] ?? "";
  if (whole.includes(",") && !/^\d{1,3}(,\d{3})+$/.test(whole)) return "千分位逗号位置不对";
  if (
    text
      .replace(/[%％]$/, "")
      .split(/[.．]/)[1]
      ?.includes(",")
  )
    return "小数部分有逗号";
  return null;
}
