import { MEASURE_WORDS } from "./measure-units.ts";
import type { Comparator, NumberUnit } from "./number-types.ts";

/**
 * Words written around a number: comparators, approximation words, units and counters.
 * Each list is matched longest first, at the start (prefixes) or the end (suffixes) of the text.
 */

/** Comparator words and signs before a number. 达/达到/等于 mean "=" and yield to a stricter suffix. */
export const PREFIX_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ["大于等于", "≥"],
  ["小于等于", "≤"],
  ["不低于", "≥"],
  ["不少于", "≥"],
  ["不小于", "≥"],
  ["不高于", "≤"],
  ["不超过", "≤"],
  ["不多于", "≤"],
  ["不大于", "≤"],
  ["大于", ">"],
  ["高于", ">"],
  ["超过", ">"],
  ["多于", ">"],
  ["小于", "<"],
  ["低于", "<"],
  ["少于", "<"],
  ["不足", "<"],
  ["达到", "="],
  ["等于", "="],
  ["达", "="],
  [">=", "≥"],
  ["<=", "≤"],
  ["≥", "≥"],
  ["≤", "≤"],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
];

/** Approximation words before a number. 近 means "nearly": approximate, no comparator. */
export const APPROX_PREFIXES: readonly string[] = [
  "大约",
  "约为",
  "约合",
  "大概",
  "将近",
  "接近",
  "约",
  "近",
];

/** Comparator words after a number (以上/以下 include the number itself, as in Chinese legal usage). */
export const SUFFIX_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ["及以上", "≥"],
  ["及以下", "≤"],
  ["以上", "≥"],
  ["以下", "≤"],
  ["以内", "≤"],
];

/** Approximation words after a number. */
export const APPROX_SUFFIXES: readonly string[] = ["左右", "上下"];

/** 多/余 right after a number ("100余人", "3万多元"): approximate and more than the number. */
export const MORE_THAN_WORDS: readonly string[] = ["多", "余"];

/** Money and percent units after a number; 整 (as in 元整) is accepted and dropped. */
export const UNIT_SUFFIXES: ReadonlyArray<readonly [string, Exclude<NumberUnit, null>]> = [
  ["万元整", "万元"],
  ["亿元整", "亿元"],
  ["元整", "元"],
  ["圆整", "元"],
  ["万元", "万元"],
  ["亿元", "亿元"],
  ["元", "元"],
  ["圆", "元"],
  ["%", "%"],
];

/**
 * Count and measure words accepted after a number and kept apart from `unit` (which holds only money
 * and %): "二〇二一年" → 2021 with counter 年, "≥266米" → 266 with counter 米, "20M" → 20 with counter M.
 * Longest first (see measure-units.ts for the list and how the words convert).
 */
export const COUNTER_UNITS: readonly string[] = MEASURE_WORDS;

/**
 * Words before a number that only say it is a total ("共3项", "累计150次"); dropped without changing
 * the number. Any other word before the number makes it unreadable ("满意度达100%": the caller strips labels).
 */
export const NEUTRAL_PREFIXES: readonly string[] = ["共计", "累计", "合计", "总计", "全年", "共"];

/** Magnitude words accepted right after Arabic digits ("3万" = 30000, "1.5亿" = 150000000). */
export const ARABIC_MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ["万亿", 1e12],
  ["千万", 1e7],
  ["百万", 1e6],
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
  ["百", 1e2],
];

/** Currency marks before a number; with no unit after it the amount is in 元. */
export const CURRENCY_PREFIXES: readonly string[] = ["人民币", "¥"];

/** Text between "百分之" and a number written the Chinese way ("百分之九十七"). */
export const PERCENT_PREFIX = "百分之";

type Table<T> = ReadonlyArray<readonly [string, T]>;

/** The entries of `table` grouped by one character of their word (first or last), in table order. */
function indexBy<T>(
  table: Table<T>,
  charOf: (word: string) => string,
): Map<string, (readonly [string, T])[]> {
  const index = new Map<string, (readonly [string, T])[]>();
  for (const entry of table) {
    const key = charOf(entry[0]);
    const list = index.get(key);
    if (list === undefined) index.set(key, [entry]);
    else list.push(entry);
  }
  return index;
}

/**
 * A matcher for the words of `table` at the start of a text: the first entry, in table order, whose
 * word starts the text, or null. Only the words sharing the text's first character are tried.
 */
export function prefixMatcher<T>(table: Table<T>): (text: string) => readonly [string, T] | null {
  const index = indexBy(table, (word) => word.charAt(0));
  return (text) => index.get(text.charAt(0))?.find(([word]) => text.startsWith(word)) ?? null;
}

/**
 * A matcher for the words of `table` at the end of a text: the first entry, in table order, whose
 * word ends the text, or null. Only the words sharing the text's last character are tried.
 */
export function suffixMatcher<T>(table: Table<T>): (text: string) => readonly [string, T] | null {
  const index = indexBy(table, (word) => word.charAt(word.length - 1));
  return (text) => index.get(text.charAt(text.length - 1))?.find(([word]) => text.endsWith(word)) ?? null;
}

/** Lifts a plain word list into the [word, word] shape the matchers take. */
export function asTable(words: readonly string[]): ReadonlyArray<readonly [string, string]> {
  return words.map((w) => [w, w] as const);
}

/**
 * Combines two comparators written around one number. "=" (达) yields to the other
 * ("达95%以上" → ≥); two different strict comparators ("大于93%以上") are a conflict.
 */
export function mergeComparators(
  a: Comparator | null,
  b: Comparator | null,
): { ok: true; value: Comparator | null } | { ok: false } {
  if (a === null || a === b || a === "=") return { ok: true, value: b ?? a };
  if (b === null || b === "=") return { ok: true, value: a };
  return { ok: false };
}
