import { readValue } from "../../numbers/index.ts";
import type { RuleComparator } from "../indicator-rule.ts";
import { BETWEEN_PARTS, RANGE_PARTS } from "./criterion-phrases.ts";

/**
 * The numbers of a 评分标准, read with the project's number reader (readValue): a threshold with
 * its comparator ("≥95%", "达到90%以上", "100%以下(含)", "不低于百分之九十五"), a range ("90%-95%",
 * "0-10%(含)"), a value between two comparators ("80%≤满意度<90%"), and plain points ("0.5").
 *
 * "以上"/"以下" include the number itself (as readValue reads them, and as Chinese legal usage has
 * it): "90%以上" is ≥ 90%. "(含)" confirms it, "(不含)" makes it strict.
 */

/** A value as written with what bounds it; `comparator` null when the text gives none ("100%", "="). */
export interface Bound {
  value: number;
  /** "%" for a percent, "个百分点" for percentage points, a count or measure word, or "" for none. */
  unit: string;
  comparator: RuleComparator | null;
  /** (含) → true, (不含) → false, null when not said. */
  inclusive: boolean | null;
}

/** A condition on the row's value: one bound, or a range (low and high, either of which may be open). */
export type Condition = { kind: "one"; bound: Bound } | { kind: "range"; low: Bound; high: Bound };

/** A reading, or why the text could not be read (Chinese). */
export type Reading<T> = { ok: true; value: T } | { ok: false; reason: string };

function bad(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

const INCLUSION = /\((含|不含)\)/gu;

function readBound(written: string): Reading<Bound> {
  let inclusive: boolean | null = null;
  const text = written
    .replace(INCLUSION, (_, word: string) => {
      inclusive = word === "含";
      return "";
    })
    .replace(/(?<!个)百分点$/u, "个百分点");
  const read = readValue(text);
  if (read.kind === "unreadable") return bad(`数字“${written}”无法识别（${read.reason}）`);
  if (read.kind !== "number") return bad(`“${written}”不是数字`);
  const n = read.number;
  if (n.approximate) return bad(`“${written}”是约数，不能作为评分门槛`);
  let comparator = n.comparator === "=" ? null : n.comparator;
  if (inclusive === false && comparator === "≥") comparator = ">";
  if (inclusive === false && comparator === "≤") comparator = "<";
  if (inclusive === true && comparator === ">") comparator = "≥";
  if (inclusive === true && comparator === "<") comparator = "≤";
  const unit = n.unit === "%" ? "%" : (n.unit ?? n.counter ?? "");
  return { ok: true, value: { value: n.value, unit, comparator, inclusive } };
}

const BETWEEN = new RegExp(BETWEEN_PARTS, "u");
const RANGE = new RegExp(RANGE_PARTS, "u");

/** Reads a condition (see `Condition`); the reason names the text that could not be read. */
export function readCondition(text: string): Reading<Condition> {
  const between = BETWEEN.exec(text);
  if (between !== null) {
    const [, lowText = "", lowSign = "", highSign = "", highText = ""] = between;
    const low = readBound(lowText);
    const high = readBound(highText);
    if (!low.ok) return low;
    if (!high.ok) return high;
    const lowCmp: RuleComparator = lowSign === "<" ? ">" : "≥";
    const highCmp: RuleComparator = highSign === "<" ? "<" : "≤";
    return {
      ok: true,
      value: {
        kind: "range",
        low: { ...low.value, comparator: lowCmp, inclusive: lowCmp === "≥" },
        high: { ...high.value, comparator: highCmp, inclusive: highCmp === "≤" },
      },
    };
  }
  const range = RANGE.exec(text);
  if (range !== null) {
    const [, lowText = "", highText = ""] = range;
    const low = readBound(lowText);
    const high = readBound(highText);
    if (low.ok && high.ok) {
      // "0-10%": the low end takes the unit written only at the high end.
      const unit = low.value.unit === "" ? high.value.unit : low.value.unit;
      return { ok: true, value: { kind: "range", low: { ...low.value, unit }, high: high.value } };
    }
  }
  const one = readBound(text);
  return one.ok ? { ok: true, value: { kind: "one", bound: one.value } } : one;
}

/** Reads plain points or a plain number ("0.5", "一", "20"); no unit, no comparator. */
export function readPlain(text: string): Reading<number> {
  const read = readValue(text);
  if (read.kind === "unreadable") return bad(`数字“${text}”无法识别（${read.reason}）`);
  if (read.kind !== "number") return bad(`“${text}”不是数字`);
  const n = read.number;
  if (n.unit !== null || n.counter !== null || n.comparator !== null || n.approximate)
    return bad(`“${text}”应为单纯的数字`);
  return { ok: true, value: n.value };
}
