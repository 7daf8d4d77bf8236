import { lineText, type TextLine } from "./pdf-text-lines.ts";

/**
 * Page furniture: what a PDF repeats on its pages around the text — running headers and footers
 * (the unit's name, the report's title) and page numbers ("第 3 页", "- 3 -", "3/12", "3"). They are
 * not part of the report and would cut a paragraph or a table that runs over a page in two.
 */

/** Share of the page height, at the top and at the bottom, where furniture is looked for. */
const MARGIN_SHARE = 0.1;

const PAGE_NUMBER = [
  /^[-–—－~]?\s*\d{1,4}\s*[-–—－~]?$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d{1,4}(\s*of\s*\d{1,4})?$/i,
];

/** True when the text is a page number in one of the usual forms. */
export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** The lines of one page and the page's height. */
export interface PageLines {
  height: number;
  lines: TextLine[];
}

/**
 * The pages with their furniture left out: in the top or bottom tenth of a page, a page number, or
 * a line that (its digits aside) is found in that band on at least half the pages, and on three or
 * more.
 */
export function dropFurniture<P extends PageLines>(pages: readonly P[]): P[] {
  const inMargin = (page: PageLines, line: TextLine) =>
    line.y < page.height * MARGIN_SHARE || line.y - line.size > page.height * (1 - MARGIN_SHARE);
  const key = (line: TextLine) => lineText(line).replace(/\s+/g, "").replace(/\d+/g, "#");
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.lines.filter((l) => inMargin(page, l)).map(key));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeated = (k: string) => {
    const n = seen.get(k) ?? 0;
    return n >= 3 && n * 2 >= pages.length;
  };
  return pages.map((page) => ({
    ...page,
    lines: page.lines.filter((l) => !(inMargin(page, l) && (isPageNumber(lineText(l)) || repeated(key(l))))),
  }));
}
