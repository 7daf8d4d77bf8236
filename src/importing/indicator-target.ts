import { parseTargetText } from "../core/target.ts";
import { parseNumber } from "../numbers/index.ts";
import type { TargetFragment } from "./report-fragment.ts";

/**
 * Reads the 指标值 and 度量单位 cells of an indicator row together, because extraction splits them
 * in two known ways:
 * - the comparator alone in 指标值 and the number in 度量单位 ("≥ | 99% | 100%", seed 000): the
 *   target is "≥99%" and the unit is the number's own ("%");
 * - a bare number with the unit beside it ("≥99 | %", seed 001): the target is "≥99%".
 * A target to reach ("满意度达95%", "达到100%") is quantitative with ≥: reaching 95% means at least 95%.
 * Anything else is kept as written (qualitative text such as 相关, 7*24).
 */

const BARE_COMPARATOR =
  /^(?:≥|≤|>|<|=|＞|＜|≧|≦|>=|<=|大于等于|小于等于|不低于|不少于|不高于|不超过|大于|小于|等于)$/;
const REACH = /^(.*?)(?:达到|达)(.+)$/;

/** The target and unit of a row as read; either may be absent. */
export interface TargetCells {
  target?: TargetFragment;
  unit?: string;
}

/** Reads the 指标值 cell with the 度量单位 cell beside it (see the module comment). */
export function readTargetCells(targetText: string, unitText: string): TargetCells {
  const unit = unitText === "" ? {} : { unit: unitText };
  if (targetText === "") return unit;
  if (BARE_COMPARATOR.test(targetText) && unitText !== "") {
    const value = parseNumber(unitText);
    if (value.ok && value.value.comparator === null) {
      const ownUnit = value.value.unit;
      return ownUnit === null
        ? { target: targetText + unitText }
        : { target: targetText + unitText, unit: ownUnit };
    }
  }
  const reach = REACH.exec(targetText);
  const amount = reach?.[2] === undefined ? null : parseNumber(reach[2]);
  if (amount?.ok && amount.value.comparator === null && !amount.value.approximate) {
    const target: TargetFragment = {
      kind: "quantitative",
      comparator: "≥",
      value: amount.value.value,
      unit: amount.value.unit ?? (unitText === "%" ? "%" : ""),
      text: targetText,
    };
    return { target, ...unit };
  }
  const parsed = parseTargetText(targetText);
  if (parsed.kind === "quantitative" && parsed.unit === "" && unitText === "%") {
    return { target: `${targetText}%`, ...unit };
  }
  return { target: targetText, ...unit };
}
