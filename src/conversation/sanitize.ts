import { removeInvisible } from "../core/invisible-chars.ts";

/** Longest message read (a whole 自评表 with narrative is about 10,000 characters). */
export const MAX_MESSAGE = 30_000;

/** C0 control characters except tab (9) and newline (10), and DEL. */
const CONTROL = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
  "g",
);

/**
 * Normalises a message: line endings, control characters (kept: tab and newline), invisible and
 * bidirectional control characters (zero-width spaces, U+202E, U+2066, the soft hyphen …: see
 * invisible-chars.ts), non-breaking spaces; trims the ends.
 */
export function sanitize(text: string): string {
  return removeInvisible(text)
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ")
    .replace(CONTROL, "")
    .trim();
}
