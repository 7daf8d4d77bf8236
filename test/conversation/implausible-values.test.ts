import { describe, expect, it } from "vitest";
import { amendQueried, implausibleQuery } from "../../src/conversation/implausible-values.ts";
import type { Json } from "../../src/conversation/patch.ts";

const row = (name: string, actual: string) => ({ name, target: "≥95%", actual });
const withRows = (...rows: ReturnType<typeof row>[]): Json => ({
  schemaVersion: 1,
  indicators: [{ name: "产出", groups: [{ name: "质量", indicators: rows }] }],
});
const FOOTER = "回复“确认”照此保存，“取消”放弃，或直接写正确的值，例如";

/** The question for setting `path` to `after` in `doc`, or undefined. */
function ask(doc: Json, path: (string | number)[], after: Json): string | undefined {
  return implausibleQuery(doc, [{ path, after }])?.text;
}

describe("which values are queried before saving", () => {
  const actual = ["indicators", 0, "groups", 0, "indicators", 0, "actual"];
  it.each([
    [
      "满意度 above 100%",
      "群众满意度",
      "105%",
      `第1个指标“群众满意度”的实际完成值是 105%：“群众满意度”不会超过100%。请核对。${FOOTER}“改成100%”。`,
    ],
    [
      "占比 above 100%",
      "本地采购占比",
      "100.5%",
      `第1个指标“本地采购占比”的实际完成值是 100.5%：“本地采购占比”不会超过100%。请核对。${FOOTER}“改成100%”。`,
    ],
    ["a 完成率 may pass 100% (over-achievement)", "任务完成率", "130%", undefined],
    ["a 增长率 may pass 100%", "访问量增长率", "250%", undefined],
    ["a 执行率 indicator up to 120% is possible", "预算执行率", "110%", undefined],
    [
      "a 执行率 indicator above 120% is rare",
      "预算执行率",
      "130%",
      `第1个指标“预算执行率”的实际完成值是 130%：“预算执行率”超过120%很少见。请核对。${FOOTER}“改成100%”。`,
    ],
    ["a share of exactly 100% is fine", "验收合格率", "100%", undefined],
  ])("%s", (_name, name, value, expected) => {
    expect(ask(withRows(row(name, "90%")), actual, value)).toBe(expected);
  });

  it("an unchanged implausible value is not asked about again", () => {
    const doc = withRows(row("群众满意度", "105%"));
    expect(implausibleQuery(doc, [{ path: ["preparer", "name"], after: "刘媛媛" }])).toBeUndefined();
  });

  it("a stated rate is asked about only while no figures check it; 结转结余率 never passes 100%", () => {
    const empty: Json = { schemaVersion: 1 };
    expect(ask(empty, ["budget", "threePublicExpenses", "reportedRate"], "180%")).toBe(
      `“三公”经费控制率是 180%：超过120%很少见。请核对。${FOOTER}“改成100%”。`,
    );
    const figures: Json = {
      schemaVersion: 1,
      budget: { threePublicExpenses: { budget: "7.2万元", actual: "0.04万元" } },
    };
    expect(ask(figures, ["budget", "threePublicExpenses", "reportedRate"], "180%")).toBeUndefined();
    expect(ask(empty, ["budget", "carryover", "reportedRate"], "101%")).toBe(
      `结转结余率是 101%：不会超过100%。请核对。${FOOTER}“改成100%”。`,
    );
  });

  it("到位资金 is compared with 计划投入资金 before the budget (500 ÷ 400 = 125%)", () => {
    const doc: Json = { schemaVersion: 1, budget: { adjusted: "600万元", funds: { planned: "400万元" } } };
    expect(ask(doc, ["budget", "funds", "received"], "500万元")).toBe(
      `实际到位资金 500万元 是计划投入资金 400万元 的 125%（资金到位率超过100%）：到位资金一般不会多于计划投入资金。请核对单位和数字。${FOOTER}“改成400万元”。`,
    );
    expect(ask(doc, ["budget", "funds", "received"], "400万元")).toBeUndefined();
  });

  it("改成… replaces the queried value inside the waiting changes and their summary", () => {
    const doc = withRows(row("群众满意度", "90%"));
    const pending = {
      summary: "第1个指标“群众满意度”的实际完成值：90% → 105%",
      changes: [
        { path: ["indicators", 0, "groups", 0, "indicators", 0, "actual"], before: "90%", after: "105%" },
      ],
    };
    expect(amendQueried(doc, pending, "改成98%")).toEqual({
      ok: true,
      value: {
        changes: [
          { path: ["indicators", 0, "groups", 0, "indicators", 0, "actual"], before: "90%", after: "98%" },
        ],
        summary: "第1个指标“群众满意度”的实际完成值：90% → 98%",
        notes: [],
      },
    });
    expect(amendQueried(doc, pending, "好的")).toBeNull();
  });
});
