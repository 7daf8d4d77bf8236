/**
 * Heading lines of a 绩效自评报告 as officers type them: 第一部分 / 第一章 / 一、 / （一） / (一) / 1. / 1、 /
 * （1） / ①,
 * optionally wrapped in markdown (`## `, `**…**`) by a PDF or Word extractor. Levels follow the
 * official numbering order (第一部分 above 一、 above （一） above 1. above （1） above ①), never the markdown depth,
 * which extractors assign inconsistently.
 */

/** A heading candidate: its numbering level and the title as written (markdown removed). */
export interface Heading {
  /**
   * 0 for 第一部分 / 第一章, 1 for 一、, 2 for （一）, 3 for 1. / 1、, 4 for （1）, 5 for ①; 1 for an
   * unnumbered markdown heading.
   */
  level: number;
  /** The line as the report wrote it, without markdown markers and surrounding spaces. */
  title: string;
  /** The title without its number, spaces and one trailing 。/：, for keyword matching. */
  body: string;
  /** Whether the line starts with a numbering marker. */
  numbered: boolean;
}

/** A line with its markdown markers removed, and whether it had any. */
export interface CleanLine {
  text: string;
  marked: boolean;
}

const MARKERS: readonly { level: number; pattern: RegExp }[] = [
  { level: 0, pattern: /^第[一二三四五六七八九十]{1,3}\s*(?:部分|章|篇)\s*[、．.：:]?/ },
  { level: 1, pattern: /^[一二三四五六七八九十]{1,3}\s*[、．.]/ },
  { level: 2, pattern: /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*[、．.]?/ },
  { level: 3, pattern: /^\d{1,2}\s*[、．.](?!\d)/ },
  { level: 4, pattern: /^(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}[)）])/ },
  { level: 5, pattern: /^[①-⑳]/ },
];

/** Longest heading body (characters after the number); longer lines are prose. */
const MAX_TITLE_LENGTH = 40;

/** Punctuation that never occurs inside a heading: its presence makes the line a sentence. */
const SENTENCE_PUNCTUATION = /[，,；;！!？?：:。]/;

/** Full-width digits become ASCII, one character for one, so marker lengths stay valid. */
function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode((d.codePointAt(0) ?? 0) - 0xfee0));
}

/** Removes markdown heading hashes and bold markers, and extractor bookmarks such as `[bookmark: _GoBack]`. */
export function cleanLine(raw: string): CleanLine {
  let text = raw.trim().replace(/\[bookmark:[^\]]*\]/g, "");
  const hashes = /^#{1,6}\s+/.exec(text);
  if (hashes) text = text.slice(hashes[0].length);
  const bold = text.includes("**");
  if (bold) text = text.replaceAll("**", "");
  return { text: text.trim(), marked: hashes !== null || bold };
}

/** The numbering level and marker length of a line, if it starts with a marker. */
export function numberingOf(text: string): { level: number; length: number } | undefined {
  const ascii = halfWidthDigits(text);
  for (const { level, pattern } of MARKERS) {
    const match = pattern.exec(ascii);
    if (match) return { level, length: match[0].length };
  }
  return undefined;
}

/** Whether a heading body reads as a title: short, and no sentence punctuation except one at the end. */
function isTitleLike(body: string): boolean {
  const trimmed = body.replace(/[。：:.]$/, "");
  return trimmed.length > 0 && trimmed.length <= MAX_TITLE_LENGTH && !SENTENCE_PUNCTUATION.test(trimmed);
}

/**
 * Reads a cleaned line as a heading. Numbered lines are headings when their body reads as a title;
 * an unnumbered line is a heading candidate only when markdown marked it (the caller then requires
 * its title to name a section, since extractors also mark table titles and report titles).
 */
export function parseHeading(line: CleanLine): Heading | undefined {
  const { text } = line;
  const numbering = numberingOf(text);
  const rest = numbering ? text.slice(numbering.length).trim() : text;
  if (!numbering && !line.marked) return undefined;
  if (!isTitleLike(rest)) return undefined;
  const body = rest.replace(/\s+/g, "").replace(/[。：:.]$/, "");
  return { level: numbering?.level ?? 1, title: text, body, numbered: numbering !== undefined };
}
