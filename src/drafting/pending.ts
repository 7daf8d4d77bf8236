/**
 * The mark a draft puts where the officer has not given a fact a section needs: 〔待补充：…〕,
 * saying exactly what is missing. A draft never invents such a fact (how the evaluation was
 * organised, where the results are published); it leaves this mark for the officer to replace.
 */

/** The opening and closing of a marker. */
const PENDING_OPEN = "〔待补充";
const PENDING_CLOSE = "〕";

/** Every marker in a text, e.g. "〔待补充：主管部门〕" or a bare "〔待补充〕". */
export const PENDING_PATTERN = /〔待补充(?:：[^〔〕]*)?〕/gu;

/** "〔待补充：自评工作如何组织（组织形式、时间、参与人员）〕"; "〔待补充〕" for an empty `what`. */
export function pending(what = ""): string {
  const w = what.trim();
  return w === "" ? `${PENDING_OPEN}${PENDING_CLOSE}` : `${PENDING_OPEN}：${w}${PENDING_CLOSE}`;
}

/** Whether `text` holds a marker. */
export function hasPending(text: string): boolean {
  return new RegExp(PENDING_PATTERN.source, "u").test(text);
}

/** A table cell or header value: the value, or the marker naming the field when it is absent or blank. */
export function orPending(value: string | undefined, what: string): string {
  return value === undefined || value.trim() === "" ? pending(what) : value.trim();
}
