import { isCountWord, parseAmount, parseNumber, parsePercent, readValue } from "../../numbers/index.ts";

/**
 * Reading typed cells (amounts, percentages, points, head counts) into the report model's input
 * form. A cell is never guessed: what cannot be read comes back with a Chinese reason naming the
 * line, the column and the expected form.
 */

/** The unit amounts in a table are given in. */
export type AmountUnit = "元" | "万元";

/** A cell read into a value, or the reason it could not be. */
export type CellRead<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Where a cell is: its line and the column heading as the table names it. */
export interface CellPlace {
  line: number;
  column: string;
}

const LOOKALIKE_DIGITS: Readonly<Record<string, string>> = { I: "1", l: "1", O: "0", o: "0" };

/** Why a scan-noise cell is unreadable: letters that look like digits, or other letters or a stray sign. */
function ocrHint(text: string): string {
  const letters = [...new Set(text.match(/[A-Za-z]/gu) ?? [])];
  if (letters.length > 0 && letters.every((ch) => Object.hasOwn(LOOKALIKE_DIGITS, ch))) {
    return `：疑似把字母 ${letters.join("/")} 当成了数字 ${letters.map((ch) => LOOKALIKE_DIGITS[ch]).join("/")}`;
  }
  return letters.length > 0
    ? `：数字中混有字母 ${letters.join("/")}，疑似扫描识别错误`
    : "：疑似扫描识别错误";
}

function problem(place: CellPlace, expected: string, example: string, text: string, code?: string): string {
  const hint = code === "number.ocr_suspect" ? ocrHint(text) : "";
  return `第${place.line}行“${place.column}”列应为${expected}，例如 ${example}，读到“${text}”${hint}`;
}

/**
 * Reads an amount. A bare number takes the table's unit ("561.41" in a 万元 table → "561.41万元");
 * a number with its own unit is kept as written. Without any unit the cell is not read.
 */
export function readAmount(text: string, unit: AmountUnit | null, place: CellPlace): CellRead<string> {
  const parsed = parseAmount(text, unit ?? undefined);
  if (!parsed.ok) {
    if (parsed.error.code === "amount.unit_missing") {
      return {
        ok: false,
        reason: `第${place.line}行“${place.column}”列的金额“${text}”没有单位，表格也没有注明是元还是万元，未读取；请注明单位，例如“单位：万元”`,
      };
    }
    return { ok: false, reason: problem(place, "金额", "545.06", text, parsed.error.code) };
  }
  if (parsed.value.value < 0) return { ok: false, reason: problem(place, "不小于0的金额", "545.06", text) };
  return { ok: true, value: unit === null || /[元万亿¥￥]|人民币/.test(text) ? text : `${text}${unit}` };
}

/**
 * Reads a percentage as written ("97%", "100.00%"). A bare zero is 0% in any scale and is read so;
 * any other bare number is not, because 0.97 and 97 cannot be told apart.
 */
export function readRate(text: string, place: CellPlace): CellRead<string> {
  if (/^0+(?:\.0+)?$/.test(text)) return { ok: true, value: `${text}%` };
  const parsed = parsePercent(text);
  if (!parsed.ok) return { ok: false, reason: problem(place, "百分比", "97%", text, parsed.error.code) };
  return { ok: true, value: text };
}

/** Reads points (分值, 得分, 权重): a plain number, "分" allowed ("5", "4.5分"; not "5米"). */
export function readPoints(text: string, place: CellPlace): CellRead<number> {
  const parsed = parseNumber(text);
  if (
    !parsed.ok ||
    parsed.value.unit !== null ||
    (parsed.value.counter !== null && parsed.value.counter !== "分") ||
    parsed.value.comparator !== null ||
    parsed.value.approximate ||
    parsed.value.value < 0
  ) {
    return {
      ok: false,
      reason: problem(place, "分数", "5", text, parsed.ok ? undefined : parsed.error.code),
    };
  }
  return { ok: true, value: parsed.value.value };
}

/** Reads a head count (编制数, 在职人数): a whole number of people ("15", "15人"; not "15米"). */
export function readCount(text: string, place: CellPlace): CellRead<number> {
  const parsed = parseNumber(text);
  const ok =
    parsed.ok &&
    parsed.value.unit === null &&
    (parsed.value.counter === null || isCountWord(parsed.value.counter)) &&
    parsed.value.comparator === null &&
    !parsed.value.approximate &&
    Number.isInteger(parsed.value.value) &&
    parsed.value.value >= 0;
  if (!ok || !parsed.ok) {
    return {
      ok: false,
      reason: problem(place, "人数（整数）", "15", text, parsed.ok ? undefined : parsed.error.code),
    };
  }
  return { ok: true, value: parsed.value.value };
}

/**
 * Reads an indicator's 指标值 or 实际完成值 cell as text to keep. A placeholder ("—", "/", "无") is no
 * value (`undefined`); a number that cannot be read — scan noise ("XlO0%", "W100%", "第O份") or a
 * damaged number ("95.", "76%107.6") — is not taken: the reason names the line, the column and the
 * text, e.g. `第12行“实际完成值”列的“XlO0%”无法识别为数字（疑似扫描识别错误），未采用`. Numbers and
 * words ("≥266米", "显著提升") are kept as written; the report model reads them.
 */
export function readIndicatorValue(text: string, place: CellPlace): CellRead<string | undefined> {
  const read = readValue(text);
  if (read.kind === "empty") return { ok: true, value: undefined };
  if (read.kind === "unreadable") {
    return {
      ok: false,
      reason: `第${place.line}行“${place.column}”列的“${read.text}”无法识别为数字（${read.reason}），未采用`,
    };
  }
  return { ok: true, value: text.trim() };
}
