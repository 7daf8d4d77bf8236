import type { DraftBlock, InlineRun } from "./draft-blocks.ts";
import { BLOCK_LINE, type LiteralTokens } from "./literal-tokens.ts";

/**
 * Reads a rendered template (template text with tokens, see literal-tokens.ts) into blocks. Only
 * template text is read as structure, in the small dialect the templates use: `#`..`####`
 * headings, paragraphs separated by blank lines, `- ` list items, `**bold**`, HTML comments
 * (dropped) and block markers on their own line. Tokens expand to literal runs. Pure.
 */

const COMMENT = /^<!--[\s\S]*-->$/;
const HEADING = /^(#{1,4})\s+(.*?)\s*$/;
const LIST_ITEM = /^[-*]\s+(.*)$/;

/** Splits rendered text into blocks; `blockAt(n)` is the block marker n stands for. */
export function renderedBlocks(
  rendered: string,
  tokens: LiteralTokens,
  blockAt: (index: number) => DraftBlock,
): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  const runs = (lines: readonly string[]): InlineRun[] => inlineRuns(joinLines(lines, tokens), tokens);
  let paragraph: string[] = [];
  let list: string[][] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", runs: runs(paragraph) });
    if (list.length > 0) blocks.push({ type: "list", items: list.map(runs) });
    paragraph = [];
    list = [];
  };
  for (const raw of rendered.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const marker = BLOCK_LINE.exec(line);
    if (marker?.[1] !== undefined) {
      flush();
      blocks.push(blockAt(Number(marker[1])));
      continue;
    }
    if (line === "") flush();
    if (line === "" || COMMENT.test(line)) continue;
    const heading = HEADING.exec(line);
    if (heading?.[1] !== undefined && heading[2] !== undefined) {
      flush();
      blocks.push({ type: "heading", level: heading[1].length as 1 | 2 | 3 | 4, runs: runs([heading[2]]) });
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
    if (lastItem !== undefined) lastItem.push(text);
    else paragraph.push(text);
  }
  flush();
  return blocks;
}

/**
 * Joins the lines of one paragraph. Chinese text has no spaces between words, so a line break
 * inside a paragraph joins without one, except between two Latin letters or digits.
 */
function joinLines(lines: readonly string[], tokens: LiteralTokens): string {
  return lines.reduce((joined, line) =>
    /[A-Za-z0-9,.;:]$/.test(tokens.expand(joined.slice(-40))) && /^[A-Za-z0-9]/.test(tokens.expand(line))
      ? `${joined} ${line}`
      : joined + line,
  );
}

/**
 * Splits template text at `**` into plain and bold runs (an unmatched `**` is kept as text), then
 * expands tokens: a value's own `**` never reaches the split, so it prints as written. A line
 * break inside a value prints as a space.
 */
function inlineRuns(text: string, tokens: LiteralTokens): InlineRun[] {
  const literal = (part: string): string => tokens.expand(part, (t) => t.replace(/\s*\r?\n\s*/g, " "));
  const parts = text.split("**");
  if (parts.length % 2 === 0) return [{ text: literal(text), bold: false }];
  return parts.flatMap((part, i) => (part === "" ? [] : [{ text: literal(part), bold: i % 2 === 1 }]));
}
