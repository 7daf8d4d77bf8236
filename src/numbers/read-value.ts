import { normalizeNumberText } from "./normalize-number-text.ts";
import { unreadableReason } from "./number-messages.ts";
import type { ParsedNumber } from "./number-types.ts";
import { numberCore, readNumber } from "./read-number.ts";
import { isNumberShaped } from "./scan-noise.ts";

/**
 * What a value cell (an indicator's 指标值 or 实际完成值) says:
 * - `number`: a number with its comparator and unit ("≥266米", "97.30%", "不少于12种");
 * - `empty`: nothing, or a placeholder for nothing ("", "—", "/", "无");
 * - `unreadable`: a number that cannot be read — scan noise (`W100%`, `XlO0%`, `第O份`, `到0次`: `scan`
 *   is true) or a damaged number (`95.`, `76%107.6`, `1 234`, `大于93%以上`); the raw text is kept and
 *   the value is never guessed;
 * - `text`: words, a qualitative value ("显著提升", "按时完成", "高", "7*24").
 */
export type ValueReading =
  | { kind: "number"; number: ParsedNumber }
  | { kind: "empty"; text: string }
  | { kind: "unreadable"; text: string; scan: boolean; reason: string; message: string }
  | { kind: "text"; text: string };

/** Placeholders a table writes for "nothing": dashes, slashes, 无. */
const PLACEHOLDER = /^(?:[-—–－―/／\\]+|无)$/u;

/** True for a cell that says nothing: empty, or a placeholder such as "—", "/" or "无". */
export function isBlankValue(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === "" || PLACEHOLDER.test(trimmed);
}

/** Reads a value cell as a number, nothing, an unreadable number or words (see `ValueReading`). */
export function readValue(input: string): ValueReading {
  const text = input.trim();
  if (isBlankValue(text)) return { kind: "empty", text };
  const reading = readNumber(text);
  if (reading.ok) return { kind: "number", number: reading.value.parsed };
  const { code, message } = reading.error;
  if (code === "number.ocr_suspect") {
    return { kind: "unreadable", text, scan: true, reason: "疑似扫描识别错误", message };
  }
  const normalized = normalizeNumberText(text);
  if (code === "number.comparator_conflict") {
    return { kind: "unreadable", text, scan: false, reason: "写了两种相互矛盾的比较关系", message };
  }
  const core = numberCore(normalized);
  if (!isNumberShaped(core)) return { kind: "text", text };
  return { kind: "unreadable", text, scan: false, reason: unreadableReason(normalized, core), message };
}
