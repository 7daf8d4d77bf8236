/**
 * Normalises how a number is typed without changing what it says: full-width digits, letters and
 * signs (and the small forms ﹦ ﹥ ﹤) become ASCII (５６１．４１ → 561.41, ％ → %), traditional 萬/億/點 become 万/亿/点, and
 * whitespace is dropped except between two digits (where it would silently join "1 234").
 */
const SYMBOLS: Readonly<Record<string, string>> = {
  "．": ".",
  "，": ",",
  "％": "%",
  "＋": "+",
  "－": "-",
  "−": "-",
  "＞": ">",
  "＜": "<",
  "＝": "=",
  "﹦": "=",
  "﹥": ">",
  "﹤": "<",
  "≧": "≥",
  "≦": "≤",
  "｜": "|",
  "￥": "¥",
  萬: "万",
  億: "亿",
  點: "点",
};

/** A character `toHalfWidth` changes, or whitespace. */
const NEEDS_WORK = new RegExp(
  `[\\s\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a${Object.keys(SYMBOLS)
    .join("")
    .replace(/[\\\]^-]/g, "\\$&")}]`,
  "u",
);

function toHalfWidth(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  // Full-width ASCII block: ０-９, Ａ-Ｚ, ａ-ｚ.
  if (
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  ) {
    return String.fromCodePoint(code - 0xfee0);
  }
  return Object.hasOwn(SYMBOLS, ch) ? (SYMBOLS[ch] ?? ch) : ch;
}

/**
 * Returns the normalised form of a trimmed number text (see module comment). Linear in the length of
 * the text: a run of whitespace is kept as one space only when a digit comes before and after it.
 */
export function normalizeNumberText(text: string): string {
  const trimmed = text.trim();
  // Most numbers need no change: nothing to convert, no whitespace left after trimming.
  if (!NEEDS_WORK.test(trimmed)) return trimmed;
  const out: string[] = [];
  let last = "";
  let pendingSpace = false;
  for (const raw of trimmed) {
    const ch = toHalfWidth(raw);
    if (/\s/u.test(ch)) {
      pendingSpace = true;
      continue;
    }
    // kept between two digits, so "1 234" stays unreadable
    if (pendingSpace && /\d/.test(ch) && /\d/.test(last)) out.push(" ");
    pendingSpace = false;
    out.push(ch);
    last = ch;
  }
  return out.join("");
}
