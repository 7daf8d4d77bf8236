import { fail, ok, type Result } from "../core/result.ts";
import { parseAmount, parseNumber, parsePercent } from "../numbers/index.ts";
import type { Json } from "./patch.ts";

/** How the text of an answer is read into the value stored in the draft. */
export type ValueType = "text" | "money" | "percent" | "year" | "points" | "kind" | "grade" | "phone";

/** A field the officer can name: its Chinese label, where it lives in the draft and how it is read. */
export interface FieldDef {
  label: string;
  path: readonly (string | number)[];
  type: ValueType;
  example: string;
}

const VAGUE = /多|余|左右|大约|约|近|上下|几/;

/**
 * Reads `text` as a value of `field`. Money without a unit is read as 万元 only when `assumeWan`
 * (the question said 单位：万元); the reply then says so.
 */
export function readValue(
  field: FieldDef,
  raw: string,
  assumeWan: boolean,
): Result<{ value: Json; note?: string }> {
  const text = raw
    .trim()
    .replace(/^[：:为是]+/, "")
    .trim();
  const where = `“${field.label}”`;
  if (text === "")
    return fail("answer.empty", `${where}没有填写内容。请填写，例如：${field.example}`, field.label);
  switch (field.type) {
    case "text":
      return ok({ value: text });
    case "phone":
      return /^[0-9０-９\-－ ()（）+]{5,20}$/.test(text)
        ? ok({ value: text })
        : fail("answer.phone", `${where}应为电话号码，例如：${field.example}`, field.label);
    case "money":
      return readMoney(field, text, assumeWan);
    case "percent": {
      const p = parsePercent(text);
      if (!p.ok) return fail(p.error.code, `${where}：${p.error.message}`, field.label);
      if (p.value.value < 0)
        return fail("answer.negative", `${where}不能为负数，例如：${field.example}`, field.label);
      return ok({ value: p.value.text.replace(/\s+/g, "") });
    }
    case "year": {
      const n = parseNumber(text.replace(/年度?$/, ""));
      if (!n.ok || !Number.isInteger(n.value.value) || n.value.value < 2000 || n.value.value > 2100)
        return fail("answer.year", `${where}应为四位年份，例如：${field.example}`, field.label);
      return ok({ value: n.value.value });
    }
    case "points": {
      const n = parseNumber(text.replace(/分$/, ""));
      if (
        !n.ok ||
        n.value.unit !== null ||
        n.value.counter !== null ||
        n.value.value < 0 ||
        n.value.value > 100
      )
        return fail("answer.points", `${where}应为 0 到 100 之间的分数，例如：${field.example}`, field.label);
      return ok({ value: n.value.value });
    }
    case "kind": {
      if (/^(1|部门|部门整体|整体)/.test(text) || text.includes("部门整体"))
        return ok({ value: "department" });
      if (/^(2|项目)/.test(text) || text.includes("项目支出")) return ok({ value: "project" });
      return fail("answer.kind", `${where}请回答“部门整体”或“项目支出”，例如：部门整体`, field.label);
    }
    case "grade": {
      const g = text.replace(/[“”"'。]/g, "").match(/^(优|良|中|差)(秀|好|等)?$/);
      return g?.[1] !== undefined
        ? ok({ value: g[1] })
        : fail("answer.grade", `${where}应为 优、良、中、差 之一，例如：${field.example}`, field.label);
    }
  }
}

function readMoney(
  field: FieldDef,
  text: string,
  assumeWan: boolean,
): Result<{ value: Json; note?: string }> {
  const where = `“${field.label}”`;
  const a = parseAmount(text);
  if (a.ok) {
    if (a.value.value < 0)
      return fail(
        "answer.negative",
        `${where}不能为负数：读到“${text}”。请填写金额，例如：${field.example}`,
        field.label,
      );
    // Kept as written when it says 元 ("6,272,512.00元"); "561.41万" gets its 元.
    return ok({ value: /元整?$/.test(text) ? text.replace(/\s+/g, "") : `${a.value.value}${a.value.unit}` });
  }
  if (a.error.code === "amount.unit_missing" && assumeWan) {
    const n = parseNumber(text);
    if (n.ok && n.value.unit === null && n.value.counter === null && !n.value.approximate) {
      if (n.value.value < 0)
        return fail(
          "answer.negative",
          `${where}不能为负数：读到“${text}”。请填写金额，例如：${field.example}`,
          field.label,
        );
      return ok({
        value: `${n.value.value}万元`,
        note: `${field.label}没有写单位，按万元记为 ${n.value.value}万元`,
      });
    }
  }
  if (VAGUE.test(text))
    return fail(
      "answer.vague",
      `${where}需要准确金额，不能是“${text}”这样的约数（自评表按决算数填写）。请填写，例如：${field.example}`,
      field.label,
    );
  return fail(a.error.code, `${where}：${a.error.message}`, field.label);
}
