import { describe, expect, it } from "vitest";
import { isCountWord, measureOf, relateUnits } from "../../src/numbers/index.ts";

describe("relateUnits compares a value's unit with a target's", () => {
  it.each<[from: string, to: string, relation: ReturnType<typeof relateUnits>]>([
    ["米", "米", { kind: "same", factor: 1 }],
    ["厘米", "米", { kind: "same", factor: 0.01 }],
    ["公里", "米", { kind: "same", factor: 1000 }],
    ["km", "公里", { kind: "same", factor: 1 }],
    ["元", "万元", { kind: "same", factor: 0.0001 }],
    ["亿元", "万元", { kind: "same", factor: 10000 }],
    ["㎡", "平方米", { kind: "same", factor: 1 }],
    ["公顷", "平方米", { kind: "same", factor: 10000 }],
    ["吨", "千克", { kind: "same", factor: 1000 }],
    ["M", "Mbps", { kind: "same", factor: 1 }],
    ["小时", "分钟", { kind: "same", factor: 60 }],
    ["TB", "GB", { kind: "same", factor: 1024 }],
    ["", "米", { kind: "same", factor: 1 }],
    ["%", "", { kind: "same", factor: 1 }],
    ["场", "次", { kind: "counts" }],
    ["人次", "人", { kind: "counts" }],
    ["人", "米", { kind: "different" }],
    ["%", "万元", { kind: "different" }],
    ["%", "个百分点", { kind: "different" }],
    ["亩", "平方米", { kind: "different" }],
    ["天", "工作日", { kind: "different" }],
    ["次", "tot扁", { kind: "different" }],
  ])("%j against %j", (from, to, relation) => {
    expect(relateUnits(from, to)).toEqual(relation);
  });

  it("knows count words from measures", () => {
    expect(["个", "场", "篇", "人次", "米", "%", "万元", "扁"].map(isCountWord)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(measureOf("厘米")).toEqual({ word: "厘米", family: "长度", factor: 0.01 });
    expect(measureOf("tot扁")).toBeUndefined();
  });
});
