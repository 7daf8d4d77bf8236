import { fail, ok, type Problem, type Result } from "../core/result.ts";
import { chineseDigitValue, hasBigUnit, hasUnitOrPoint, parseChineseNumeral } from "./chinese-digits.ts";
import { normalizeNumberText } from "./normalize-number-text.ts";
import {
  APPROX_PREFIXES,
  APPROX_SUFFIXES,
  ARABIC_MULTIPLIERS,
  asTable,
  COUNTER_UNITS,
  CURRENCY_PREFIXES,
  MORE_THAN_WORDS,
  mergeComparators,
  NEUTRAL_PREFIXES,
  PERCENT_PREFIX,
  PREFIX_COMPARATORS,
  prefixMatcher,
  SUFFIX_COMPARATORS,
  suffixMatcher,
  UNIT_SUFFIXES,
} from "./number-affixes.ts";
import {
  comparatorConflictMessage,
  emptyMessage,
  ocrSuspectMessage,
  scanNoiseMessage,
  unreadableMessage,
  unreadableReason,
} from "./number-messages.ts";
import type { Comparator, NumberUnit, ParsedNumber } from "./number-types.ts";
import { isRomanNumeral, scanNoise } from "./scan-noise.ts";

/** What `readNumber` found: the public reading plus facts the amount and percent readers need. */
export interface NumberReading {
  parsed: ParsedNumber;
  /** True when the number itself states 万 or 亿 ("561.41万", "三万五千"). */
  magnitude: boolean;
}

interface BodyValue {
  value: number;
  decimals: number;
  magnitude: boolean;
}

/** Rounds away binary noise (5614100 / 10000 → 561.41) while keeping every written decimal. */
export function roundValue(value: number, decimals = 0): number {
  // A whole number below 1e21 prints and reads back as itself.
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value === 0 ? 0 : value;
  const rounded = Number(value.toFixed(Math.min(100, Math.max(10, decimals))));
  return rounded === 0 ? 0 : rounded; // no -0
}

/** Decimals left after scaling by a power of ten (1.5 × 万 → 0, 1.23456 × 万 → 1). */
function scaledDecimals(decimals: number, multiplier: number): number {
  return Math.max(0, decimals - Math.round(Math.log10(multiplier)));
}

