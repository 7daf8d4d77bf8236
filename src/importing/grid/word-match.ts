/**
 * Finding known words (labels, column headings) in a line whose cells ran together, where a PDF or
 * a spreadsheet export may have put spaces between the characters of a word ("年初预算 数").
 */

/**
 * The end of `word` written at `at`, spaces allowed between its characters (a PDF or a spreadsheet
 * export puts them there: "年初预算 数"); null when it is not there.
 */
function matchAt(text: string, at: number, word: string): number | null {
  let pos = at;
  for (const [k, ch] of [...word].entries()) {
    if (k > 0) while (text[pos] === " ") pos += 1;
    if (text[pos] !== ch) return null;
    pos += 1;
  }
  return pos;
}

const INDEXES = new WeakMap<readonly string[], Map<string, string[]>>();

/** The words by their first character, built once per list (a long text is scanned at every place). */
function byFirstCharacter(words: readonly string[]): Map<string, string[]> {
  let index = INDEXES.get(words);
  if (index === undefined) {
    index = new Map();
    for (const word of words) {
      const first = word[0] ?? "";
      index.set(first, [...(index.get(first) ?? []), word]);
    }
    INDEXES.set(words, index);
  }
  return index;
}

/** The word written at `at`: the longest written without spaces, else the longest with them. */
export function wordAt(
  text: string,
  at: number,
  words: readonly string[],
): { word: string; end: number } | null {
  let best: { word: string; end: number; tight: boolean } | null = null;
  for (const word of byFirstCharacter(words).get(text[at] ?? "") ?? []) {
    const end = matchAt(text, at, word);
    if (end === null) continue;
    const tight = end - at === word.length;
    const better =
      best === null || (tight && !best.tight) || (tight === best.tight && word.length > best.word.length);
    if (better) best = { word, end, tight };
  }
  return best === null ? null : { word: best.word, end: best.end };
}

/** Positions of the words in a text, longest word first at each position, left to right. */
export function findWords(
  text: string,
  words: readonly string[],
): Array<{ start: number; end: number; word: string }> {
  const found: Array<{ start: number; end: number; word: string }> = [];
  let at = 0;
  while (at < text.length) {
    const match = text[at] === " " ? null : wordAt(text, at, words);
    if (match === null) {
      at += 1;
    } else {
      found.push({ start: at, ...match });
      at = match.end;
    }
  }
  return found;
}
