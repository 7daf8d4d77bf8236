import { describe, expect, it } from "vitest";
import { parseTargetText, TargetInputSchema, TargetSchema } from "../../src/core/target.ts";

describe("parseTargetText", () => {
  it.each([
    ["≥266米", { kind: "quantitative", comparator: "≥", value: 266, unit: "米", text: "≥266米" }],
    ["不少于12 种", { kind: "quantitative", comparator: "≥", value: 12, unit: "种", text: "不少于12 种" }],
    ["2200篇", { kind: "quantitative", comparator: null, value: 2200, unit: "篇", text: "2200篇" }],
    ["≥95%", { kind: "quantitative", comparator: "≥", value: 95, unit: "%", text: "≥95%" }],
    ["20万元", { kind: "quantitative", comparator: null, value: 20, unit: "万元", text: "20万元" }],
    ["100", { kind: "quantitative", comparator: null, value: 100, unit: "", text: "100" }],
    ["≤3%", { kind: "quantitative", comparator: "≤", value: 3, unit: "%", text: "≤3%" }],
    ["W100%", { kind: "unreadable", text: "W100%" }],
    ["第O份", { kind: "unreadable", text: "第O份" }],
    ["到0次", { kind: "unreadable", text: "到0次" }],
    ["95.", { kind: "unreadable", text: "95." }],
    ["显著提升", { kind: "qualitative", text: "显著提升" }],
    ["按时完成", { kind: "qualitative", text: "按时完成" }],
    ["7*24", { kind: "qualitative", text: "7*24" }],
  ])("%j", (text, target) => {
    expect(parseTargetText(text)).toEqual(target);
  });

  it("keeps an unreadable target through the report model's input and output schemas", () => {
    const read = TargetInputSchema.parse("XlO0%");
    expect(read).toEqual({ kind: "unreadable", text: "XlO0%" });
    expect(TargetInputSchema.parse(read)).toEqual(read);
    expect(TargetSchema.parse(read)).toEqual(read);
  });
});
