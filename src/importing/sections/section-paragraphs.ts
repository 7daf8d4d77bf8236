import { numberingOf } from "./section-headings.ts";

/**
 * Builds a section's text from its lines. Each line is a paragraph (Word and PDF extractors put a
 * paragraph on a line, with or without a blank line between), joined with "\n\n". A line that
 * continues a sentence cut by a page break is appended without separator: the line before it ends
 * without closing punctuation, is long enough to be running prose and has a clause mark in it, and
 * the line itself does not start with a number or an enumeration (一是, 二是). Sub-headings kept as text are never continued.
 */
export interface Paragraphs {
  readonly paragraphs: string[];
  /** Whether the next line may continue the last paragraph. */
  open: boolean;
}

/** Characters that close a paragraph; any other last character may be a page-break cut. */
const CLOSING = /[。．.！!？?；;：:…]$/;
/** Shortest line that can have been cut by a page break (titles and "无" are shorter). */
const MIN_CUT_LENGTH = 10;
/** Lines that start an item of their own: a number, or an enumeration such as 一是 / 二是 / 其次. */
const ITEM_START = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]|其[次三]|最后)/;
const CLAUSE_MARK = /[，,、；;。]/;

/** An empty paragraph list. */
export function emptyParagraphs(): Paragraphs {
  return { paragraphs: [], open: false };
}

/** Adds a line: appended to the last paragraph when it continues it, else as a new paragraph. */
export function addLine(target: Paragraphs, line: string, isHeading = false): void {
  const last = target.paragraphs.length - 1;
  const previous = target.paragraphs[last];
  if (
    previous !== undefined &&
    target.open &&
    !isHeading &&
    numberingOf(line) === undefined &&
    !ITEM_START.test(line)
  ) {
    target.paragraphs[last] = previous + line;
  } else {
    target.paragraphs.push(line);
  }
  const current = target.paragraphs.at(-1) ?? "";
  target.open =
    !isHeading && !CLOSING.test(current) && current.length >= MIN_CUT_LENGTH && CLAUSE_MARK.test(current);
}

/** Ends the last paragraph, e.g. at a dropped table, so the next line starts a new one. */
export function closeParagraph(target: Paragraphs): void {
  target.open = false;
}

/** The paragraphs joined as the report model stores narrative text. */
export function paragraphsText(target: Paragraphs): string {
  return target.paragraphs.join("\n\n");
}
