/**
 * Reads the Markdown of a draft (as the report templates write it) into blocks the Word writer
 * lays out. Only the small dialect the templates use is understood: `#`..`####` headings,
 * paragraphs separated by blank lines, `- ` list items, `**bold**` inside text, and two markers:
 * `<!-- table:<id> -->` followed by an HTML `<table>` block (ending with a `</table>` line), which
 * stands for the structured table `view.tables[id]`, and `<!-- chart -->` followed by a small pipe
 * table (up to the next blank line), which stands for the score chart. Other HTML comments are
 * dropped. Pure.
 */

/** A piece of inline text, bold or not. */
export interface InlineRun {
  text: string;
  bold: boolean;
}

/** One block of the draft, in document order. */
export type MarkdownBlock =
  | { type: "heading"; level: 1 | 2 | 3 | 4; runs: InlineRun[] }
  | { type: "paragraph"; runs: InlineRun[] }
  | { type: "list"; items: InlineRun[][] }
  | { type: "table"; id: string }
  /** `rows` is the pipe table under the marker (header row first), kept for when there is no image. */
  | { type: "chart"; rows: string[][] };

const TABLE_MARKER = /^<!--\s*table:\s*([\w-]+)\s*-->$/;
const CHART_MARKER = /^<!--\s*chart\s*-->$/;
const COMMENT = /^<!--[\s\S]*-->$/;
const HEADING = /^(#{1,4})\s+(.*?)\s*#*$/;
const LIST_ITEM = /^[-*]\s+(.*)$/;
const PIPE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

/** Splits a Markdown draft into blocks; see the module comment for the dialect. */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: string[][] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", runs: inlineRuns(joinLines(paragraph)) });
    if (list.length > 0) blocks.push({ type: "list", items: list.map((l) => inlineRuns(joinLines(l))) });
    paragraph = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? "").trim();
    const table = TABLE_MARKER.exec(line);
    if (table?.[1] !== undefined) {
      flush();
      blocks.push({ type: "table", id: table[1] });
      i = skipHtmlTable(lines, i + 1);
      continue;
    }
    if (CHART_MARKER.test(line)) {
      flush();
      const end = blockEnd(lines, i + 1);
      blocks.push({ type: "chart", rows: pipeRows(lines.slice(i + 1, end)) });
      i = end - 1;
      continue;
    }
    if (line === "" || COMMENT.test(line)) {
      if (line === "") flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading?.[1] !== undefined && heading[2] !== undefined) {
      flush();
      const level = heading[1].length as 1 | 2 | 3 | 4;
      blocks.push({ type: "heading", level, runs: inlineRuns(heading[2]) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item?.[1] !== undefined) {
      if (paragraph.length > 0) flush();
      list.push([item[1]]);
      continue;
    }
    const text = line.startsWith(">") ? line.replace(/^>\s?/, "") : line;
    const lastItem = list.at(-1);
    if (lastItem !== undefined) {
      lastItem.push(text);
      continue;
    }
    paragraph.push(text);
  }
  flush();
  return blocks;
}

/** The index of the line after the HTML table that starts at `from` (its `</table>` line). */
function skipHtmlTable(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i += 1) {
    if ((lines[i] ?? "").trim().endsWith("</table>")) return i;
  }
  return lines.length;
}

/** The index of the first blank line at or after `from` (or the end). */
function blockEnd(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && (lines[i] ?? "").trim() !== "") i += 1;
  return i;
}

/** The cells of a pipe table, the separator row (`|---|---|`) left out. */
function pipeRows(lines: readonly string[]): string[][] {
  return lines
    .map((l) => l.trim())
    .filter((l) => l.startsWith("|") && !PIPE_SEPARATOR.test(l))
    .map((l) =>
      l
        .replace(/^\|/, "")
        .replace(/(?<!\\)\|$/, "")
        .split(/(?<!\\)\|/)
        .map((c) => plainText(c.trim())),
    );
}

/**
 * Joins the lines of one paragraph. Chinese text has no spaces between words, so a line break
 * inside a paragraph joins without one, except between two Latin letters or digits.
 */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((joined, line) =>
    /[A-Za-z0-9,.;:]$/.test(joined) && /^[A-Za-z0-9]/.test(line) ? `${joined} ${line}` : joined + line,
  );
}

/** Splits text at `**` into plain and bold runs; an unmatched `**` is kept as text. */
export function inlineRuns(text: string): InlineRun[] {
  const parts = text.split("**");
  if (parts.length % 2 === 0) return [{ text: plainText(text), bold: false }];
  return parts.flatMap((part, i) => (part === "" ? [] : [{ text: plainText(part), bold: i % 2 === 1 }]));
}

/** HTML entities Handlebars writes when it escapes a value, and Markdown backslash escapes. */
const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#x27;": "'",
  "&#39;": "'",
  "&#x60;": "`",
  "&#x3D;": "=",
  "&nbsp;": " ",
};

/** Text as a reader sees it: entities decoded, Markdown escapes (`\*`) removed. */
function plainText(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|nbsp|#x27|#39|#x60|#x3D);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\\([\\*_#|`-])/g, "$1");
}
