import { fail, ok, type Result } from "../core/result.ts";

/**
 * Chinese numerals → numbers.
 *
 * Accepted forms (ordinary and financial capitals may be mixed):
 * - positional: 十五, 一百零五, 两千, 三万五千, 一亿三千万, 伍佰陆拾壹万肆仟壹佰;
 * - colloquial abbreviation after a unit of 百 or more: 一百五 = 150, 一万五 = 15000;
 * - digit by digit (no unit characters): 二〇二一 = 2021, 二零二一 = 2021;
 * - a decimal part after 点: 五百六十一点四一 = 561.41, 零点五 = 0.5.
 *
 * Rejected (never guessed): 两 as a plain digit (十两, 二〇两一), digit-by-digit integers before 点
 * (二〇点五) or with a leading 零 (零五), two digits in a row inside a positional number (二十二三), units out of order (一百一千).
 * Mixtures with Arabic digits ("3万") and units (元, %) are handled by the caller.
 */

/** A Chinese numeral read as a number. */
export interface ChineseNumeral {
  /** The value, e.g. 561.41 for "五百六十一点四一". */
  value: number;
  /** Digits written after 点 (0 when there is none). */
  decimals: number;
}

/** Characters for each digit 0–9: ordinary, financial capital and traditional forms. */
const DIGIT_GROUPS: readonly string[] = [
  "零〇○",
  "一壹",
  "二贰貳两兩",
  "三叁參",
  "四肆",
  "五伍",
  "六陆陸",
  "七柒",
  "八捌",
  "九玖",
];
const LIANG = "两兩";
const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const POINTS = "点點";

const DIGITS: ReadonlyMap<string, number> = new Map(
  DIGIT_GROUPS.flatMap((group, digit) => [...group].map((ch) => [ch, digit] as const)),
);

/** The digit 0–9 a single Chinese character stands for (两 counts as 2), or undefined. */
export function chineseDigitValue(ch: string): number | undefined {
  return DIGITS.get(ch);
}

function unitValue(table: Readonly<Record<string, number>>, ch: string): number | undefined {
  return Object.hasOwn(table, ch) ? table[ch] : undefined;
}

/** True when the character can be part of a Chinese numeral (a digit, 十百千万亿 or 点 in any form). */
export function isChineseNumeralChar(ch: string): boolean {
  return (
    chineseDigitValue(ch) !== undefined ||
    unitValue(SMALL_UNITS, ch) !== undefined ||
    unitValue(BIG_UNITS, ch) !== undefined ||
    (ch.length === 1 && POINTS.includes(ch))
  );
}

/** True when the text contains 万 or 亿 (any form), i.e. it states its own magnitude. */
export function hasBigUnit(text: string): boolean {
  return [...text].some((ch) => unitValue(BIG_UNITS, ch) !== undefined);
}

/** True when the text contains a unit character (十百千万亿) or 点, i.e. is not digit-by-digit. */
export function hasUnitOrPoint(text: string): boolean {
  return [...text].some(
    (ch) =>
      unitValue(SMALL_UNITS, ch) !== undefined ||
      unitValue(BIG_UNITS, ch) !== undefined ||
      POINTS.includes(ch),
  );
}

/** Digit-by-digit reading ("二〇二一" → "2021"); null if any character is not a plain digit. */
function readDigitString(chars: readonly string[]): string | null {
  let out = "";
  for (const ch of chars) {
    const d = chineseDigitValue(ch);
    if (d === undefined || LIANG.includes(ch)) return null;
    out += String(d);
  }
  return out === "" ? null : out;
}

