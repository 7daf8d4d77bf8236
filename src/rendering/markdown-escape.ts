/**
 * Literal text for CommonMark: text escaped so that a Markdown reader shows it exactly as written,
 * never as structure. Ordinary Chinese prose comes out unchanged; only characters Markdown would
 * read are escaped with a backslash (CommonMark allows one before any ASCII punctuation).
 */

/**
 * Escaped everywhere: backslash, emphasis, code, links, table pipes; `<` where it could open a tag,
 * a comment or an autolink (`<b>`, `</`, `<!--`, `<?`); `&` where it could start an entity (`&lt;`).
 */
const ALWAYS = /[\\`*[\]|]|<(?=[A-Za-z/!?])|&(?=#|[A-Za-z0-9]+;)/g;
/** What a line may start with before its content starts a block again (list item, quote). */
const CONTAINER_PREFIX = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+|>[ \t]?)*$/;

/**
 * `text` as literal Markdown inline text. `lineBefore` is what precedes it on its line in the
 * output: where that is empty or only a list / quote marker, the text starts a block, so a leading
 * `#`, `-`, `+`, `=`, `>` or `1.` is escaped too. Line breaks inside the text become spaces (a value
 * set inline cannot start a new block).
 */
export function escapeMarkdownText(text: string, lineBefore = ""): string {
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
  if (CONTAINER_PREFIX.test(lineBefore)) {
    out = out.replace(/^([ \t]*)(?:([-+=>])|(\d{1,9})([.)]))/, (_, space: string, mark, digits, dot) =>
      mark !== undefined ? `${space}\\${mark}` : `${space}${digits}\\${dot}`,
    );
  }
  return out;
}
