import { fail, ok, type Result } from "../core/result.ts";
import {
  inexactAmountMessage,
  notAmountMessage,
  notPercentMessage,
  unitMissingMessage,
} from "./number-messages.ts";
import type { NumberUnit, ParsedNumber } from "./number-types.ts";
import { readNumber, roundValue } from "./read-number.ts";

export type { Comparator, NumberUnit, ParsedNumber } from "./number-types.ts";

/** An amount of money: `value` in the unit as written (亿元 becomes 万元) and `wan`, the amount in 万元. */
export interface ParsedAmount {
  value: number;
  unit: "元" | "万元";
  wan: number;
  text: string;
}

/** A percentage in percent points ("97%" → 97) with its written precision and qualifiers. */
export interface ParsedPercent {
  value: number;
  decimals: number;
  approximate: boolean;
  comparator: ParsedNumber["comparator"];
  text: string;
}

/**
 * Reads one number as written in a report: Arabic ("1,234.5", "５６１．４１"), Chinese ("五百六十一点四一",
 * "伍佰陆拾壹万肆仟壹佰", "二〇二一"), percentages ("97%", "百分之九十七", "九成五"), with an optional
 * comparator (≥, 大于, 不低于, 达, …以上), approximation word (约, 近, …左右, …多/余) and unit.
 *
 * - Units: 元 (also 元整/圆), 万元, 亿元, % in `unit`. A count or measure word after the number is kept
 *   in `counter` with `unit` null: "二〇二一年" → 2021 (counter 年), "≥266米" → 266 (米), "192场", "20M",
 *   "1000㎡", "不少于12 种" (see measure-units.ts for the words and how they convert).
 * - 共/累计/合计/总计/全年 before the number are dropped ("共3项" → 3 项).
 * - A bare 万/亿 without 元 is a multiplier: "1万" → 10000, unit null; "1.5万" → 15000, decimals 0
 *   (decimals describe the scaled value). `parseAmount` reads such a number as 元 ("561.41万" → 561.41万元).
 * - ¥/人民币 before a number with no unit means 元.
 * - Only the number may be given: "满意度达100%" is `number.unreadable` (the caller strips the label).
 * - Scan noise is `number.ocr_suspect`, never read as digits: letters that look like digits ("IO0%",
 *   "l00%"), letters where a digit or comparator belongs ("W100%", "XlO0%", "M.8万元", "第O份") and a
 *   stray character where a comparator belongs ("到0次"); the rule is in scan-noise.ts.
 *
 * Errors: number.empty, number.unreadable, number.ocr_suspect, number.comparator_conflict ("大于93%以上").
 */
export function parseNumber(text: string): Result<ParsedNumber> {
  const reading = readNumber(text);
  return reading.ok ? ok(reading.value.parsed) : reading;
}

/**
 * Reads an amount of money. 元 stays 元, 万元 stays 万元, 亿元 becomes 万元 (×10000); `wan` is always the
 * amount in 万元. A number that states 万/亿 but no 元 ("561.41万", "三万五千") is read as 元 and given
 * in 万元. Any other number without a unit takes `defaultUnit`, or fails with `amount.unit_missing`.
 *
 * Errors: the number.* errors of `parseNumber`, amount.unit_missing, amount.not_amount (a percent or a
 * count such as "3项"), amount.inexact (approximate or a bound: "约561万元", "100万元以上"; 达 is allowed).
 */
export function parseAmount(text: string, defaultUnit?: "元" | "万元"): Result<ParsedAmount> {
  const reading = readNumber(text);
  if (!reading.ok) return reading;
  const { parsed, magnitude } = reading.value;
  const counter = parsed.counter;
  const trimmed = parsed.text;
  if (parsed.unit === "%" || counter !== null) {
    return fail("amount.not_amount", notAmountMessage(trimmed, parsed.unit ?? counter ?? ""));
  }
  if (parsed.approximate || (parsed.comparator !== null && parsed.comparator !== "=")) {
    return fail("amount.inexact", inexactAmountMessage(trimmed));
  }
  const unit: NumberUnit = parsed.unit ?? (magnitude ? "元" : (defaultUnit ?? null));
  const { value, decimals } = parsed;
  switch (unit) {
    case "元": {
      const wan = roundValue(value / 1e4, decimals + 4);
      return ok(
        magnitude ? { value: wan, unit: "万元", wan, text: trimmed } : { value, unit, wan, text: trimmed },
      );
    }
    case "万元":
      return ok({ value, unit, wan: value, text: trimmed });
    case "亿元": {
      const wan = roundValue(value * 1e4, decimals);
      return ok({ value: wan, unit: "万元", wan, text: trimmed });
    }
    default:
      return fail("amount.unit_missing", unitMissingMessage(trimmed));
  }
}

/**
 * Reads a percentage in percent points: "97%" → 97, "97.09％" → 97.09 (decimals 2), "百分之九十七点五" → 97.5,
 * "九成五" → 95, "-3.5%" → -3.5. A number without % ("97", "0.97") fails with `percent.not_percent`,
 * because 0.97 and 97 cannot be told apart; so does any other unit.
 */
export function parsePercent(text: string): Result<ParsedPercent> {
  const reading = readNumber(text);
  if (!reading.ok) return reading;
  const { value, unit, decimals, approximate, comparator, text: trimmed } = reading.value.parsed;
  if (unit !== "%") {
    return fail("percent.not_percent", notPercentMessage(trimmed, unit ?? reading.value.parsed.counter));
  }
  return ok({ value, decimals, approximate, comparator, text: trimmed });
}
