/**
 * Slack's text rules: &, < and > must be escaped in mrkdwn (and in a message's fallback text), and a
 * section's text holds at most 3000 characters; 2900 leaves room for a prefix.
 */

/** The most characters put into one section's text. */
export const MAX_SECTION_CHARS = 2900;

/** Escapes the three characters Slack reads as markup (`<@U123>`, `<http://…|…>`). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `text` cut to at most `max` characters (code points), ending in "…" when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Escaped `text` of at most `max` characters, cut between characters so no entity is broken. */
export function clipEscaped(text: string, max: number): string {
  if (escapeMrkdwn(text).length <= max) return escapeMrkdwn(text);
  let out = "";
  for (const ch of text) {
    const next = out + escapeMrkdwn(ch);
    if (next.length + 1 > max) break;
    out = next;
  }
  return `${out}…`;
}

/** One escaped line cut into pieces of at most `max` characters, between characters. */
function hardSplit(line: string, max: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const ch of line) {
    const escaped = escapeMrkdwn(ch);
    if (current.length + escaped.length > max) {
      pieces.push(current);
      current = "";
    }
    current += escaped;
  }
  pieces.push(current);
  return pieces;
}

/**
 * Already-formatted lines packed into chunks of at most `max` characters, breaking only between
 * lines; a single line longer than `max` is packed on its own (callers keep lines short).
 */
export function packLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current: string | undefined;
  for (const line of lines) {
    if (current === undefined) current = line;
    else if (current.length + 1 + line.length <= max) current = `${current}\n${line}`;
    else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== undefined) chunks.push(current);
  return chunks;
}

/**
 * Raw text escaped and split into section-sized chunks at line breaks; a line longer than a chunk
 * is cut between characters. Blank text gives no chunks.
 */
export function splitMrkdwn(text: string, max = MAX_SECTION_CHARS): string[] {
  if (text.trim() === "") return [];
  const lines = text.split("\n").flatMap((line) => hardSplit(line, max));
  return packLines(lines, max).filter((chunk) => chunk.trim() !== "");
}

/** The first line of `text` with something on it, trimmed; "" when there is none. */
export function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "") ?? ""
  );
}
