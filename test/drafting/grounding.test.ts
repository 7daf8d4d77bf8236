import { describe, expect, it } from "vitest";
import type { Fact, FactSheet, FactUnit } from "../../src/drafting/draft-types.ts";
import { checkGrounding } from "../../src/drafting/grounding.ts";

function fact(key: string, value: number, unit: FactUnit, text: string): Fact {
  return { key, label: key, value, unit, text, derived: false };
}

const sheet: FactSheet = {
  facts: [
    fact("year", 2021, "年", "2021年"),
    fact("year.previous", 2020, "年", "2020年"),
    fact("year.next", 2022, "年", "2022年"),
    fact("budget.executed", 545.06, "万元", "545.06万元"),
    fact("budget.adjusted", 627.2512, "万元", "627.2512万元"),
    { ...fact("budget.rate", 97.09, "%", "97.09%"), label: "预算执行率（计算值）" },
    fact("score.total", 92.71, "分", "92.71分"),
    fact("indicator.32.gap", 2, "个百分点", "2个百分点"),
    fact("tasks.count", 8, "项", "8项"),
    fact("budget.staff.actual", 15, "人", "15人"),
    fact("indicator.3.actual", 5, "", "5台"),
  ],
  missing: [],
};

/** The texts of the ungrounded numbers. */
const ungrounded = (text: string, options?: { allowSmallCounts?: number }) =>
  checkGrounding(text, sheet, options).map((u) => u.mention.text);

describe("checkGrounding", () => {
  it("reports an invented execution rate with a reason naming it", () => {
    expect(checkGrounding("预算执行率98.5%", sheet)).toEqual([
      {
        mention: { text: "98.5%", start: 5, end: 10, value: 98.5, unit: "%", decimals: 1 },
        reason: "比率“98.5%”在事实表中没有对应的数据（按单位换算并按写出的精度取舍后仍对不上）",
      },
    ]);
  });

  it.each([
    ["预算执行数545.06万元"],
    ["预算执行数5,450,600元"],
    ["预算执行数5450600.00元"],
    ["约545.1万元"],
    ["约545万元"],
    ["调整预算6,272,512.00元"],
  ])("grounds %s against 545.06万元 / 627.2512万元", (text) => {
    expect(ungrounded(text)).toEqual([]);
  });

  it("does not ground an amount that rounds to another figure: 546万元, 5,450,000元", () => {
    expect(ungrounded("执行546万元，即5,450,000元")).toEqual(["546万元", "5,450,000元"]);
  });

  it("grounds 97.09%, 97.1%, 97% and 百分之九十七 against 97.09%, and not 98% or 97.2%", () => {
    expect(ungrounded("执行率97.09%，约97.1%，即97%，百分之九十七")).toEqual([]);
    expect(ungrounded("执行率98%，或97.2%")).toEqual(["98%", "97.2%"]);
  });

  it("grounds points rounded to their precision: 92.71分, 92.7分, 93分 but not 92分", () => {
    expect(ungrounded("总分92.71分，约92.7分，约93分，不是92分")).toEqual(["92分"]);
  });

  it("grounds 个百分点 only against 个百分点 facts", () => {
    expect(ungrounded("低于目标2个百分点，不是3个百分点")).toEqual(["3个百分点"]);
    expect(ungrounded("低于目标5个百分点")).toEqual(["5个百分点"]);
    expect(ungrounded("低于目标97.09个百分点")).toEqual(["97.09个百分点"]);
  });

  it("grounds counts against count facts and unit-less facts, whatever the counter", () => {
    expect(ungrounded("共8项任务，在职15人（15名），采购5台")).toEqual([]);
    expect(ungrounded("共9项任务，采购6台")).toEqual(["9项", "6台"]);
  });

  it("grounds small enumeration counts without a fact, up to allowSmallCounts", () => {
    expect(ungrounded("从两个方面采取三项措施")).toEqual([]);
    expect(ungrounded("采取四项措施")).toEqual(["四项"]);
    expect(ungrounded("采取四项措施", { allowSmallCounts: 5 })).toEqual([]);
    expect(ungrounded("从两个方面推进", { allowSmallCounts: 0 })).toEqual(["两个"]);
  });

  it("always grounds 100% and 100分, the scale itself", () => {
    expect(ungrounded("完成率100%，满分100分，百分之百完成")).toEqual([]);
  });

  it("grounds the report year and the years either side only", () => {
    expect(ungrounded("2020年、2021年度、2022年、二〇二一年")).toEqual([]);
    expect(checkGrounding("2019年", sheet)[0]?.reason).toBe(
      "年份“2019年”不是本报告的年度或其前后一年（可写的年份：2021年、2020年、2022年）",
    );
  });

  it("does not treat words holding numerals as figures", () => {
    expect(ungrounded("“三公经费”控制严格，进一步统一一般公共预算管理，落实“十四五”规划")).toEqual([]);
  });

  it("grounds nothing against an empty sheet except the scale and small counts", () => {
    const empty: FactSheet = { facts: [], missing: [] };
    const found = checkGrounding("执行545.06万元，完成率100%，两项任务，2021年", empty).map(
      (u) => u.mention.text,
    );
    expect(found).toEqual(["545.06万元", "2021年"]);
  });
});

