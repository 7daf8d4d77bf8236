/** Longest message read (a whole 自评表 with narrative is about 10,000 characters). */
export const MAX_MESSAGE = 30_000;

/** C0 control characters except tab (9) and newline (10), and DEL. */
const CONTROL = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
  "g",
);

/**
 * Normalises a message: line endings, control characters (kept: tab and newline), zero-width and
 * non-breaking spaces, ideographic space in tables; trims the ends.
 */
export function sanitize(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/\u00a0/g, " ")
    .replace(CONTROL, "")
    .trim();
}
