import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Report, ReportSchema } from "../../src/core/report.ts";
import type { FactSheet } from "../../src/drafting/draft-types.ts";
import { collectFacts } from "../../src/drafting/facts.ts";
import { checkGrounding } from "../../src/drafting/grounding.ts";
import { score } from "../../src/scoring/score.ts";
import { loadScheme } from "../../src/services/scheme-files.ts";

function seedJson(name: string): Record<string, unknown> {
  const path = join(import.meta.dirname, "../../fixtures/reports", `${name}.json`);
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

/** The fact with `key`. */
function factOf(sheet: FactSheet, key: string) {
  return sheet.facts.find((f) => f.key === key);
}

function sheetOf(json: unknown): FactSheet {
  const report: Report = ReportSchema.parse(json);
  const scheme = loadScheme(report.schemeId ?? "");
  if (!scheme.ok) throw new Error(scheme.error.message);
  return collectFacts(report, score(report, scheme.value));
}

/** value, unit and text of a fact, or undefined when the sheet lacks it. */
function figure(sheet: FactSheet, key: string): [number, string, string] | undefined {
  const f = factOf(sheet, key);
  return f === undefined ? undefined : [f.value, f.unit, f.text];
}

describe("collectFacts on seed 000 (金水区电子政务中心 2021)", () => {
  const sheet = sheetOf(seedJson("seed-000"));

  it("gives the year and the years either side of it", () => {
    expect(figure(sheet, "year")).toEqual([2021, "年", "2021年"]);
    expect(figure(sheet, "year.previous")).toEqual([2020, "年", "2020年"]);
    expect(figure(sheet, "year.next")).toEqual([2022, "年", "2022年"]);
  });

  it("gives the budget in 万元 with the execution rate computed on the adjusted budget", () => {
    expect(figure(sheet, "budget.initial")).toEqual([561.41, "万元", "561.41万元"]);
    expect(figure(sheet, "budget.adjusted")).toEqual([561.41, "万元", "561.41万元"]);
    expect(figure(sheet, "budget.executed")).toEqual([545.06, "万元", "545.06万元"]);
    // 561.41 − 545.06 = 16.35; 545.06 ÷ 561.41 = 97.0877% → 97.09%.
    expect(figure(sheet, "budget.unspent")).toEqual([16.35, "万元", "16.35万元"]);
    expect(figure(sheet, "budget.rate")).toEqual([97.09, "%", "97.09%"]);
    expect(figure(sheet, "budget.reportedRate")).toEqual([97, "%", "97%"]);
    expect(factOf(sheet, "budget.executed")?.label).toBe("预算执行数");
    expect(factOf(sheet, "budget.rate")?.derived).toBe(true);
    expect(factOf(sheet, "budget.executed")?.derived).toBe(false);
  });

  it("scores the 预算执行率 row proportionally: 10 × 97.09% = 9.71, 0.29 lost, 9 reported", () => {
    expect(figure(sheet, "budget.weight")).toEqual([10, "分", "10分"]);
    expect(figure(sheet, "budget.points")).toEqual([9.71, "分", "9.71分"]);
    expect(figure(sheet, "budget.lost")).toEqual([0.29, "分", "0.29分"]);
    expect(figure(sheet, "budget.reported")).toEqual([9, "分", "9分"]);
  });

  it("gives the sub-rows with their own rates: 项目支出 291.53 ÷ 307.88 = 94.69%", () => {
    expect(figure(sheet, "budget.fiscal.executed")).toEqual([545.06, "万元", "545.06万元"]);
    expect(figure(sheet, "budget.basic.rate")).toEqual([100, "%", "100%"]);
    expect(figure(sheet, "budget.project.rate")).toEqual([94.69, "%", "94.69%"]);
    expect(figure(sheet, "budget.project.reportedRate")).toEqual([95, "%", "95%"]);
    expect(figure(sheet, "budget.threePublicExpenses.budget")).toEqual([0, "万元", "0万元"]);
    // 0 ÷ 0: no rate rather than 0% or 100%.
    expect(factOf(sheet, "budget.threePublicExpenses.rate")).toBeUndefined();
    expect(factOf(sheet, "budget.other.rate")).toBeUndefined();
  });

  it("gives the total by the rules (92.71), the stated total (96) and both losses", () => {
    expect(figure(sheet, "score.total")).toEqual([92.71, "分", "92.71分"]);
    expect(figure(sheet, "score.reported")).toEqual([96, "分", "96分"]);
    expect(figure(sheet, "score.lost")).toEqual([7.29, "分", "7.29分"]);
    expect(figure(sheet, "score.reportedLost")).toEqual([4, "分", "4分"]);
  });

  it("gives each block's points and 得分率: 效益 24 of 30 = 80%, 预算执行 9.71 of 10 = 97.1%", () => {
    expect(figure(sheet, "block.outcome.weight")).toEqual([30, "分", "30分"]);
    expect(figure(sheet, "block.outcome.points")).toEqual([24, "分", "24分"]);
    expect(figure(sheet, "block.outcome.lost")).toEqual([6, "分", "6分"]);
    expect(figure(sheet, "block.outcome.rate")).toEqual([80, "%", "80%"]);
    expect(figure(sheet, "block.outcome.reported")).toEqual([28, "分", "28分"]);
    expect(figure(sheet, "block.budget.rate")).toEqual([97.1, "%", "97.1%"]);
    expect(figure(sheet, "block.input.rate")).toEqual([95, "%", "95%"]);
    expect(factOf(sheet, "block.outcome.rate")?.label).toBe("“效益指标”得分率（得分÷分值）");
  });

  it("numbers the indicator rows without the budget row: 6 is 预算执行率 ≥97%, actual 97.09% derived", () => {
    expect(figure(sheet, "indicator.6.target")).toEqual([97, "%", "97%"]);
    expect(figure(sheet, "indicator.6.actual")).toEqual([97.09, "%", "97.09%"]);
    expect(factOf(sheet, "indicator.6.actual")?.derived).toBe(true);
    expect(figure(sheet, "indicator.6.gap")).toEqual([0.09, "个百分点", "0.09个百分点"]);
    expect(factOf(sheet, "indicator.6.gap")?.label).toBe("“预算执行率”实际完成值高于指标值的差距");
    expect(figure(sheet, "indicator.6.weight")).toEqual([2, "分", "2分"]);
    expect(figure(sheet, "indicator.6.reported")).toEqual([1, "分", "1分"]);
  });

  it("names the indicator in labels: 32 is 辖区居民满意, 5 by the rules and 4 as reported", () => {
    expect(factOf(sheet, "indicator.32.points")?.label).toBe("“辖区居民满意”得分（按评分规则）");
    expect(figure(sheet, "indicator.32.points")).toEqual([5, "分", "5分"]);
    expect(figure(sheet, "indicator.32.reported")).toEqual([4, "分", "4分"]);
    expect(figure(sheet, "indicator.32.gap")).toEqual([2, "个百分点", "2个百分点"]);
    expect(figure(sheet, "indicator.8.lost")).toEqual([1, "分", "1分"]);
  });

  it("gives no target or actual for a qualitative row (提高业务工作水平)", () => {
    expect(factOf(sheet, "indicator.28.points")?.value).toBe(4);
    expect(factOf(sheet, "indicator.28.target")).toBeUndefined();
    expect(factOf(sheet, "indicator.28.actual")).toBeUndefined();
  });

  it("gives the tasks, their sums (307.92 and 291.526 万元) and task 6's rate 21.456 ÷ 28.5 = 75.28%", () => {
    expect(figure(sheet, "tasks.count")).toEqual([8, "项", "8项"]);
    expect(figure(sheet, "tasks.budget")).toEqual([307.92, "万元", "307.92万元"]);
    expect(figure(sheet, "tasks.executed")).toEqual([291.526, "万元", "291.526万元"]);
    expect(figure(sheet, "task.6.executed")).toEqual([21.456, "万元", "21.456万元"]);
    expect(figure(sheet, "task.6.rate")).toEqual([75.28, "%", "75.28%"]);
  });

  it("counts 32 indicators, 30 with full points and 4 rule deductions", () => {
    expect(figure(sheet, "indicators.count")).toEqual([32, "个", "32个"]);
    expect(figure(sheet, "indicators.full")).toEqual([30, "个", "30个"]);
    expect(figure(sheet, "deductions.count")).toEqual([4, "项", "4项"]);
  });

  it("gives the card's computed common indicators as derived.<key>", () => {
    expect(figure(sheet, "derived.executionRate")).toEqual([97.09, "%", "97.09%"]);
    expect(figure(sheet, "derived.adjustmentRate")).toEqual([0, "%", "0%"]);
    expect(factOf(sheet, "derived.carryoverRate")).toBeUndefined();
  });

  it("has unique keys, misses nothing, and grounds every text it prints", () => {
    const keys = sheet.facts.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sheet.missing).toEqual([]);
    expect(checkGrounding(sheet.facts.map((f) => f.text).join("，"), sheet)).toEqual([]);
  });
});

