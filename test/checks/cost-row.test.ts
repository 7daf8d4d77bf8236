import { describe, expect, it } from "vitest";
import { checkCostRow } from "../../src/checks/check-cost-row.ts";
import { ReportSchema } from "../../src/core/report.ts";

function report(
  rows: Array<{ name: string; actual: string }>,
  executed = "125.25万元",
  project = "市民中心运行维护费",
) {
  return ReportSchema.parse({
    kind: "project",
    unit: { name: "鄂州市行政审批局" },
    year: 2021,
    project,
    budget: { initial: "150万元", adjusted: "150万元", executed },
    indicators: [
      {
        name: "产出指标",
        groups: [
          {
            name: "成本指标",
            indicators: rows.map((r) => ({ ...r, target: "150万", weight: 10, score: 10 })),
          },
        ],
      },
    ],
  });
}

describe("checkCostRow: the whole project's cost written twice", () => {
  it("a cost row named as the project, 150万 spent against 执行数 125.25万元, is a value.conflict", () => {
    const findings = checkCostRow(report([{ name: "市民中心运行维护费", actual: "150万" }]));
    expect(findings.map((f) => [f.code, f.where.label, f.where.quote, f.expected])).toEqual([
      ["value.conflict", "产出指标 / 成本指标 / 市民中心运行维护费", "150万", "125.25万元"],
    ]);
  });

  it("agreeing figures, an item's own cost, a planned figure and an inexact amount are not compared", () => {
    expect(checkCostRow(report([{ name: "项目总成本", actual: "125.25万元" }]))).toEqual([]);
    expect(checkCostRow(report([{ name: "设备采购成本", actual: "20万元" }]))).toEqual([]);
    expect(checkCostRow(report([{ name: "计划总投资", actual: "150万元" }]))).toEqual([]);
    expect(checkCostRow(report([{ name: "项目总成本", actual: "≤150万元" }]))).toEqual([]);
  });

  it("项目总成本 differing from 执行数 is flagged whatever the project's name", () => {
    expect(checkCostRow(report([{ name: "项目总成本", actual: "140万元" }])).map((f) => f.actual)).toEqual([
      "140万元",
    ]);
  });
});