/** Integer part without leading zeros ("05" may be "0.5" with a lost point), optional fraction, then the rest. */
const ARABIC = /^([1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.(\d+))?(.*)$/u;

/** Reads the bare number: Arabic digits with an optional 万/亿… multiplier, or a Chinese numeral. */
function readBody(body: string): BodyValue | null {
  const arabic = ARABIC.exec(body);
  if (arabic !== null) {
    const [, int = "", frac = "", tail = ""] = arabic;
    const multiplier = tail === "" ? 1 : ARABIC_MULTIPLIERS.find(([word]) => word === tail)?.[1];
    const significant = `${int.replaceAll(",", "")}${frac.replace(/0+$/, "")}`.replace(/^0+/, "");
    if (multiplier === undefined || significant.length > 15) return null; // beyond double precision
    const written = Number(`${int.replaceAll(",", "")}${frac === "" ? "" : `.${frac}`}`);
    return {
      value: roundValue(written * multiplier, frac.length),
      decimals: scaledDecimals(frac.length, multiplier),
      magnitude: hasBigUnit(tail),
    };
  }
  const whole = parseChineseNumeral(body);
  if (whole.ok) return { ...whole.value, magnitude: hasBigUnit(body) };
  // "五百六十一点四一万": a trailing 万/亿 multiplies a numeral that has no 万/亿 of its own.
  const last = body.at(-1);
  const multiplier = last === "万" ? 1e4 : last === "亿" ? 1e8 : undefined;
  const head = body.slice(0, -1);
  if (multiplier === undefined || hasBigUnit(head) || ([...head].length > 1 && !hasUnitOrPoint(head)))
    return null;
  const part = parseChineseNumeral(head);
  if (!part.ok) return null;
  return {
    value: roundValue(part.value.value * multiplier, part.value.decimals),
    decimals: scaledDecimals(part.value.decimals, multiplier),
    magnitude: true,
  };
}

/** "九成五" → 95, "九成" → 90, "十成" → 100 (percent points); null for anything else. */
function readTenths(body: string): number | null {
  const match = /^(.)成(.)?$/u.exec(body);
  if (match === null) return null;
  const [, tensChar = "", onesChar] = match;
  const tens = tensChar === "十" ? 10 : digitOf(tensChar);
  const ones = onesChar === undefined ? 0 : digitOf(onesChar);
  if (tens === undefined || tens === 0 || ones === undefined || (tens === 10 && ones !== 0)) return null;
  if (onesChar !== undefined && "两兩".includes(onesChar)) return null;
  return tens * 10 + ones;
}

function digitOf(ch: string): number | undefined {
  return /^\d$/.test(ch) ? Number(ch) : chineseDigitValue(ch);
}

/** Mutable state while peeling words off both ends of the text. */
interface Peel {
  rest: string;
  approximate: boolean;
  comparator: Comparator | null;
  conflict: [string, string] | null;
}

// The word lists as matchers, built once: a number is read many times per turn.
const approxPrefix = prefixMatcher(asTable(APPROX_PREFIXES));
const comparatorPrefix = prefixMatcher(PREFIX_COMPARATORS);
const neutralPrefix = prefixMatcher(asTable(NEUTRAL_PREFIXES));
const approxSuffix = suffixMatcher(asTable(APPROX_SUFFIXES));
const comparatorSuffix = suffixMatcher(SUFFIX_COMPARATORS);
const moreThanSuffix = suffixMatcher(asTable(MORE_THAN_WORDS));
const unitSuffix = suffixMatcher(UNIT_SUFFIXES);
const counterSuffix = suffixMatcher(asTable(COUNTER_UNITS));

function addComparator(peel: Peel, comparator: Comparator): void {
  const merged = mergeComparators(peel.comparator, comparator);
  if (merged.ok) peel.comparator = merged.value;
  else peel.conflict ??= [peel.comparator ?? "", comparator];
}

function peelPrefixes(peel: Peel): void {
  for (;;) {
    const approx = approxPrefix(peel.rest);
    const comparator = approx === null ? comparatorPrefix(peel.rest) : null;
    const neutral = neutralPrefix(peel.rest);
    const word = approx?.[0] ?? comparator?.[0] ?? neutral?.[0];
    if (word === undefined) return;
    if (approx !== null) peel.approximate = true;
    if (comparator !== null) addComparator(peel, comparator[1]);
    peel.rest = peel.rest.slice(word.length);
  }
}

function peelSuffixes(peel: Peel): void {
  for (;;) {
    const approx = approxSuffix(peel.rest);
    const comparator = approx === null ? comparatorSuffix(peel.rest) : null;
    const word = approx?.[0] ?? comparator?.[0];
    if (word === undefined) return;
    if (approx !== null) peel.approximate = true;
    if (comparator !== null) addComparator(peel, comparator[1]);
    peel.rest = peel.rest.slice(0, -word.length);
  }
}

function peelMoreThan(peel: Peel): void {
  const more = moreThanSuffix(peel.rest);
  if (more === null || [...peel.rest].length < 2) return;
  peel.rest = peel.rest.slice(0, -more[0].length);
  peel.approximate = true;
  addComparator(peel, ">");
}

function strip(peel: Peel, words: readonly string[]): boolean {
  const word = words.find((w) => peel.rest.startsWith(w));
  if (word !== undefined) peel.rest = peel.rest.slice(word.length);
  return word !== undefined;
}

/** The text with the words around the number taken off, and what those words said. */
interface Peeled {
  peel: Peel;
  negative: boolean;
  currency: boolean;
  percentWords: boolean;
  unitMatch: readonly [string, Exclude<NumberUnit, null>] | null;
  counter: string | null;
  suffix: string;
}

/** Takes comparators, approximation words, sign, currency, 百分之, unit and counter off both ends. */
function peelAll(normalized: string): Peeled {
  const peel: Peel = { rest: normalized, approximate: false, comparator: null, conflict: null };
  peelPrefixes(peel);
  const negative = strip(peel, ["-", "负"]);
  if (!negative) strip(peel, ["+"]);
  const currency = strip(peel, CURRENCY_PREFIXES);
  const percentWords = strip(peel, [PERCENT_PREFIX]);
  peelSuffixes(peel);
  const unitMatch = unitSuffix(peel.rest);
  const counter = unitMatch === null ? (counterSuffix(peel.rest)?.[0] ?? null) : null;
  const suffix = unitMatch?.[0] ?? counter ?? "";
  peel.rest = peel.rest.slice(0, peel.rest.length - suffix.length);
  peelMoreThan(peel);
  return { peel, negative, currency, percentWords, unitMatch, counter, suffix };
}

/**
 * What is left of a normalised text once the words around the number are taken off
 * ("≥ W100%" → "W100", "第O份" → "第O", "到0次" → "到0"): the part that must be the number itself.
 */
export function numberCore(normalized: string): string {
  return peelAll(normalized).peel.rest;
}

function bad(text: string, reason: string): Result<NumberReading> {
  return fail("number.unreadable", unreadableMessage(text, reason));
}

/** Reads already-normalised text; `text` is the trimmed original used in results and messages. */
function readNormalized(text: string, normalized: string): Result<NumberReading> {
  const { peel, negative, currency, percentWords, unitMatch, counter, suffix } = peelAll(normalized);
  if (peel.conflict !== null) {
    const [first, second] = peel.conflict;
    return fail("number.comparator_conflict", comparatorConflictMessage(text, first, second));
  }
  let unit: NumberUnit = unitMatch?.[1] ?? null;
  if (percentWords && unit !== null) return bad(text, `同时写了“百分之”和“${suffix}”`);

  let body: BodyValue | null;
  const tenths =
    unit === null && counter === null && !percentWords && !currency ? readTenths(peel.rest) : null;
  if (tenths !== null) {
    body = { value: tenths, decimals: 0, magnitude: false };
    unit = "%";
  } else if (percentWords) {
    body = peel.rest === "百" ? { value: 100, decimals: 0, magnitude: false } : readBody(peel.rest);
    unit = "%";
  } else {
    body = readBody(peel.rest);
  }
  if (body === null) return bad(text, unreadableReason(normalized, peel.rest));
  if (body.magnitude && unit === "%") return bad(text, "百分数里不能带“万”或“亿”");
  if (currency && (unit === "%" || counter !== null))
    return bad(text, `货币符号与“${suffix || "百分之"}”不相符`);
  if (currency && unit === null) unit = "元";
  const value = negative ? -body.value : body.value;
  return ok({
    parsed: {
      value: value === 0 ? 0 : value,
      unit,
      counter,
      approximate: peel.approximate,
      comparator: peel.comparator,
      decimals: body.decimals,
      text,
    },
    magnitude: body.magnitude && unit === null,
  });
}

const OCR_LETTERS: Readonly<Record<string, string>> = { O: "0", o: "0", I: "1", l: "1", "|": "1" };

/** A problem when reading O/I/l as 0/1 would make the text a number (OCR noise); otherwise null. */
function ocrSuspect(text: string, normalized: string): Problem | null {
  const chars = [...normalized];
  const letters = [...new Set(chars.filter((ch) => Object.hasOwn(OCR_LETTERS, ch)))];
  if (letters.length === 0) return null;
  const fixed = chars.map((ch) => (Object.hasOwn(OCR_LETTERS, ch) ? (OCR_LETTERS[ch] ?? ch) : ch)).join("");
  if (!readNormalized(fixed, fixed).ok) return null;
  const digits = letters.map((ch) => OCR_LETTERS[ch] ?? "");
  return { code: "number.ocr_suspect", message: ocrSuspectMessage(text, letters, digits, fixed) };
}

/**
 * Reads a number with its comparator, approximation words and unit (see `parseNumber`).
 * Errors: number.empty, number.unreadable, number.ocr_suspect (letters read as digits, or scan noise:
 * see scan-noise.ts), number.comparator_conflict.
 */
export function readNumber(input: string): Result<NumberReading> {
  const text = input.trim();
  if (text === "") return fail("number.empty", emptyMessage());
  const normalized = normalizeNumberText(text);
  const reading = readNormalized(text, normalized);
  if (reading.ok) return reading;
  const core = numberCore(normalized);
  if (reading.error.code === "number.comparator_conflict" || isRomanNumeral(core)) return reading;
  const suspect = ocrSuspect(text, normalized);
  if (suspect !== null) return { ok: false, error: suspect };
  const noise = scanNoise(core);
  return noise === null ? reading : fail("number.ocr_suspect", scanNoiseMessage(text, noise));
}
