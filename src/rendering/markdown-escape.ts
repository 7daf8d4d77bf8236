/**
 * Literal text for CommonMark: text escaped so that a Markdown reader shows it exactly as written,
 * never as structure. Ordinary Chinese prose comes out unchanged; only characters Markdown would
 * read are escaped with a backslash (CommonMark allows one before any ASCII punctuation).
 */

/**
 * Escaped everywhere: backslash, emphasis, code, links; `<` where it could open a tag, a comment or
 * an autolink (`<b>`, `</`, `<!--`, `<?`); `&` where it could start an entity (`&lt;`). A `|` only
 * matters inside a pipe table (each text line is a paragraph of its own), so `pipe` escapes it.
 */
const ALWAYS = /[\\`*[\]]|<(?=[A-Za-z/!?])|&(?=#|[A-Za-z0-9]+;)/g;
/**
 * What starts a block at the start of a line: `>`; `-`, `+`, `=` before a space, the end or another
 * `-` / `=` (list item, thematic break, setext underline); `1.` / `1)` before a space or the end.
 */
const BLOCK_START = /^([ \t]*)(?:(>|[-+=](?=[ \t]|$|[-=]))|(\d{1,9})([.)])(?=[ \t]|$))/;
/** What a line may start with before its content starts a block again (list item, quote). */
const CONTAINER_PREFIX = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+|>[ \t]?)*$/;

/**
 * `text` as literal Markdown inline text. `lineBefore` is what precedes it on its line in the
 * output: where that is empty or only a list / quote marker, the text starts a block, so a leading
 * `#`, `>`, list marker (`- `, `1. `) or rule (`--`, `==`) is escaped too. `pipe`: the text is a
 * pipe-table cell, `|` escaped. Line breaks inside the text become spaces (a value set inline
 * cannot start a new block).
 */
export function escapeMarkdownText(text: string, lineBefore = "", pipe = false): string {
  let out = text
    .replace(/[ \t]*\r?\n[ \t\r\n]*/g, " ")
    .replace(ALWAYS, "\\$&")
    // `_` opens emphasis unless it sits inside a word (`rate_mismatch` stays as it is).
    .replace(/_/g, (m, at: number, all: string) =>
      /[A-Za-z0-9]/.test(all[at - 1] ?? "") && /[A-Za-z0-9]/.test(all[at + 1] ?? "") ? m : "\\_",
    )
    // A `#` after a space could close a heading line; `~~` is strikethrough.
    .replace(/(^|[ \t])#/g, "$1\\#")
    .replace(/~(?=~)|(?<=~)~/g, "\\~");
  if (pipe) out = out.replace(/\|/g, "\\|");
  if (CONTAINER_PREFIX.test(lineBefore)) {
    out = out.replace(BLOCK_START, (_, space: string, mark, digits, dot) =>
      mark !== undefined ? `${space}\\${mark}` : `${space}${digits}\\${dot}`,
    );
  }
  return out;
}
