import { removeInvisible } from "../../core/invisible-chars.ts";

/** A budget code before a unit name in a cell: "219001-池州市…", "302001 长沙市…". */
const LEADING_CODE = /^\d{3,}\s*[-－—_]\s*/u;
/** Another label written in the same cell after the name: "塘湖镇政府 填报日期:2021.5.18". */
const TRAILING_LABEL =
  /\s+(?:填报日期|填报时间|填报人|填表人|联系人|联系电话|报告日期|日期|预算编码)\s*[:：].*$/u;

/**
 * A unit name as a table cell or a label line gives it, without what belongs to its neighbours: the
 * budget code some provinces put before it and a second label run into the same cell. The name
 * itself is kept as written (nothing completed), without invisible and bidirectional control
 * characters (U+202E, U+2066, U+00AD …), which would make it show differently from what it is.
 */
export function cleanUnitName(name: string): string {
  return removeInvisible(name).replace(LEADING_CODE, "").replace(TRAILING_LABEL, "").trim();
}
