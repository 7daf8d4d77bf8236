import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "../../src/core/finding.ts";
import { dataIssueClauses } from "../../src/drafting/report-data-issues.ts";

const f = (code: string, path: string, label: string, severity: Severity = "error"): Finding => ({
  code,
  severity,
  where: { path, label },
  message: "含数字的说明 96分",
});

describe("dataIssueClauses", () => {
  it("groups findings by code, one clause each, naming the last part of each label once", () => {
    const findings = [
      f("ratio.zero_over_zero", "budget.threePublicExpenses.reportedRate", "“三公经费”控制率", "warn"),
      f(
        "ratio.zero_over_zero",
        "indicators[0].groups[1].indicators[5]",
        "投入管理指标 / 预算和财务管理 / “三公经费”控制率",
        "warn",
      ),
      f("target.missing", "indicators[0].groups[0].indicators[0]", "投入管理 / 预算 / 预算执行管理"),
      f("target.missing", "indicators[0].groups[0].indicators[1]", "投入管理 / 预算 / 资产管理"),
      f("weights.total", "indicators", "指标分值合计"),
    ];
    expect(dataIssueClauses(findings, new Set())).toEqual([
      "“三公经费”控制率分子分母均为零，应写“不适用”，不应写成百分比",
      "“预算执行管理”“资产管理”缺少指标值",
      "各一级指标分值合计不等于总分",
    ]);
  });

  it("leaves out info findings, text findings, unknown codes and what the problems already cover", () => {
    const findings = [
      f("budget.rate_mismatch", "tasks[0]", "任务“运维”", "info"),
      f("narrative.empty", "narrative[8]", "五、发现的主要问题和改进措施"),
      f("value.conflict", "narrative[4]", "（一）部门资金情况分析", "warn"),
      f("something.new", "budget", "预算"),
      f("score.met_not_full", "indicators[2].groups[1].indicators[1]", "效益指标 / 满意度 / 辖区居民满意"),
      f("weights.block_sum", "indicators[2]", "效益指标"),
    ];
    const covered = new Set(["indicators[2].groups[1].indicators[1]", "block:效益指标"]);
    expect(dataIssueClauses(findings, covered)).toEqual([]);
  });

  it("does not quote a label that holds a figure", () => {
    expect(dataIssueClauses([f("unit.suspect", "x", "覆盖32个乡镇")], new Set())).toEqual([
      "自评表中的一处数据的度量单位不合理",
    ]);
  });
});