describe("checkGrounding on numbers without unit", () => {
  it("grounds a bare number against any fact in the fact's own unit: a formula's operands", () => {
    expect(ungrounded("预算执行率=545.06÷627.2512×100%=86.9%")).toEqual(["86.9%"]);
    expect(ungrounded("制定了2021等全年工作任务")).toEqual([]);
  });

  it("does not ground a bare number no fact carries", () => {
    expect(ungrounded("共计63526383")).toEqual(["63526383"]);
  });
});

describe("checkGrounding: a number is grounded only by a fact about the same thing", () => {
  const labelled = (key: string, label: string, value: number): Fact => ({
    key,
    label,
    value,
    unit: "%",
    text: `${value}%`,
    derived: false,
  });
  const rates: FactSheet = {
    facts: [
      labelled("budget.rate", "预算执行率（预算执行数÷调整后预算数，计算值）", 97.09),
      labelled("indicator.3.target", "“项目完成率”指标值", 95),
      labelled("indicator.3.actual", "“项目完成率”实际完成值", 98),
      labelled("indicator.4.target", "“设备完好率”指标值", 98),
    ],
    missing: [],
  };
  const wrong = (text: string, s: FactSheet = rates) => checkGrounding(text, s).map((u) => u.mention.text);

  it("refuses 群众满意度达到98% when 98% is only the target of 设备完好率 (and 项目完成率), naming them", () => {
    expect(checkGrounding("群众满意度达到98%", rates)).toEqual([
      {
        mention: { text: "98%", start: 7, end: 10, value: 98, unit: "%", decimals: 0 },
        reason:
          "比率“98%”是“项目完成率”实际完成值、“设备完好率”指标值的数据，不是满意度（事实表中没有满意度）",
      },
    ]);
  });

  it("accepts the same sentence when 满意度 (or 满意率) itself is 98%", () => {
    const own = {
      ...rates,
      facts: [...rates.facts, labelled("indicator.5.actual", "“服务对象满意度”实际完成值", 98)],
    };
    expect(wrong("群众满意度达到98%", own)).toEqual([]);
    const rate = { ...rates, facts: [labelled("indicator.5.actual", "“社会公众满意率”实际完成值", 98)] };
    expect(wrong("群众满意度达到98%", rate)).toEqual([]);
  });

  it("takes a rate named before the figure only from that rate's facts: 100% and another rate's 98% refused", () => {
    expect(wrong("预算执行率为97.09%，约97.1%；项目完成率98%，高于目标95%；资金使用率97.09%")).toEqual([]);
    expect(checkGrounding("预算执行率达到100%", rates).map((u) => u.reason)).toEqual([
      "比率“100%”不是执行率（事实表中的执行率：预算执行率（预算执行数÷调整后预算数，计算值） 97.09%）",
    ]);
    expect(wrong("预算执行率98%")).toEqual(["98%"]);
  });

  it("leaves 100% as the scale for a rate no fact names, and a figure after no rate word to any fact", () => {
    expect(wrong("群众满意度100%，达到98%")).toEqual([]);
  });

  it("reads the rate's qualifier: 全年预算执行率 is the whole budget's, not 基本支出's 100% or a task's", () => {
    const budget: FactSheet = {
      facts: [
        labelled("budget.rate", "预算执行率（预算执行数÷调整后预算数，计算值）", 97.09),
        labelled("budget.basic.rate", "基本支出预算执行率（预算执行数÷调整后预算数，计算值）", 100),
        labelled("budget.project.rate", "项目支出预算执行率（预算执行数÷调整后预算数，计算值）", 94.69),
        labelled("task.3.rate", "任务“全区互联网年租用费”执行率（计算值）", 100),
      ],
      missing: [],
    };
    expect(wrong("全年预算执行率达到100%", budget)).toEqual(["100%"]);
    expect(wrong("项目支出预算执行率为97.09%", budget)).toEqual(["97.09%"]);
    expect(wrong("基本支出预算执行率100%，项目支出预算执行率94.69%，资金使用率97.09%", budget)).toEqual([]);
  });
});
