import { describe, expect, it } from "vitest";
import { readCount, readIndicatorValue, readPoints } from "../../../src/importing/tables/cell-values.ts";

const at = { line: 7, column: "实际完成值" };

describe("readIndicatorValue", () => {
  it.each<[text: string, value: string | undefined]>([
    ["300米", "300米"],
    ["97.30%", "97.30%"],
    [" 14种 ", "14种"],
    ["显著提升", "显著提升"],
    ["—", undefined],
    ["/", undefined],
    ["无", undefined],
  ])("keeps %j as %j", (text, value) => {
    expect(readIndicatorValue(text, at)).toEqual({ ok: true, value });
  });

  it.each<[text: string, reason: string]>([
    ["XlO0%", "第7行“实际完成值”列的“XlO0%”无法识别为数字（疑似扫描识别错误），未采用"],
    ["IO", "第7行“实际完成值”列的“IO”无法识别为数字（疑似扫描识别错误），未采用"],
    ["M.8万元", "第7行“实际完成值”列的“M.8万元”无法识别为数字（疑似扫描识别错误），未采用"],
    [
      "95.",
      "第7行“实际完成值”列的“95.”无法识别为数字（小数点后面没有数字，可能是数字在换行处被截断），未采用",
    ],
  ])("does not take %j", (text, reason) => {
    expect(readIndicatorValue(text, at)).toEqual({ ok: false, reason });
  });
});

describe("points and head counts do not take measures", () => {
  it("reads 4.5分 as points but not 5米", () => {
    expect(readPoints("4.5分", { line: 3, column: "得分" })).toEqual({ ok: true, value: 4.5 });
    expect(readPoints("5米", { line: 3, column: "得分" })).toEqual({
      ok: false,
      reason: "第3行“得分”列应为分数，例如 5，读到“5米”",
    });
  });

  it("reads 15人 as a head count but not 15米", () => {
    expect(readCount("15人", { line: 4, column: "在职人数" })).toEqual({ ok: true, value: 15 });
    expect(readCount("15米", { line: 4, column: "在职人数" }).ok).toBe(false);
  });

  it("names letters among digits in a points cell as scan noise", () => {
    expect(readPoints("W5", { line: 3, column: "得分" })).toEqual({
      ok: false,
      reason: "第3行“得分”列应为分数，例如 5，读到“W5”：数字中混有字母 W，疑似扫描识别错误",
    });
  });
});
