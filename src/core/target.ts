import { z } from "zod";
import { parseNumber } from "../numbers/index.ts";

/** Comparators an indicator target may carry. `>`/`<` are kept as written; scoring treats them like ≥/≤. */
export const ComparatorSchema = z.enum(["≥", "≤", "=", ">", "<"]);
export type Comparator = z.infer<typeof ComparatorSchema>;

const QuantitativeTargetSchema = z.object({
  kind: z.literal("quantitative"),
  /** null when the table wrote no comparator ("100 %"); scoring then reads it as ≥ (or ≤ for a reverse indicator). */
  comparator: ComparatorSchema.nullable(),
  value: z.number(),
  /** Unit of the target value: "%" or a money unit; "" when none (counters such as 个/项 are dropped by the parser; the row's 度量单位 keeps them). */
  unit: z.string(),
  /** The target as written in the report, e.g. "≥98%" or "满意度达95%". */
  text: z.string(),
});

const QualitativeTargetSchema = z.object({
  kind: z.literal("qualitative"),
  /** The expected state as written: 相关 / 完整 / 提高 / 7*24 … */
  text: z.string().min(1),
});

/** The parsed form of an indicator target (指标值). */
export const TargetSchema = z.discriminatedUnion("kind", [QuantitativeTargetSchema, QualitativeTargetSchema]);
export type Target = z.infer<typeof TargetSchema>;

/**
 * Reads a target written as text. A string that is only a comparator, a number and a unit
 * ("≥99%", "≤1%", "100", "大于93%") is quantitative; anything else is qualitative text.
 * Targets with words around the number ("满意度达95%") must be given as an object.
 */
export function parseTargetText(text: string): Target {
  const trimmed = text.trim();
  const parsed = parseNumber(trimmed);
  if (parsed.ok) {
    return {
      kind: "quantitative",
      comparator: parsed.value.comparator,
      value: parsed.value.value,
      unit: parsed.value.unit ?? "",
      text: trimmed,
    };
  }
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
]);
