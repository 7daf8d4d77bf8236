import { readValues, type ValueKind } from "./value-grammar.ts";

/**
 * Every way a run of values written with no separator splits into values of the given kinds, in
 * order, using all of the text ("202010100.00%10" as amount, amount, points, rate, points gives
 * 20 | 20 | 10 | 100.00% | 10 and a few more). A qualitative value that repeats the value before it
 * ("显著提升显著提升") is read as that value again; a dash or slash is a cell left blank.
 */

const MAX_SPLITS = 256;
/** A cell left blank with a dash or slash ("—", "——", "/"): a value read as nothing. */
const BLANK_MARK = /^(?:—{1,2}|－|-|\/|／)/u;

/** All complete splits of `text` into `kinds` (at most a few; more means the text cannot be split). */
export function splitValues(text: string, kinds: readonly ValueKind[]): string[][] {
  const out: string[][] = [];
  const walk = (from: number, index: number, done: string[]): void => {
    if (out.length >= MAX_SPLITS) return;
    const at = skipSpaces(text, from);
    const kind = kinds[index];
    if (kind === undefined) {
      if (at === text.length) out.push(done);
      return;
    }
    for (const read of readsAt(text, at, kind, done.at(-1))) walk(read.end, index + 1, [...done, read.text]);
  };
  walk(0, 0, []);
  return out;
}

/** The first position from `at` that is not a space (values may be separated by spaces). */
export function skipSpaces(text: string, at: number): number {
  let pos = at;
  while (text[pos] === " ") pos += 1;
  return pos;
}

/** The reads of one value, with the value before it again when the text repeats it. */
export function readsAt(
  text: string,
  at: number,
  kind: ValueKind,
  previous: string | undefined,
): Array<{ end: number; text: string }> {
  const reads = readValues(text, at, kind);
  const dash = BLANK_MARK.exec(text.slice(at))?.[0];
  if (dash !== undefined && kind !== "yesNo") reads.push({ end: at + dash.length, text: "" });
  if (kind === "value" && previous !== undefined && /^[\u3400-\u9fff]+$/u.test(previous)) {
    if (text.startsWith(previous, at) && !reads.some((r) => r.end === at + previous.length)) {
      reads.push({ end: at + previous.length, text: previous });
    }
  }
  return reads;
}
