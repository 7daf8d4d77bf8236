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

describe("scan noise in money and percent cells", () => {
  it("rejects M.8万元 and XlO0% naming the letters, never reading a number", () => {
    const money = MoneySchema.safeParse("M.8万元");
    expect(money.success ? "" : money.error.issues[0]?.message).toBe(
      "无法识别数字“M.8万元”：数字中混有字母 M，疑似扫描识别错误，未按数字读取。请核对原件，填写阿拉伯数字或中文数字，例如“≤100%”“10次”或“95%”。",
    );
    const percent = PercentSchema.safeParse("XlO0%");
    expect(percent.success ? "" : percent.error.issues[0]?.message).toContain("数字中混有字母 X/l/O");
  });

  it("still reads 1,234.5万元 and 100%", () => {
    expect(MoneySchema.parse("1,234.5万元")).toMatchObject({ value: 1234.5, unit: "万元", wan: 1234.5 });
    expect(PercentSchema.parse("100%")).toEqual({ value: 100, decimals: 0, text: "100%" });
  });
});
