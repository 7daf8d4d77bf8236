import { describe, expect, it } from "vitest";
import { measureKindOf, problemItems } from "../../src/drafting/problem-items.ts";
import type { IndicatorScore } from "../../src/scoring/score-card.ts";
import { draftInput, seedJson } from "./drafter-fixtures.ts";

const brief = (items: ReturnType<typeof problemItems>) =>
  items.map((i) => [i.source, i.name, i.lost, i.measure]);

describe("problemItems", () => {
  it("lists seed 000's rule losses largest first, then the rows the officer cut without basis", () => {
    const { card } = draftInput(seedJson("seed-000"));
    expect(brief(problemItems(card))).toEqual([
      ["structure", "效益指标", 5, "structure"],
      ["rule", "结转结余率", 1, "ratio"],
      ["rule", "提高业务工作水平", 1, "qualitative"],
      ["rule", "预算执行（预算执行率）", 0.29, "execution"],
      ["reported", "预算执行率", 1, "scoring"],
      ["reported", "辖区居民满意", 1, "scoring"],
    ]);
  });

  it("lists blocks the report has no rows for (seed 002), which deductionsOf leaves out", () => {
    const { card } = draftInput(seedJson("seed-002"));
    expect(brief(problemItems(card))).toEqual([
      ["structure", "产出指标", 40, "structure"],
      ["structure", "效益指标", 30, "structure"],
      ["structure", "投入管理指标", 20, "structure"],
    ]);
  });
});

describe("measureKindOf", () => {
  const row = (over: Partial<IndicatorScore>): IndicatorScore => ({
    path: "indicators[0].groups[0].indicators[0]",
    label: "产出指标 / 数量指标 / 指标",
    name: "指标",
    kind: "quantitative",
    rule: "quantitative.proportional",
    formula: "",
    weight: 5,
    points: 4,
    lost: 1,
    lossKind: "rule",
    restorable: 1,
    ...over,
  });

  it("reads what a row measures and how it was scored", () => {
    expect(measureKindOf(row({ name: "服务对象满意度" }))).toBe("satisfaction");
    expect(measureKindOf(row({ name: "项目资金支出进度" }))).toBe("execution");
    expect(measureKindOf(row({ kind: "budget", name: "预算执行率", rule: "budget.proportional" }))).toBe(
      "execution",
    );
    expect(measureKindOf(row({ name: "服务对象满意度", rule: "missing.actual" }))).toBe("missing");
    expect(measureKindOf(row({ name: "结转结余率", rule: "reverse.proportional" }))).toBe("ratio");
    expect(measureKindOf(row({ kind: "qualitative", rule: "qualitative.band" }))).toBe("qualitative");
    expect(measureKindOf(row({ name: "培训人次" }))).toBe("quantitative");
  });
});