describe("collectFacts on seed 003 (amounts in 元)", () => {
  const sheet = sheetOf(seedJson("seed-003"));

  it("converts 6,272,512.00元 to 627.2512万元 and computes 11,124,990.85 ÷ 6,272,512 = 177.36%", () => {
    expect(figure(sheet, "budget.adjusted")).toEqual([627.2512, "万元", "627.2512万元"]);
    expect(figure(sheet, "budget.executed")).toEqual([1112.499085, "万元", "1112.4991万元"]);
    expect(figure(sheet, "budget.rate")).toEqual([177.36, "%", "177.36%"]);
    expect(figure(sheet, "budget.reportedRate")).toEqual([100, "%", "100.00%"]);
    expect(figure(sheet, "budget.staff.authorized")).toEqual([15, "人", "15人"]);
    expect(figure(sheet, "budget.threePublicExpenses.rate")).toEqual([47.5, "%", "47.5%"]);
    expect(factOf(sheet, "budget.threePublicExpenses.rate")?.label).toBe(
      "“三公经费”控制率（“三公经费”实际支出÷“三公经费”预算数，计算值）",
    );
  });

  it("grounds every text it prints", () => {
    expect(checkGrounding(sheet.facts.map((f) => f.text).join("，"), sheet)).toEqual([]);
  });
});

