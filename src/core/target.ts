import { z } from "zod";
import { readValue } from "../numbers/index.ts";

/** Comparators an indicator target may carry. `>`/`<` are kept as written; scoring treats them like ≥/≤. */
const ComparatorSchema = z.enum(["≥", "≤", "=", ">", "<"]);
export type Comparator = z.infer<typeof ComparatorSchema>;

const QuantitativeTargetSchema = z.object({
  kind: z.literal("quantitative"),
  /** null when the table wrote no comparator ("100 %"); scoring then reads it as ≥ (or ≤ for a reverse indicator). */
  comparator: ComparatorSchema.nullable(),
  value: z.number(),
  /**
   * Unit of the target value as written: "%", a money unit (元/万元/亿元) or a count or measure word
   * (个, 次, 场, 人, 米, 厘米, 亩, ㎡, M…); "" when none (the row's 度量单位 may then give it).
   */
  unit: z.string(),
  /** The target as written in the report, e.g. "≥98%" or "满意度达95%". */
  text: z.string(),
});

const QualitativeTargetSchema = z.object({
  kind: z.literal("qualitative"),
  /** The expected state as written: 相关 / 完整 / 提高 / 7*24 … */
  text: z.string().min(1),
});

const UnreadableTargetSchema = z.object({
  kind: z.literal("unreadable"),
  /** The target as it came out of the file, kept verbatim: "W100%", "第O份", "95.". */
  text: z.string().min(1),
});

/**
 * The parsed form of an indicator target (指标值): a number to compare with, words to judge, or a
 * number that could not be read (scan noise, a damaged number), kept as written and never guessed.
 */
export const TargetSchema = z.discriminatedUnion("kind", [
  QuantitativeTargetSchema,
  QualitativeTargetSchema,
  UnreadableTargetSchema,
]);
export type Target = z.infer<typeof TargetSchema>;

/**
 * Reads a target written as text. A string that is only a comparator, a number and a unit
 * ("≥99%", "≤1%", "100", "大于93%", "≥266米", "不少于12种", "2200篇") is quantitative, with the unit
 * as written ("%", "万元", "米", "种", "篇"; "" when none). A number damaged by scanning or typing
 * ("W100%", "XlO0%", "第O份", "95.") is unreadable, kept as written. Anything else is qualitative
 * text ("显著提升", "相关", "7*24"). Targets with words around the number ("满意度达95%") must be given
 * as an object.
 */
export function parseTargetText(text: string): Target {
  const trimmed = text.trim();
  const read = readValue(trimmed);
  if (read.kind === "number") {
    const { comparator, value, unit, counter } = read.number;
    return { kind: "quantitative", comparator, value, unit: unit ?? counter ?? "", text: trimmed };
  }
  if (read.kind === "unreadable") return { kind: "unreadable", text: trimmed };
  return { kind: "qualitative", text: trimmed };
}

/** Target input: a short string ("≥99%", "相关") or the structured object. */
export const TargetInputSchema = z.union([
  z.string().min(1).transform(parseTargetText),
  z
    .object({
      kind: z.literal("quantitative").default("quantitative"),
      comparator: ComparatorSchema.nullable().default(null),
      value: z.number(),
      unit: z.string().default(""),
      text: z.string().optional(),
    })
    .transform((t) => ({ ...t, text: t.text ?? `${t.comparator ?? ""}${t.value}${t.unit}` })),
  QualitativeTargetSchema,
  UnreadableTargetSchema,
]);
