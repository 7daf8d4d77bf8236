import { isChineseNumeralChar } from "./chinese-digits.ts";
import type { ScanNoise } from "./scan-noise.ts";

/**
 * Chinese error messages for number parsing. Each names what was read, the expected form and an example.
 */

const NUMBER_HINT = "请填写阿拉伯数字或中文数字，例如“561.41万元”“97%”或“百分之九十七”。";

/** Message for empty input. */
export function emptyMessage(): string {
  return `没有读到数字：内容为空（读到“”）。${NUMBER_HINT}`;
}

function isNumeralChar(ch: string): boolean {
  return /\d/.test(ch) || isChineseNumeralChar(ch);
}

/**
 * Explains why `body` (what remained after removing known words and units) is not a number.
 * Points at extra text before or after the number when there is some.
 */
export function unreadableReason(normalized: string, body: string): string {
  const separators = separatorReason(normalized);
  if (separators !== null) return separators;
  const percentSigns = [...normalized].filter((ch) => ch === "%").length;
  if (percentSigns > 1) return "百分号“%”写了不止一次";
  if (/\d\.\d+\./.test(normalized)) return "小数点写了不止一次";
  if (/\d\.$/.test(normalized)) return "小数点后面没有数字，可能是数字在换行处被截断";
  if (/%[\d.]/.test(normalized)) return "百分号后面还有数字，疑似几个单元格的内容连在了一起";
  if (/\d\s+\d/.test(normalized)) return "数字中间有空格";
  if (/(^|[^\d.,])0\d/.test(normalized)) return "整数部分以0开头，可能漏了小数点";
  if (/\d{16}/.test(normalized)) return "位数太多，超出可准确计算的范围";
  if (/\d,/.test(normalized)) return "千分位逗号“,”的位置不对，应每三位一个，例如“6,272,512.00”";
  const chars = [...body];
  const first = chars.findIndex(isNumeralChar);
  if (first === -1) return "其中没有数字";
  if (first > 0) return `数字前面有多余的文字“${chars.slice(0, first).join("")}”，只需填写数字本身`;
  const last = chars.findLastIndex(isNumeralChar);
  const trailing = chars.slice(last + 1).join("");
  if (trailing !== "") return `数字后面有无法识别的文字“${trailing}”`;
  return "不是可识别的数字写法";
}

/** Message for text that is not a number. */
export function unreadableMessage(text: string, reason: string): string {
  return `无法识别数字“${text}”：${reason}。${NUMBER_HINT}`;
}

/**
 * A comma used as the decimal point: "561,41万" (a comma followed by one or two digits), or "1.234,5"
 * (a point before a comma: dots for thousands, comma for decimals). Null for anything else; a
 * thousands comma every three digits ("1,234.5") is read as a number before this is asked.
 */
function separatorReason(normalized: string): string | null {
  if (/\d\.\d+,\d/.test(normalized))
    return "同时写了“.”和“,”，而且逗号在小数点后面，像是以逗号为小数点的写法（“1.234,5”即1234.5），无法确定数值；小数点请写“.”，千分位逗号每三位一个，例如“1,234.5”或“561.41万元”";
  const comma = /\d,(\d{1,2})(?!\d)/.exec(normalized);
  if (comma !== null)
    return `逗号“,”后面只有${comma[1]?.length}位数字，像是把逗号当成了小数点，无法确定数值；小数点请写“.”，例如“561.41万元”（千分位逗号每三位一个，例如“1,234.5”）`;
  return null;
}

/** Message for text that becomes a number if letters are read as digits (OCR noise). */
export function ocrSuspectMessage(
  text: string,
  letters: readonly string[],
  digits: readonly string[],
  fixed: string,
): string {
  return (
    `无法识别数字“${text}”：疑似把字母 ${letters.join("/")} 当成了数字 ${digits.join("/")}。` +
    `请核对原文，填写阿拉伯数字或中文数字，例如“${fixed}”。`
  );
}

/** Message for scan noise: letters among the digits ("W100%", "XlO0%") or a stray character ("到0次"). */
export function scanNoiseMessage(text: string, noise: ScanNoise): string {
  const what =
    noise.kind === "letters"
      ? `数字中混有字母 ${noise.letters.join("/")}`
      : `数字前面的“${noise.char}”不是比较符号`;
  return (
    `无法识别数字“${text}”：${what}，疑似扫描识别错误，未按数字读取。` +
    "请核对原件，填写阿拉伯数字或中文数字，例如“≤100%”“10次”或“95%”。"
  );
}

/** Message for two comparators that disagree ("大于93%以上"). */
export function comparatorConflictMessage(text: string, first: string, second: string): string {
  return (
    `无法识别数字“${text}”：同时写了“${first}”和“${second}”两种比较关系，无法判断以哪个为准。` +
    "请只保留一种，例如“≥93%”或“93%以上”。"
  );
}

/** Message for an amount written without 元/万元 and no default unit. */
export function unitMissingMessage(text: string): string {
  return `金额“${text}”没有写单位：无法判断是元还是万元，两者相差一万倍。请写明单位，例如“561.41万元”或“5614100元”。`;
}

/** Message for a number that is not an amount (a percent or a count). */
export function notAmountMessage(text: string, unitRead: string): string {
  return `“${text}”不是金额：读到的单位是“${unitRead}”。请填写以元或万元为单位的金额，例如“561.41万元”。`;
}

/** Message for an amount written as approximate or as a bound. */
export function inexactAmountMessage(text: string): string {
  return `金额“${text}”不是确数：带有“约”“以上”等约数或比较的说法。请填写准确金额，例如“561.41万元”。`;
}

/** Message for a number that is not a percentage. */
export function notPercentMessage(text: string, unitRead: string | null): string {
  const found = unitRead === null ? "没有百分号" : `读到的单位是“${unitRead}”`;
  return (
    `“${text}”不是百分比：${found}。` +
    "请写成百分比（0.97 与 97 含义不同），例如“97%”“百分之九十七”或“九成七”。"
  );
}
