import { removeInvisible } from "../../core/invisible-chars.ts";
import { textMemo } from "./text-memo.ts";
import { simplifiedKey, TRADITIONAL_CHARS } from "./traditional-chars.ts";

/**
 * Text of one table cell: cleaning extraction artefacts, keys for matching labels, names with the
 * spaces a PDF extractor puts between Chinese characters removed, and weights written after a name.
 */

const HAN = "\\u3400-\\u9fff\\uf900-\\ufaff";
const SPACE_BETWEEN_HAN = new RegExp(`([${HAN}])\\s+(?=[${HAN}])`, "gu");
const TRAILING_WEIGHT = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*(?:分\s*[）)]?|[）)])\s*$/u;

/**
 * The UTF-16 units `labelKey` changes, as a table (1 = changed): whitespace, full-width brackets and
 * colons, "(" (pinyin) and ":", traditional characters. A lookup per unit is several times faster
 * than a character-class test, and every cell of a file is keyed.
 */
const CHANGED = (() => {
  const table = new Uint8Array(0x10000);
  const extra = new Set([..."（）：:(", ...TRADITIONAL_CHARS]);
  for (let unit = 0; unit < table.length; unit += 1) {
    const ch = String.fromCharCode(unit);
    if (/\s/.test(ch) || extra.has(ch)) table[unit] = 1;
  }
  return table;
})();

/** True when `labelKey` may change the text. */
function mayChange(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (CHANGED[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Visible text `cleanCell` may change: a "[", a leading mark, whitespace at either end. */
const MAY_NEED_CLEANING = /\[|^[#*\s]|\s$/;

/**
 * Drops invisible and bidirectional control characters (invisible-chars.ts), Word bookmarks
 * ("[bookmark: _GoBack]"), Markdown heading marks and bold marks, then trims.
 */
export function cleanCell(text: string): string {
  const visible = removeInvisible(text);
  if (!MAY_NEED_CLEANING.test(visible)) return visible;
  return visible
    .replace(/\[bookmark:[^\]]*\]/g, "")
    .replace(/^#+\s*/, "")
    .replace(/^\*\*(.*)\*\*$/, "$1")
    .trim();
}

/**
 * Key for comparing a cell with a known label: no whitespace, full-width brackets and colons made
 * ASCII, no trailing colon. "部门（单位）名称：" and "部门(单位)名称" have the same key; traditional
 * characters and bracketed pinyin are keyed as simplified (traditional-chars.ts).
 */
export const labelKey: (text: string) => string = textMemo((text) => (mayChange(text) ? keyOf(text) : text));

function keyOf(text: string): string {
  return simplifiedKey(text)
    .replace(/\s+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/：/g, ":")
    .replace(/:+$/, "");
}

/** A name as written, without the spaces between Chinese characters ("投入管理 指标" → "投入管理指标"). */
export function compactName(text: string): string {
  return text.replace(SPACE_BETWEEN_HAN, "$1").replace(/\s+/g, " ").trim();
}

/**
 * Splits a weight written after a name: "产出指标(50分)" → 产出指标 / 50, "数量指标（15）" → 15,
 * "资金到位率（2分" (bracket never closed) → 2. A name without one is returned unchanged.
 */
export function splitWeight(text: string): { name: string; weight?: number } {
  const match = TRAILING_WEIGHT.exec(text);
  const name = match?.[1];
  if (match === null || name === undefined || name === "") return { name: text };
  return { name, weight: Number(match[2]) };
}

/** The non-empty cells of a row. */
export function filled(cells: readonly string[]): string[] {
  return cells.filter((c) => c !== "");
}

/** A row as one line of text for messages: its non-empty cells joined by " | ". */
export function rowText(cells: readonly string[]): string {
  return filled(cells).join(" | ");
}

/** A cell left blank with a dash or slash ("—", "－", "/"): nothing stated. */
export function isBlankMark(text: string): boolean {
  return /^[\s—–\-－/／]*$/.test(text);
}
