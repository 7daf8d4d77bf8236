import { describe, expect, it } from "vitest";
import {
  type Comparator,
  type NumberUnit,
  type ParsedNumber,
  parseAmount,
  parseNumber,
  parsePercent,
} from "../../src/numbers/index.ts";

type NumberRow = [
  input: string,
  value: number,
  unit: NumberUnit,
  approximate: boolean,
  comparator: Comparator | null,
  decimals: number,
  counter?: string | null,
];

describe("parseNumber reads a number with its unit, comparator and precision", () => {
  it.each<NumberRow>([
    ["561.41万元", 561.41, "万元", false, null, 2],
    ["五百六十一点四一万元", 561.41, "万元", false, null, 2],
    ["1,234.5万元", 1234.5, "万元", false, null, 1],
    ["伍佰陆拾壹万肆仟壹佰元整", 5614100, "元", false, null, 0],
    ["6,272,512.00", 6272512, null, false, null, 2],
    ["97%", 97, "%", false, null, 0],
    ["97.09％", 97.09, "%", false, null, 2],
    ["105%", 105, "%", false, null, 0],
    ["百分之九十七", 97, "%", false, null, 0],
    ["百分之九十七点五", 97.5, "%", false, null, 1],
    ["百分之百", 100, "%", false, null, 0],
    ["百分之一百", 100, "%", false, null, 0],
    ["九成五", 95, "%", false, null, 0],
    ["九成", 90, "%", false, null, 0],
    ["二〇二一", 2021, null, false, null, 0],
    ["二零二一年", 2021, null, false, null, 0, "年"],
    ["2021年", 2021, null, false, null, 0, "年"],
    ["3项", 3, null, false, null, 0, "项"],
    ["92.5分", 92.5, null, false, null, 1, "分"],
    ["５６１．４１万元", 561.41, "万元", false, null, 2],
    ["约98%", 98, "%", true, null, 0],
    ["98%左右", 98, "%", true, null, 0],
    ["近98%", 98, "%", true, null, 0],
    ["大于93%", 93, "%", false, ">", 0],
    ["＞93％", 93, "%", false, ">", 0],
    ["≥99%", 99, "%", false, "≥", 0],
    ["≥ 99 %", 99, "%", false, "≥", 0],
    ["≤100%", 100, "%", false, "≤", 0],
    ["不低于95%", 95, "%", false, "≥", 0],
    ["不超过5%", 5, "%", false, "≤", 0],
    ["95%以上", 95, "%", false, "≥", 0],
    ["达95%以上", 95, "%", false, "≥", 0],
    ["达100%", 100, "%", false, "=", 0],
    ["100余人", 100, null, true, ">", 0, "人"],
    ["1.5亿元", 1.5, "亿元", false, null, 1],
    ["0", 0, null, false, null, 0],
    ["0.04万元", 0.04, "万元", false, null, 2],
    ["-3.5%", -3.5, "%", false, null, 1],
    ["十", 10, null, false, null, 0],
    ["十五", 15, null, false, null, 0],
    ["一百零五", 105, null, false, null, 0],
    ["两千", 2000, null, false, null, 0],
    ["三万五千", 35000, null, false, null, 0],
    ["1万", 10000, null, false, null, 0],
    ["1.5万", 15000, null, false, null, 0],
    ["561.41万", 5614100, null, false, null, 0],
    ["¥6,272,512.00", 6272512, "元", false, null, 2],
  ])("reads %j as %d", (input, value, unit, approximate, comparator, decimals, counter = null) => {
    const expected: ParsedNumber = {
      value,
      unit,
      counter,
      approximate,
      comparator,
      decimals,
      text: input.trim(),
    };
    expect(parseNumber(input)).toEqual({ ok: true, value: expected });
  });

  it("keeps the original text trimmed, not normalised", () => {
    const result = parseNumber("  ５６１．４１万元 ");
    expect(result.ok && result.value.text).toBe("５６１．４１万元");
  });
});

