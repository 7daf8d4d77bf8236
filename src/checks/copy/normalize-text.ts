/**
 * The text copy detection compares: Chinese characters, letters and digits only, with a map back to
 * the original so a match can be quoted exactly as written.
 */
export interface NormalizedText {
  /** Kept characters, lower-cased, full-width letters and digits made half-width. */
  text: string;
  /** `offsets[i]` is the index (UTF-16 code unit) in the original of `text[i]`. */
  offsets: number[];
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * One kept code unit for a BMP character `c` (its code), or -1 when it is dropped. ASCII and CJK
 * unified ideographs take the fast path; anything else is kept when Unicode calls it a letter or a
 * number (kana, Greek, ①, Ⅻ), so whitespace, punctuation (，。、；：“”‘’（）《》【】〔〕…) and
 * symbols (≥ ≤ % ×) fall away.
 */
function keptCode(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c; // 0-9
  if (c >= 0x61 && c <= 0x7a) return c; // a-z
  if (c >= 0x41 && c <= 0x5a) return c + 0x20; // A-Z
  if (c < 0x80) return -1; // other ASCII: whitespace, punctuation, symbols
  if (c >= 0x4e00 && c <= 0x9fff) return c; // CJK unified ideographs
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + 0x30; // ０-９
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xff21 + 0x61; // Ａ-Ｚ → a-z
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xff41 + 0x61; // ａ-ｚ
  const ch = String.fromCharCode(c);
  if (!LETTER_OR_DIGIT.test(ch)) return -1;
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/**
 * Normalises `original` for matching: drops whitespace, punctuation and symbols (Chinese and
 * ASCII), turns full-width letters and digits half-width and lower-cases letters, keeping Chinese
 * characters, letters and digits, since copied names, figures and dates are what give a copy away.
 * A character outside the BMP (a rare CJK extension character) is kept as its two code units, each
 * mapped to its own position, so `text.length === offsets.length` always holds.
 */
export function normalizeText(original: string): NormalizedText {
  const codes: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < original.length) {
      const pair = original.slice(i, i + 2);
      if (LETTER_OR_DIGIT.test(pair)) {
        codes.push(c, original.charCodeAt(i + 1));
        offsets.push(i, i + 1);
      }
      i++;
      continue;
    }
    const kept = keptCode(c);
    if (kept >= 0) {
      codes.push(kept);
      offsets.push(i);
    }
  }
  let text = "";
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
  return { text, offsets };
}

/**
 * The original span `[start, end)` covered by normalised characters `[from, to)` (`to > from`):
 * from the first kept character to just after the last.
 */
export function originalSpan(norm: NormalizedText, from: number, to: number): [number, number] {
  return [norm.offsets[from] ?? 0, (norm.offsets[to - 1] ?? -1) + 1];
}
