import { isChineseNumeralChar } from "./chinese-digits.ts";

/**
 * Scan (OCR) noise in a number: text that was a number on paper but came out of the scanner with
 * letters or a stray character in it. Such text is unreadable; it is never turned into a number.
 *
 * The rule looks at the *core* of the text, what is left once the comparator and approximation words
 * before the number and the unit after it are taken off ("≥W100%" → "W100", "第O份" → "第O"):
 * - **letters**: the core holds only digits, `. , % ‰`, spaces and letters scanning makes of digits or
 *   signs — O o (0), I l (1), W Q (≤), X (×), M — with at least one such letter, and optionally one
 *   Chinese character or CJK sign before it: `IO`, `W100%`, `Q0`, `XlO0%`, `O76%107.6`, `M.8万元`,
 *   `1O0%`, `l00%`, `第O份`;
 * - **stray**: one Chinese character or CJK sign stands where a comparator belongs, right before the
 *   digits, and is not a word that may precede a number (第/前/后/每, a Chinese numeral): `到0次`, `》95%`.
 *
 * Not noise: units written in letters after the number (20M, 100Mbps, 4.3m, 10km, parsed as units),
 * Roman numerals (II, IV), and text with other letters or words around the number (7*24, 5G, 3A级,
 * ISO9001, 满意度达95%), which is text, not a damaged number.
 */

const NOISE_LETTERS = "OoIlWQXM";
const NUMBER_CHAR = /^[\d.,%‰ ]$/u;
const ROMAN = /^[IVX]+$/u;
/** Characters that may stand before a number in ordinary wording ("第3名", "前10位", "每年2次"). */
const ORDINAL_CHARS = "第前后每";
const CJK_CHAR = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;

/** True for a Roman numeral written in letters ("II", "IV"): a class or grade, not a damaged number. */
export function isRomanNumeral(core: string): boolean {
  return ROMAN.test(core);
}

/** What makes a number's core scan noise: letters in place of digits or signs, or a stray character. */
export type ScanNoise = { kind: "letters"; letters: string[] } | { kind: "stray"; char: string };

function isLeadChar(ch: string): boolean {
  return CJK_CHAR.test(ch) && !isChineseNumeralChar(ch);
}

/** The scan noise in a number's core (see the module comment), or null when the core is not noise. */
export function scanNoise(core: string): ScanNoise | null {
  const chars = [...core];
  const first = chars[0];
  if (first === undefined || isRomanNumeral(core)) return null;
  const lead = isLeadChar(first) ? first : null;
  const body = lead === null ? chars : chars.slice(1);
  if (body.length === 0) return null;
  if (!body.every((ch) => NUMBER_CHAR.test(ch) || NOISE_LETTERS.includes(ch))) return null;
  const letters = [...new Set(body.filter((ch) => NOISE_LETTERS.includes(ch)))];
  if (letters.length > 0) return { kind: "letters", letters };
  // "到2025年", "于2023年": a preposition before a year is a deadline, not a misread comparator.
  if (lead !== null && "到至于在".includes(lead) && /^(?:19|20)\d{2}$/.test(body.join(""))) return null;
  if (lead !== null && !ORDINAL_CHARS.includes(lead) && body.some((ch) => /\d/.test(ch))) {
    return { kind: "stray", char: lead };
  }
  return null;
}

/**
 * True when the core is digits and number signs only (`95.`, `76%107.6`, `1 234`, `1.2.3`): a number
 * that was damaged (wrapped, cells run together, mistyped) rather than words.
 */
export function isNumberShaped(core: string): boolean {
  const chars = [...core];
  return chars.some((ch) => /\d/.test(ch)) && chars.every((ch) => NUMBER_CHAR.test(ch));
}
