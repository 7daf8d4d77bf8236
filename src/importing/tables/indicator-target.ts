import { parseTargetText } from "../../core/target.ts";
import { isBlankValue, MEASURE_WORDS, parseNumber, readValue } from "../../numbers/index.ts";
import type { TargetFragment } from "../report/report-fragment.ts";

/**
 * Reads the 指标值 and 度量单位 cells of an indicator row together, because extraction splits them
 * in two known ways:
 * - the comparator alone in 指标值 and the number in 度量单位 ("≥ | 99% | 100%", seed 000): the
 *   target is "≥99%" and the unit is the number's own ("%");
 * - a bare number with % beside it ("≥99 | %"): the target is "≥99%"; with a count or measure word
 *   ("26 | 次") the target stays "26" and the scorer takes 次 from the 度量单位.
 * A target to reach ("满意度达95%", "达到100%") is quantitative with ≥: reaching 95% means at least 95%.
 * A placeholder ("—", "/", "无") is no target. A number that cannot be read ("W100%", "第O份", "95.") is
 * kept as written (the report model marks it unreadable) and reported through `place.unread`, as is a
 * 度量单位 cell garbled by scanning ("tot扁"), which is dropped. Anything else is kept as written
 * (qualitative text such as 相关, 7*24).
 */

const BARE_COMPARATOR =
  /^(?:≥|≤|>|<|=|＞|＜|＝|﹦|≧|≦|>=|<=|大于等于|小于等于|不低于|不少于|不高于|不超过|大于|小于|等于)$/;
const REACH = /^(.*?)(?:达到|达)(.+)$/;
/** Latin letters next to Chinese in one unit cell ("tot扁", "Q个"): scan noise, not a unit. */
const GARBLED_UNIT = /[A-Za-z][\p{Script=Han}]|[\p{Script=Han}][A-Za-z]/u;

/** Whether a cell is a comparator alone ("≥", "﹦", "大于等于"), as a 指标方向 column holds it. */
export function isBareComparator(text: string): boolean {
  return BARE_COMPARATOR.test(text.trim());
}

/** The target and unit of a row as read; either may be absent. */
export interface TargetCells {
  target?: TargetFragment;
  unit?: string;
}

/** Where the two cells are, for the reasons given when one of them cannot be read. */
export interface TargetPlace {
  line: number;
  /** Column headings as the table names them ("年度指标值", "计量单位"). */
  targetColumn: string;
  unitColumn: string;
  /** Records a cell that was not taken, with a Chinese reason naming the line, column and text. */
  unread(reason: string): void;
}

function unitCell(unitText: string, place: TargetPlace | undefined): string {
  if (isBlankValue(unitText)) return "";
  if (!GARBLED_UNIT.test(unitText)) return unitText;
  place?.unread(
    `第${place.line}行“${place.unitColumn}”列的“${unitText}”无法识别为单位（疑似扫描识别错误），未采用`,
  );
  return "";
}

/** Reads the 指标值 cell with the 度量单位 cell beside it (see the module comment). */
export function readTargetCells(targetText: string, unitText: string, place?: TargetPlace): TargetCells {
  const unitRead = unitCell(unitText, place);
  const cells = readCells(isBlankValue(targetText) ? "" : targetText, unitRead);
  const target = typeof cells.target === "string" ? readValue(cells.target) : undefined;
  if (target?.kind === "unreadable" && place !== undefined) {
    place.unread(
      `第${place.line}行“${place.targetColumn}”列的“${targetText}”无法识别为数字（${target.reason}），未采用`,
    );
  }
  return cells;
}

function readCells(targetText: string, unitText: string): TargetCells {
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
    const columnUnit = unitText === "%" || MEASURE_WORDS.includes(unitText) ? unitText : "";
    const target: TargetFragment = {
      kind: "quantitative",
      comparator: "≥",
      value: amount.value.value,
      unit: amount.value.unit ?? amount.value.counter ?? columnUnit,
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