/** Positional reading with 十百千 inside sections and 万/亿 between them; null when malformed. */
function readPositional(chars: readonly string[]): number | null {
  let total = 0; // everything at the 亿 level
  let wanGroup = 0; // the 万 group inside the current 亿 group
  let section = 0; // below 万
  let digit: number | null = null;
  let digitIsLiang = false;
  let lastSmall = Number.POSITIVE_INFINITY;
  let prevUnit: number | null = null; // unit written directly before the pending digit
  let afterZero = false;
  let seenWan = false;
  let seenYi = false;
  for (const [i, ch] of chars.entries()) {
    const d = chineseDigitValue(ch);
    if (d !== undefined) {
      if (digit !== null) return null;
      if (d === 0) {
        if (i === 0 || afterZero) return null;
        afterZero = true;
        prevUnit = null;
        continue;
      }
      digit = d;
      digitIsLiang = LIANG.includes(ch);
      continue;
    }
    const small = unitValue(SMALL_UNITS, ch);
    if (small !== undefined) {
      let multiplier = digit;
      if (multiplier === null) {
        if (i !== 0 || small !== 10) return null; // only a leading 十 may stand alone
        multiplier = 1;
      }
      if (small >= lastSmall || (digitIsLiang && small === 10)) return null;
      section += multiplier * small;
      lastSmall = small;
      prevUnit = small;
      digit = null;
      digitIsLiang = false;
      afterZero = false;
      continue;
    }
    const big = unitValue(BIG_UNITS, ch);
    if (big === undefined) return null;
    const group = section + (digit ?? 0);
    if (big === 1e4) {
      if (seenWan || group === 0) return null;
      wanGroup = group * 1e4;
      seenWan = true;
    } else {
      if (seenYi || wanGroup + group === 0) return null;
      total = (wanGroup + group) * 1e8;
      wanGroup = 0;
      seenWan = false;
      seenYi = true;
    }
    section = 0;
    digit = null;
    digitIsLiang = false;
    lastSmall = Number.POSITIVE_INFINITY;
    prevUnit = big;
    afterZero = false;
  }
  let tail = 0;
  if (digit !== null) {
    if (digitIsLiang) return null;
    // 一百五 = 150, 一万五 = 15000: a trailing digit right after 百/千/万/亿 is one place lower.
    tail = !afterZero && prevUnit !== null && prevUnit >= 100 ? digit * (prevUnit / 10) : digit;
  } else if (afterZero) {
    return null; // a trailing 零 ("一百零") marks a missing digit
  }
  return total + wanGroup + section + tail;
}

/** The integer part: positional, a single digit (两 allowed), or digit by digit when not before 点. */
function readInteger(chars: readonly string[], beforePoint: boolean): number | null {
  if (chars.length === 0) return null;
  if (hasUnitOrPoint(chars.join(""))) return readPositional(chars);
  if (chars.length === 1) return chineseDigitValue(chars[0] ?? "") ?? null;
  if (beforePoint || chineseDigitValue(chars[0] ?? "") === 0) return null; // "零五": a lost 点?
  const digits = readDigitString(chars);
  return digits === null ? null : Number(digits);
}

function unreadable(text: string): Result<ChineseNumeral> {
  return fail(
    "number.unreadable",
    `无法识别中文数字“${text}”：写法不规范。请按常用写法填写，例如“五百六十一点四一”“一百零五”或“二〇二一”。`,
  );
}

/**
 * Reads a whole string as a Chinese numeral (no units such as 元 or %, no Arabic digits).
 * Returns `number.unreadable` for anything else; never guesses.
 */
export function parseChineseNumeral(text: string): Result<ChineseNumeral> {
  const chars = [...text];
  // A character that cannot be part of a numeral makes every reading below fail.
  if (!chars.every(isChineseNumeralChar)) return unreadable(text);
  const pointAt = chars.findIndex((ch) => POINTS.includes(ch));
  const intChars = pointAt === -1 ? chars : chars.slice(0, pointAt);
  const integer = readInteger(intChars, pointAt !== -1);
  if (integer === null || !Number.isSafeInteger(integer)) return unreadable(text);
  if (pointAt === -1) return ok({ value: integer, decimals: 0 });
  const fracChars = chars.slice(pointAt + 1);
  const fraction = readDigitString(fracChars);
  if (fraction === null) return unreadable(text);
  return ok({ value: Number(`${integer}.${fraction}`), decimals: fracChars.length });
}
