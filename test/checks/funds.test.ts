import { describe, expect, it } from "vitest";
import { checkFunds } from "../../src/checks/check-funds.ts";
import { narrativeRefs } from "../../src/checks/section-text.ts";
import type { Finding } from "../../src/core/finding.ts";
import { type ReportInput, ReportSchema } from "../../src/core/report.ts";

const BASIC = "一、基本情况";

function funds(text: string, over: Partial<ReportInput> = {}): Finding[] {
  const report = ReportSchema.parse({
    kind: "project",
    unit: { name: "红河州数据发展中心" },
    year: 2024,
    narrative: [{ id: "duties", title: BASIC, text }],
    ...over,
  });
  return checkFunds(narrativeRefs(report), report);
}

describe("budget.funds_low", () => {
  it("到位资金334.67万元 of an adjusted 861.46万元 (38.85%), no reason given: a warning with the working", () => {
    const text =
      "年初批复预算8个项目985万元，调整预算后项目预算861.46万元，年中增加8个项目，实际到位资金334.67万元。";
    expect(funds(text)).toEqual([
      {
        code: "budget.funds_low",
        severity: "warn",
        where: { path: "narrative[0]", label: BASIC, quote: "实际到位资金334.67万元" },
        message:
          "报告称实际到位资金334.67万元，调整后预算861.46万元：到位率 = 334.67万元 ÷ 861.46万元 = 38.85%，不到90%，这一段没有说明原因。请说明资金未全部到位的原因，并写明预算执行率是按到位资金还是按预算计算的。",
        expected: "≥90%",
        actual: "38.85%",
      },
    ]);
  });

  it("is quiet at 90% or more, with a reason, or with no adjusted budget to compare", () => {
    expect(funds("调整后预算100万元，实际到位资金90万元。")).toEqual([]);
    expect(funds("调整后预算100万元，实际到位资金50万元，其余50万元因省级资金尚未下达。")).toEqual([]);
    expect(funds("实际到位资金50万元。")).toEqual([]);
  });

  it("takes a project's adjusted budget from its table, but not a department's", () => {
    const budget = { adjusted: "100万元" };
    expect(funds("实际到位资金50万元。", { budget }).map((f) => f.actual)).toEqual(["50%"]);
    expect(funds("实际到位资金50万元。", { budget, kind: "department" })).toEqual([]);
  });
});
