import { z } from "zod";
import { parseAmount, parsePercent } from "../numbers/index.ts";
import { ok, type Result } from "./result.ts";

type MoneyValue = { value: number; unit: "元" | "万元"; wan: number; text: string };

function readAmount(text: string): Result<MoneyValue> {
  const parsed = parseAmount(text);
  return parsed.ok ? ok({ ...parsed.value, text: text.trim() }) : parsed;
}

/** An amount already given as number and unit needs no parsing, only normalising to 万元. */
function fromObject(input: { value: number; unit: "元" | "万元" }): Result<MoneyValue> {
  const wan = input.unit === "元" ? Number((input.value / 10000).toPrecision(15)) : input.value;
  return ok({ value: input.value, unit: input.unit, wan, text: `${input.value}${input.unit}` });
}

/**
 * Money as written in a report: `"561.41万元"`, `"6,272,512.00元"` or `{ "value": 561.41, "unit": "万元" }`.
 * A bare number is rejected because the unit (元 or 万元) changes the figure ten-thousandfold.
 * Output keeps the unit as written and adds `wan`, the amount normalised to 万元.
 */
export const MoneySchema = z
  .union([
    z.string(),
    z.object({ value: z.number(), unit: z.enum(["元", "万元"]) }),
    // Accepted by shape so the transform below can explain what is wrong with a bare number.
    z.number(),
  ])
  .transform((input, ctx) => {
    if (typeof input === "number") {
      ctx.addIssue({
        code: "custom",
        message: `金额缺少单位：读到数字${input}。应写成带单位的字符串或对象，例如 "545.06万元" 或 {"value":545.06,"unit":"万元"}`,
      });
      return z.NEVER;
    }
    const amount = typeof input === "string" ? readAmount(input) : fromObject(input);
    if (!amount.ok) {
      ctx.addIssue({ code: "custom", message: amount.error.message });
      return z.NEVER;
    }
    if (amount.value.value < 0) {
      ctx.addIssue({
        code: "custom",
        message: `金额不能为负数：读到“${amount.value.text}”。请填写0或正数，例如 "545.06万元"`,
      });
      return z.NEVER;
    }
    return amount.value;
  });
export type Money = z.output<typeof MoneySchema>;

/**
 * A percentage as written: `"97%"`, `"97.09％"`, `"百分之九十七"`, or `{ "value": 97 }` (percent points).
 * Output `value` is in percent points (97 means 97%); `decimals` is the precision as written,
 * which checks use to decide whether a stated rate matches a computed one after rounding.
 */
export const PercentSchema = z
  .union([
    z.string(),
    z.object({ value: z.number() }),
    // Accepted by shape so the transform below can explain what is wrong with a bare number.
    z.number(),
  ])
  .transform((input, ctx) => {
    if (typeof input === "number") {
      ctx.addIssue({
        code: "custom",
        message: `百分比应写成带%的字符串，例如 "97%" 或 "97.09%"：读到数字${input}，0.97 和 97 含义不同，不能只写数字`,
      });
      return z.NEVER;
    }
    const text = typeof input === "string" ? input : `${input.value}%`;
    const parsed = parsePercent(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error.message });
      return z.NEVER;
    }
    return { value: parsed.value.value, decimals: parsed.value.decimals, text: text.trim() };
  });
export type Percent = z.output<typeof PercentSchema>;