describe("collectFacts on a report with half its figures missing", () => {
  const json = seedJson("seed-000") as {
    budget: Record<string, unknown>;
    indicators: Array<{ groups: Array<{ indicators: Array<Record<string, unknown>> }> }>;
    summary: Record<string, unknown>;
  };
  delete json.budget.executed;
  const outcome = json.indicators[2]?.groups ?? [];
  // 保障政务网络安全 (row 30) and 辖区居民满意 (row 32) lose their actual values.
  delete outcome[0]?.indicators[2]?.actual;
  delete outcome[1]?.indicators[1]?.actual;
  delete json.summary.total;
  const sheet = sheetOf(json);

  it("lists exactly the executed amount and the two actual values (a draft states the rules' total, so no stated total is needed)", () => {
    expect(sheet.missing).toEqual([
      { key: "budget.executed", label: "预算执行数" },
      { key: "indicator.30.actual", label: "“保障政务网络安全”实际完成值" },
      { key: "indicator.32.actual", label: "“辖区居民满意”实际完成值" },
    ]);
  });

  it("gives no figure computed from the executed amount", () => {
    expect(factOf(sheet, "budget.executed")).toBeUndefined();
    expect(factOf(sheet, "budget.rate")).toBeUndefined();
    expect(factOf(sheet, "budget.unspent")).toBeUndefined();
    expect(factOf(sheet, "indicator.32.actual")).toBeUndefined();
    expect(figure(sheet, "indicator.32.target")).toEqual([98, "%", "98%"]);
  });

  it("asks for the budget when neither the adjusted nor the initial amount is given", () => {
    const bare = seedJson("seed-000") as { budget: Record<string, unknown> };
    bare.budget = { weight: 10, score: 9 };
    expect(sheetOf(bare).missing.slice(0, 2)).toEqual([
      { key: "budget.adjusted", label: "调整后预算数（或年初预算数）" },
      { key: "budget.executed", label: "预算执行数" },
    ]);
  });
});

describe("collectFacts on an unadjusted budget", () => {
  it("computes the rate and the unspent amount on 年初预算数: 95 ÷ 100 = 95%, 5万元 left", () => {
    const json = seedJson("seed-000") as { budget: Record<string, unknown> };
    json.budget = { initial: "100万元", executed: "95万元", weight: 10 };
    const sheet = sheetOf(json);
    expect(figure(sheet, "budget.rate")).toEqual([95, "%", "95%"]);
    expect(factOf(sheet, "budget.rate")?.label).toBe("预算执行率（预算执行数÷年初预算数，计算值）");
    expect(figure(sheet, "budget.unspent")).toEqual([5, "万元", "5万元"]);
    expect(factOf(sheet, "budget.adjusted")).toBeUndefined();
  });
});

describe("collectFacts on counted targets", () => {
  it("keeps the counter of the 度量单位 column: ≥5 台 with 6 done gives 5台 and 6台, no gap", () => {
    const json = seedJson("seed-000") as {
      indicators: Array<{ groups: Array<{ indicators: Array<Record<string, unknown>> }> }>;
    };
    const row = json.indicators[0]?.groups[1]?.indicators[1];
    if (row === undefined) throw new Error("seed 000 has no 专项资金细化率 row");
    Object.assign(row, { target: "≥5", unit: "台", actual: "6" });
    const sheet = sheetOf(json);
    expect(figure(sheet, "indicator.5.target")).toEqual([5, "", "5台"]);
    expect(figure(sheet, "indicator.5.actual")).toEqual([6, "", "6台"]);
    expect(factOf(sheet, "indicator.5.gap")).toBeUndefined();
  });

  it("uses a fact unit when the column names one: ≥3 个 gives 3个", () => {
    const json = seedJson("seed-000") as {
      indicators: Array<{ groups: Array<{ indicators: Array<Record<string, unknown>> }> }>;
    };
    const row = json.indicators[0]?.groups[1]?.indicators[1];
    if (row === undefined) throw new Error("seed 000 has no 专项资金细化率 row");
    Object.assign(row, { target: "≥3", unit: "个", actual: "3" });
    expect(figure(sheetOf(json), "indicator.5.target")).toEqual([3, "个", "3个"]);
  });
});
