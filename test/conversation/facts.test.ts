import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/conversation/facts.ts";

function facts(text: string, assumeWan = false) {
  const f = extractFacts(text, assumeWan);
  return {
    hits: f.hits.map((h) => [h.field.path.join("."), h.value]),
    problems: f.problems.map((p) => p.code),
    leftovers: f.leftovers,
  };
}

describe("an officer's first line: unit, year, project and kind in one sentence (issue 15)", () => {
  it("宁德市数字宁德建设办公室，2018年度政务网等运行维护费项目支出绩效自评，地区：福建省宁德市", () => {
    const f = extractFacts(
      "宁德市数字宁德建设办公室，2018年度政务网等运行维护费项目支出绩效自评，地区：福建省宁德市",
      false,
    );
    expect(f.hits.map((h) => [h.field.path.join("."), h.value])).toEqual([
      ["unit.region", "福建省宁德市"],
      ["year", 2018],
      ["kind", "project"],
      ["project", "政务网等运行维护费"],
    ]);
    // The unit is what is left, for the question being asked (单位名称); the project is not in it.
    expect(f.leftovers).toEqual(["宁德市数字宁德建设办公室"]);
  });

  it("a clause that does not start with its year is left as it was", () => {
    expect(facts("我们开展了2021年度项目支出绩效自评").hits).toEqual([
      ["year", 2021],
      ["kind", "project"],
    ]);
  });
});

describe("small words between a label and its number do not refuse the message (issue 15)", () => {
  it.each([
    ["调整后也是318.91万", [["budget.adjusted", "318.91万元"]]],
    [
      "年初预算318.91万，调整后预算均为318.91万",
      [
        ["budget.initial", "318.91万元"],
        ["budget.adjusted", "318.91万元"],
      ],
    ],
    ["执行数共计191.12万元", [["budget.executed", "191.12万元"]]],
  ])("%s", (text, hits) => {
    expect(facts(text, true)).toEqual({ hits, problems: [], leftovers: [] });
  });

  it("an approximate amount is still asked for exactly", () => {
    expect(facts("调整后预算大约318.91万元").problems).toEqual(["answer.vague"]);
  });
});

describe("extractFacts reads several facts in one message", () => {
  it("reads the three budget figures of the issue's example, bare 万 as 万元", () => {
    expect(facts("年初预算561.41万，调整后561.41万，执行545.06万")).toEqual({
      hits: [
        ["budget.initial", "561.41万元"],
        ["budget.adjusted", "561.41万元"],
        ["budget.executed", "545.06万元"],
      ],
      problems: [],
      leftovers: [],
    });
  });

  it("carries a topic over the following clauses (三公经费, then 结转结余)", () => {
    expect(facts("三公经费年初预算0万元，实际支出0万元，控制率0%；结转结余率0%").hits).toEqual([
      ["budget.threePublicExpenses.budget", "0万元"],
      ["budget.threePublicExpenses.actual", "0万元"],
      ["budget.threePublicExpenses.reportedRate", "0%"],
      ["budget.carryover.reportedRate", "0%"],
    ]);
  });

  it("reads labelled and implicit facts and leaves the unit name as a leftover", () => {
    expect(facts("郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区")).toEqual({
      hits: [
        ["unit.region", "河南省郑州市金水区"],
        ["year", 2021],
        ["kind", "department"],
      ],
      problems: [],
      leftovers: ["郑州市金水区电子政务中心"],
    });
  });

  it("reads 预算执行率 as the rate, not as 执行 followed by 率", () => {
    expect(facts("预算执行率97%，分值10，得分9").hits).toEqual([
      ["budget.reportedRate", "97%"],
      ["budget.weight", 10],
      ["budget.score", 9],
    ]);
  });

  it("reads 基本支出 and 项目支出 rows without taking 支出 as the executed amount", () => {
    expect(facts("基本支出年初预算253.53万元，执行253.53万元").hits).toEqual([
      ["budget.structure.basic.initial", "253.53万元"],
      ["budget.structure.basic.executed", "253.53万元"],
    ]);
  });

  it("does not read a unit name containing 支出 as an amount", () => {
    expect(facts("郑州市财政支出管理中心")).toEqual({
      hits: [],
      problems: [],
      leftovers: ["郑州市财政支出管理中心"],
    });
  });

  it("reports a vague amount as a problem naming the field instead of guessing", () => {
    const f = extractFacts("年初预算五百多万", false);
    expect(f.hits).toEqual([]);
    expect(f.problems[0]?.code).toBe("answer.vague");
    expect(f.problems[0]?.message).toContain("“年初预算数”");
    expect(f.problems[0]?.message).toContain("561.41万元");
  });

  it("rejects a negative amount with the field's name", () => {
    const f = extractFacts("执行-3万元", false);
    expect(f.problems.map((p) => p.code)).toEqual(["answer.negative"]);
    expect(f.problems[0]?.message).toContain("“预算执行数”不能为负数");
  });

  it("asks for a unit when a bare amount is not known to be in 万元", () => {
    expect(facts("年初预算561.41").problems).toEqual(["amount.unit_missing"]);
    expect(facts("年初预算561.41", true).hits).toEqual([["budget.initial", "561.41万元"]]);
  });

  it("reads preparer, phone, score and grade", () => {
    expect(facts("填表人刘媛媛，电话63526383，自评得分96，等级优").hits).toEqual([
      ["preparer.name", "刘媛媛"],
      ["preparer.phone", "63526383"],
      ["summary.total", 96],
      ["summary.grade", "优"],
    ]);
  });
});

describe("an ASCII comma between digits stays inside the number (issue 16)", () => {
  it("年初预算561,41万 is the 年初预算 refused with the decimal-comma message, not 561 without a unit", () => {
    const facts = extractFacts("年初预算561,41万", false);
    expect(facts.hits).toEqual([]);
    expect(facts.problems.map((p) => p.message)).toEqual([
      "“年初预算数”：无法识别数字“561,41万”：逗号“,”后面只有2位数字，像是把逗号当成了小数点，无法确定数值；小数点请写“.”，例如“561.41万元”（千分位逗号每三位一个，例如“1,234.5”）。请填写阿拉伯数字或中文数字，例如“561.41万元”“97%”或“百分之九十七”。",
    ]);
  });

  it("a comma after a unit still breaks the clause", () => {
    const facts = extractFacts("年初预算561.41万,调整后预算1,234.5万", false);
    expect(facts.hits.map((h) => [h.field.label, h.value])).toEqual([
      ["年初预算数", "561.41万元"],
      ["调整后预算数", "1234.5万元"],
    ]);
  });
});
