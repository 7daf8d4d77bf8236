/**
 * Chinese number parsing for performance self-evaluation reports: pure, no I/O.
 */
export { type ChineseNumeral, parseChineseNumeral } from "./chinese-digits.ts";
export {
  isCountWord,
  MEASURE_WORDS,
  type MeasureUnit,
  measureOf,
  relateUnits,
  type UnitRelation,
} from "./measure-units.ts";
export {
  type Comparator,
  type NumberUnit,
  type ParsedAmount,
  type ParsedNumber,
  type ParsedPercent,
  parseAmount,
  parseNumber,
  parsePercent,
} from "./parse-number.ts";
export { isBlankValue, readValue, type ValueReading } from "./read-value.ts";
