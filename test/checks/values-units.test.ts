import { describe, expect, it } from "vitest";
import { checkText } from "../../src/checks/check-text.ts";
import type { Finding } from "../../src/core/finding.ts";
import type { ReportInput } from "../../src/core/report.ts";
import { block, metRow } from "../scoring/build-report.ts";
import { section, synthetic } from "./helpers.ts";

const FUNDS = "（一）部门资金情况分析";

function values(text: string, over: Partial<ReportInput> = {}): Finding[] {
  const { report, card } = synthetic({ narrative: [section("funds", FUNDS, text)], ...over });
  return checkText(report, card).filter((f) => f.code === "value.conflict");
}

describe("value.conflict", () => {
  it("compares an amount in the text with the budget table, quoting its clause", () => {
    expect(values("2021年度，我中心预算年初数为100万元，预算执行金额96万元，预算执行率95%。")).toEqual([
      {
        code: "value.conflict",
        severity: "warn",
        where: { path: "narrative[0]", label: FUNDS, quote: "预算执行金额96万元" },
        message: `“${FUNDS}”写预算执行数为96万元，但报告表格中是95万元。同一数字两处不一致，请核对原始资料后改成一致。`,
        expected: "95万元",
        actual: "96万元",
      },
    ]);
  });

  it("normalises 元 and 万元 and accepts a figure rounded to the precision written", () => {
    expect(values("调整预算数为1,000,000.00元，预算执行金额为95.0万元，预算执行率95.0%。")).toEqual([]);
    expect(values("预算执行金额为95.01万元。")).toEqual([]);
    expect(values("预算执行金额为94.2万元。").map((f) => f.actual)).toEqual(["94.2万元"]);
  });

  it("compares the total score, the grade and the execution rate with the tables", () => {
    const text = "我中心2021年部门整体绩效最终得分为97分，评价等级为“良”，预算执行率达到96%。";
    expect(values(text).map((f) => [f.expected, f.actual])).toEqual([
      ["98.45分", "97分"],
      ["优", "良"],
      ["95%", "96%"],
    ]);
  });

  it("leaves parts alone: 三公经费, a project's rate, a target “90%以上”", () => {
    const text =
      "“三公经费”年初预算7.2万元，实际支出0.04万元；已完结的项目预算执行率100%；预算执行率达到90%以上为达标。";
    expect(values(text)).toEqual([]);
  });

  it("compares two sections with each other when the tables lack the quantity", () => {
    const { report, card } = synthetic({
      budget: {},
      narrative: [
        section("funds", FUNDS, "预算年初数为561.5万元。"),
        section("analysis_input", "1. 投入管理指标情况分析", "我中心预算年初数为561.41万元。"),
      ],
    });
    const findings = checkText(report, card).filter((f) => f.code === "value.conflict");
    expect(
      findings.map((f) => [
        f.where.path,
        f.expected,
        f.actual,
        f.message.includes(`但“${FUNDS}”中是561.5万元`),
      ]),
    ).toEqual([["narrative[1]", "561.5万元", "561.41万元", true]]);
  });
});

describe("unit.suspect", () => {
  const indicators = (rows: Parameters<typeof block>[2]) => [
    block("投入管理指标", 20, [metRow("预算编制科学性", 20)]),
    block("产出指标", 40, rows),
    block("效益指标", 30, [metRow("社会效益", 30)]),
  ];

  it("flags a rate measured in a count and an amount measured in %", () => {
    const { report, card } = synthetic({
      indicators: indicators([
        { name: "设备完好率", target: "≥30", unit: "台", actual: "30台", weight: 10 },
        { name: "项目补助资金", target: "≥90%", unit: "%", actual: "95%", weight: 10 },
        { name: "资金到位率", target: "≥100%", unit: "%", actual: "100%", weight: 10 },
        { name: "群众满意度", target: "≥95%", unit: "%", actual: "96%", weight: 10 },
      ]),
    });
    const findings = checkText(report, card).filter((f) => f.code === "unit.suspect");
    expect(findings).toEqual([
      {
        code: "unit.suspect",
        severity: "warn",
        where: {
          path: "indicators[1].groups[0].indicators[0]",
          label: "产出指标 / 产出指标·二级 / 设备完好率",
          quote: "设备完好率 ≥30 台",
        },
        message:
          "指标“设备完好率”是比率，度量单位却是“台”（计数单位）。比率应以%计：请把指标值和实际完成值改为百分比（如“≥95%”）；如考核的确是金额或数量，请把指标名称改为相应的名称（如“…金额”“…个数”）。",
        expected: "%",
        actual: "台",
      },
      {
        code: "unit.suspect",
        severity: "warn",
        where: {
          path: "indicators[1].groups[0].indicators[1]",
          label: "产出指标 / 产出指标·二级 / 项目补助资金",
          quote: "项目补助资金 ≥90% %",
        },
        message:
          "指标“项目补助资金”是金额，度量单位却是“%”（百分比）。请把指标值和实际完成值改为金额（如“≤50万元”）；如考核的是比率，请把指标名称改为“…率”。",
        expected: "元/万元",
        actual: "%",
      },
    ]);
  });

  it("flags a rate whose target is an amount in 万元", () => {
    const { report, card } = synthetic({
      indicators: indicators([{ name: "资金支付率", target: "≥50万元", actual: "50万元", weight: 40 }]),
    });
    const f = checkText(report, card).filter((x) => x.code === "unit.suspect");
    expect(f.map((x) => [x.where.path, x.actual])).toEqual([
      ["indicators[1].groups[0].indicators[0]", "万元"],
    ]);
  });
});
