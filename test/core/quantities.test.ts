import { describe, expect, it } from "vitest";
import { MoneySchema, PercentSchema } from "../../src/core/quantities.ts";

describe("MoneySchema", () => {
  it.each([
    ["561.41万元", 561.41, "万元", 561.41],
    ["6,272,512.00元", 6272512, "元", 627.2512],
    ["1.5亿元", 15000, "万元", 15000],
  ])("reads the string %s as %s %s (%s 万元)", (text, value, unit, wan) => {
    expect(MoneySchema.parse(text)).toMatchObject({ value, unit, wan });
  });

  it("normalises an object in 元 to 万元 without re-parsing text", () => {
    expect(MoneySchema.parse({ value: 6272512, unit: "元" })).toEqual({
      value: 6272512,
      unit: "元",
      wan: 627.2512,
      text: "6272512元",
    });
  });

  it("keeps a tiny object amount that would print as 1e-7", () => {
    expect(MoneySchema.parse({ value: 1e-7, unit: "万元" }).wan).toBe(1e-7);
  });

  it("rejects a negative object amount with a Chinese message", () => {
    const r = MoneySchema.safeParse({ value: -3, unit: "万元" });
    expect(r.success ? "" : r.error.issues[0]?.message).toContain("金额不能为负数");
  });

  it("rejects a bare number, naming the missing unit", () => {
    const r = MoneySchema.safeParse(561.41);
    expect(r.success ? "" : r.error.issues[0]?.message).toContain("金额缺少单位：读到数字561.41");
  });
});

describe("PercentSchema", () => {
  it("keeps the precision as written: 97.09% has 2 decimals", () => {
    expect(PercentSchema.parse("97.09%")).toEqual({ value: 97.09, decimals: 2, text: "97.09%" });
  });

  it("rejects 0.97 written without %", () => {
    expect(PercentSchema.safeParse(0.97).success).toBe(false);
  });
});
