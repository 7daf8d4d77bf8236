import { describe, expect, it } from "vitest";
import type { FactSheet } from "../../src/drafting/draft-types.ts";
import { fillPlaceholders, placeholderKeys } from "../../src/drafting/placeholders.ts";

const sheet: FactSheet = {
  facts: [
    {
      key: "budget.executed",
      label: "预算执行数",
      value: 545.06,
      unit: "万元",
      text: "545.06万元",
      derived: false,
    },
    { key: "budget.rate", label: "预算执行率", value: 97.09, unit: "%", text: "97.09%", derived: true },
    { key: "year", label: "评价年度", value: 2021, unit: "年", text: "2021年", derived: false },
  ],
  missing: [
    { key: "indicator.30.actual", label: "“保障政务网络安全”实际完成值" },
    { key: "score.reported", label: "自评得分" },
  ],
};

describe("placeholderKeys", () => {
  it("lists each key once in order of first use, spaces and full-width brackets allowed", () => {
    expect(placeholderKeys("[[year]]执行[[ budget.executed ]]，率【【budget.rate】】，又[[year]]")).toEqual([
      "year",
      "budget.executed",
      "budget.rate",
    ]);
  });

  it("finds nothing in text without placeholders, or with single brackets", () => {
    expect(placeholderKeys("预算执行率[97%]，【说明】")).toEqual([]);
  });
});

describe("fillPlaceholders", () => {
  it("puts each fact's text in place and lists the keys used", () => {
    const filled = fillPlaceholders("[[year]]预算执行[[budget.executed]]，执行率[[ budget.rate ]]。", sheet);
    expect(filled).toEqual({
      ok: true,
      value: {
        text: "2021年预算执行545.06万元，执行率97.09%。",
        used: ["year", "budget.executed", "budget.rate"],
      },
    });
  });

  it("fills full-width brackets too", () => {
    const filled = fillPlaceholders("执行率【【budget.rate】】", sheet);
    expect(filled.ok && filled.value.text).toBe("执行率97.09%");
  });

  it("leaves text without placeholders as it is", () => {
    expect(fillPlaceholders("本年度无变化。", sheet)).toEqual({
      ok: true,
      value: { text: "本年度无变化。", used: [] },
    });
  });

  it("fails with placeholder.unknown naming every key the sheet does not have", () => {
    expect(fillPlaceholders("[[budget.rate]]，[[budget.executd]]，[[预算执行数]]", sheet)).toEqual({
      ok: false,
      error: {
        code: "placeholder.unknown",
        message:
          "占位符[[budget.executd]]、[[预算执行数]]不在事实表中：只能使用事实表列出的key，例如[[budget.executed]]；表中没有的数字写“报告未提供”",
        path: "budget.executd",
      },
    });
  });

  it("fails with placeholder.missing for a figure the report lacks, naming it", () => {
    expect(fillPlaceholders("实际完成[[indicator.30.actual]]", sheet)).toEqual({
      ok: false,
      error: {
        code: "placeholder.missing",
        message:
          "占位符[[indicator.30.actual]]对应的数据报告中没有（“保障政务网络安全”实际完成值）：不要引用该数字，请写明报告未提供该数据",
        path: "indicator.30.actual",
      },
    });
  });

  it("reports an unknown key before a missing one", () => {
    const filled = fillPlaceholders("[[score.reported]]，[[score.made_up]]", sheet);
    expect(filled.ok ? "" : filled.error.code).toBe("placeholder.unknown");
  });
});
