/** Money or percent unit of a parsed number as written; null when none (count and measure words go in `counter`). */
export type NumberUnit = "元" | "万元" | "亿元" | "%" | null;

/** A comparison written with a number: ≥ ≤ > < =, or null when none. */
export type Comparator = "≥" | "≤" | ">" | "<" | "=";

/** A number read from report text, kept in its own unit. */
export interface ParsedNumber {
  /** The number as written, in its own unit (561.41 for "561.41万元", 97 for "97%"). */
  value: number;
  /** Unit as written (null when none). */
  unit: NumberUnit;
  /**
   * Count or measure word written after the number, kept as written ("人", "场", "米", "㎡", "M",
   * "个百分点", "年"); null when none. Money and % are in `unit`, never here.
   */
  counter: string | null;
  /** True for 约/大约/近/接近/将近…, …左右/上下, and …多/余. */
  approximate: boolean;
  /** From ≥ ≤ > < ＞ ＜ 大于 小于 不低于 不少于 不高于 不超过 以上 以下 达 等于…; null when none. */
  comparator: Comparator | null;
  /** Digits after the decimal point as written (97.09% → 2, 105% → 0, 五百六十一点四一 → 2). */
  decimals: number;
  /** The original text, trimmed. */
  text: string;
}