describe("parseNumber rejects what it cannot read, naming the text read", () => {
  it.each<[input: string, code: string]>([
    ["IO0%", "number.ocr_suspect"],
    ["1O%", "number.ocr_suspect"],
    ["l00%", "number.ocr_suspect"],
    ["W100%", "number.ocr_suspect"],
    ["Q0", "number.ocr_suspect"],
    ["XlO0%", "number.ocr_suspect"],
    ["O76%107.6", "number.ocr_suspect"],
    ["M.8万元", "number.ocr_suspect"],
    ["第O份", "number.ocr_suspect"],
    ["到0次", "number.ocr_suspect"],
    ["95.", "number.unreadable"],
    ["76%107.6", "number.unreadable"],
    ["II类", "number.unreadable"],
    ["", "number.empty"],
    ["   ", "number.empty"],
    ["abc", "number.unreadable"],
    ["97%%", "number.unreadable"],
    ["1.2.3", "number.unreadable"],
    ["完成", "number.unreadable"],
    ["满意度达100%", "number.unreadable"],
    ["1,23", "number.unreadable"],
    ["1 234", "number.unreadable"],
    ["7*24", "number.unreadable"],
    ["3万5千", "number.unreadable"],
    ["百分之九十七%", "number.unreadable"],
    ["二十二三", "number.unreadable"],
    ["12345678901234567", "number.unreadable"],
    ["05%", "number.unreadable"],
    ["大于93%以上", "number.comparator_conflict"],
  ])("rejects %j with %s", (input, code) => {
    const result = parseNumber(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(`“${input.trim()}”`);
    expect(result.error.message).toContain("例如");
  });

  it("explains OCR noise by naming the letters and the digits they resemble", () => {
    const result = parseNumber("IO0%");
    expect(result).toEqual({
      ok: false,
      error: {
        code: "number.ocr_suspect",
        message:
          "无法识别数字“IO0%”：疑似把字母 I/O 当成了数字 1/0。请核对原文，填写阿拉伯数字或中文数字，例如“100%”。",
      },
    });
  });

  it("names letters that are not digit look-alikes as scan noise, without a guessed number", () => {
    const result = parseNumber("W100%");
    expect(result).toEqual({
      ok: false,
      error: {
        code: "number.ocr_suspect",
        message:
          "无法识别数字“W100%”：数字中混有字母 W，疑似扫描识别错误，未按数字读取。请核对原件，填写阿拉伯数字或中文数字，例如“≤100%”“10次”或“95%”。",
      },
    });
  });

  it("names a stray character where a comparator belongs", () => {
    const result = parseNumber("到0次");
    expect(result.ok ? "" : result.error.message).toContain("数字前面的“到”不是比较符号，疑似扫描识别错误");
  });

  it("points at the label when words come before the number", () => {
    const result = parseNumber("满意度达100%");
    expect(result.ok ? "" : result.error.message).toContain("数字前面有多余的文字“满意度达”");
  });
});

describe("parseAmount gives the amount in its unit and in 万元", () => {
  it.each<
    [input: string, defaultUnit: "元" | "万元" | undefined, value: number, unit: "元" | "万元", wan: number]
  >([
    ["561.41万元", undefined, 561.41, "万元", 561.41],
    ["五百六十一点四一万元", undefined, 561.41, "万元", 561.41],
    ["1,234.5万元", undefined, 1234.5, "万元", 1234.5],
    ["伍佰陆拾壹万肆仟壹佰元整", undefined, 5614100, "元", 561.41],
    ["6,272,512.00", "元", 6272512, "元", 627.2512],
    ["6,272,512.00元", undefined, 6272512, "元", 627.2512],
    ["561.41", "万元", 561.41, "万元", 561.41],
    ["1.5亿元", undefined, 15000, "万元", 15000],
    ["0.04万元", undefined, 0.04, "万元", 0.04],
    ["561.41万", undefined, 561.41, "万元", 561.41],
    ["561.41万", "元", 561.41, "万元", 561.41],
    ["三万五千", "万元", 3.5, "万元", 3.5],
    ["５６１．４１万元", undefined, 561.41, "万元", 561.41],
    ["达561.41万元", undefined, 561.41, "万元", 561.41],
  ])("reads %j (default %s) as %d %s", (input, defaultUnit, value, unit, wan) => {
    expect(parseAmount(input, defaultUnit)).toEqual({ ok: true, value: { value, unit, wan, text: input } });
  });

  it.each<[input: string, defaultUnit: "元" | "万元" | undefined, code: string]>([
    ["6,272,512.00", undefined, "amount.unit_missing"],
    ["561.41", undefined, "amount.unit_missing"],
    ["97%", "万元", "amount.not_amount"],
    ["3项", "元", "amount.not_amount"],
    ["5000亩", "万元", "amount.not_amount"],
    ["266米", "元", "amount.not_amount"],
    ["约561万元", undefined, "amount.inexact"],
    ["100万元以上", undefined, "amount.inexact"],
    ["abc万元", undefined, "number.unreadable"],
  ])("rejects %j (default %s) with %s", (input, defaultUnit, code) => {
    const result = parseAmount(input, defaultUnit);
    expect(result.ok ? "" : result.error.code).toBe(code);
    expect(result.ok ? "" : result.error.message).toContain(`“${input}”`);
  });
});

describe("parsePercent gives percent points with precision and qualifiers", () => {
  it.each<
    [input: string, value: number, decimals: number, approximate: boolean, comparator: Comparator | null]
  >([
    ["97%", 97, 0, false, null],
    ["97.09％", 97.09, 2, false, null],
    ["百分之九十七", 97, 0, false, null],
    ["百分之九十七点五", 97.5, 1, false, null],
    ["百分之百", 100, 0, false, null],
    ["九成五", 95, 0, false, null],
    ["约98%", 98, 0, true, null],
    ["大于93%", 93, 0, false, ">"],
    ["≤100%", 100, 0, false, "≤"],
    ["-3.5%", -3.5, 1, false, null],
  ])("reads %j as %d percent points", (input, value, decimals, approximate, comparator) => {
    expect(parsePercent(input)).toEqual({
      ok: true,
      value: { value, decimals, approximate, comparator, text: input },
    });
  });

  it.each<[input: string, code: string]>([
    ["97", "percent.not_percent"],
    ["0.97", "percent.not_percent"],
    ["561.41万元", "percent.not_percent"],
    ["5个百分点", "percent.not_percent"],
    ["IO0%", "number.ocr_suspect"],
  ])("rejects %j with %s", (input, code) => {
    const result = parsePercent(input);
    expect(result.ok ? "" : result.error.code).toBe(code);
    expect(result.ok ? "" : result.error.message).toContain(`“${input}”`);
  });
});
