import type { ContentBlock } from "./document-content.ts";

/**
 * HTML tables inside a Markdown file (what ziping's own drafts, pandoc and many editors write for
 * tables with merged cells) as table blocks, everything else one paragraph per line. A `<caption>`
 * becomes the paragraphs before its table (one per `<br>` or run of wide spaces: "（2021年度）　单位：万元"
 * is the year line and the unit line), so the table's title and year line read as
 * in a Word document. Merged cells are laid out as `docxBlocks` lays out Word's: a `colspan` cell gives
 * its text in its first column and "" in the others, a `rowspan` cell gives "" in the rows below
 * (a blank cell means "same as above" to the table readers). `<br>` in a cell is a line break.
 */

const TABLE = /<table\b[^>]*>([\s\S]*?)<\/table\s*>/giu;
const CAPTION = /<caption\b[^>]*>([\s\S]*?)<\/caption\s*>/iu;
const ROW = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table|$)/giu;
const CELL = /<(t[hd])\b([^>]*)>([\s\S]*?)(?:<\/t[hd]\s*>|(?=<t[hd]\b)|$)/giu;
/** Most columns and rows one table may claim through spans; more is a damaged file, not a wider table. */
const MAX_SPAN = 64;

/** The blocks of a Markdown text holding HTML tables; null when it holds none (read as plain text). */
export function markdownBlocks(text: string): ContentBlock[] | null {
  if (!/<table\b/iu.test(text)) return null;
  const blocks: ContentBlock[] = [];
  let at = 0;
  for (const match of text.matchAll(TABLE)) {
    const start = match.index ?? 0;
    lines(text.slice(at, start), blocks);
    at = start + match[0].length;
    const inner = match[1] ?? "";
    const caption = CAPTION.exec(inner)?.[1];
    if (caption !== undefined)
      for (const part of caption.split(/<br\s*\/?>|\u3000+|\s{2,}/iu))
        if (cellText(part) !== "") blocks.push({ type: "paragraph", text: cellText(part) });
    blocks.push({ type: "table", rows: tableRows(inner.replace(CAPTION, "")) });
  }
  lines(text.slice(at), blocks);
  return blocks;
}

/**
 * Lines of Markdown between tables, one paragraph each; HTML comments (`<!-- table:… -->`) left out.
 * The pipe table after a `<!-- chart -->` comment is the data of a chart (the figure a Word document
 * shows as a picture), not a table of the report, and is left out too.
 */
function lines(text: string, blocks: ContentBlock[]): void {
  if (text === "") return;
  const parts = text
    .replace(/<!--\s*chart\s*-->[^\S\n]*\n(?:[^\S\n]*\|.*(?:\n|$))*/giu, "")
    .replace(/^[^\S\n]*<!--[\s\S]*?-->[^\S\n]*(?:\n|$)/gmu, "")
    .replace(/<!--[\s\S]*?-->/gu, "")
    .split(/\r\n|\r|\n/);
  // The newline that ends the text before a table, and the one after it, are no lines of their own.
  if (parts.length > 1 && parts.at(-1)?.trim() === "") parts.pop();
  if (parts.length > 1 && parts[0]?.trim() === "") parts.shift();
  for (const line of parts) blocks.push({ type: "paragraph", text: line });
}

/** The rows of one table's HTML on its grid, spans filled with "". */
function tableRows(html: string): string[][] {
  const rows: string[][] = [];
  /** Columns still covered by a rowspan from above: column → rows left. */
  const covered = new Map<number, number>();
  for (const rowMatch of html.matchAll(ROW)) {
    const row: string[] = [];
    const take = (): void => {
      while ((covered.get(row.length) ?? 0) > 0) {
        covered.set(row.length, (covered.get(row.length) ?? 1) - 1);
        row.push("");
      }
    };
    for (const cell of (rowMatch[1] ?? "").matchAll(CELL)) {
      take();
      const attrs = cell[2] ?? "";
      const colspan = span(attrs, "colspan");
      const rowspan = span(attrs, "rowspan");
      for (let k = 0; k < colspan; k += 1) {
        if (rowspan > 1) covered.set(row.length, rowspan - 1);
        row.push(k === 0 ? cellText(cell[3] ?? "") : "");
      }
    }
    take();
    rows.push(row);
  }
  return rows;
}

function span(attrs: string, name: string): number {
  const value = Number.parseInt(new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, "iu").exec(attrs)?.[1] ?? "1", 10);
  return Number.isFinite(value) ? Math.min(Math.max(value, 1), MAX_SPAN) : 1;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** A cell's text: `<br>` as a line break, other tags dropped, entities decoded, trimmed. */
function cellText(html: string): string {
  return html
    .replace(/<br\s*\/?>/giu, "\n")
    .replace(/<[^>]+>/gu, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
      if (!name.startsWith("#")) return ENTITIES[name.toLowerCase()] ?? whole;
      const code = /^#x/iu.test(name) ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .trim();
}
