import { describe, expect, it } from "vitest";
import { checkBalance } from "../../src/checks/check-balance.ts";
import { narrativeRefs } from "../../src/checks/section-text.ts";
import type { Finding } from "../../src/core/finding.ts";
import { type ReportInput, ReportSchema } from "../../src/core/report.ts";

const FUNDS = "（一）项目资金情况";

function balance(text: string, over: Partial<ReportInput> = {}): Finding[] {
  const report = ReportSchema.parse({
    kind: "project",
    unit: { name: "宁德市某某办公室" },
    year: 2018,
    narrative: [{ id: "funds", title: FUNDS, text }],
    ...over,
  });
  return checkBalance(narrativeRefs(report), report);
}

describe("budget.balance_mismatch", () => {
  it("finds 节约资金113.79万元 where 318.91 − 191.12 = 127.79, with the working", () => {
    const text =
      "项目年初预算318.91万元，调整后预算318.91万元，全年执行191.12万元，预算执行率59.93%，节约资金113.79万元。";
    expect(balance(text)).toEqual([
      {
        code: "budget.balance_mismatch",
        severity: "warn",
        where: { path: "narrative[0]", label: FUNDS, quote: "节约资金113.79万元" },
        message:
          "报告称节约资金113.79万元，但调整后预算318.91万元 − 执行数191.12万元 = 127.79万元。请核对节约资金金额，或写明它的计算口径（例如按到位资金计算）。",
        expected: "127.79万元",
        actual: "113.79万元",
      },
    ]);
  });

  it("accepts a balance that follows from the budget, at the precision written, 元 or 万元", () => {
    expect(balance("调整后预算318.91万元，全年执行191.12万元，节约资金127.79万元。")).toEqual([]);
    expect(balance("预算资金3,189,100元，实际支出1,911,200元，结余127.8万元。")).toEqual([]);
  });

  it("accepts a balance on another base the report gives (年初预算, 到位资金)", () => {
    expect(
      balance(
        "年初预算300万元，调整后预算318.91万元，实际到位资金280万元，实际支出191.12万元，结余88.88万元。",
      ),
    ).toEqual([]);
    expect(
      balance("年初预算300万元，调整后预算318.91万元，实际支出191.12万元，结余100万元。")[0]?.message,
    ).toBe(
      "报告称结余100万元，但调整后预算318.91万元 − 执行数191.12万元 = 127.79万元（按年初预算300万元计算也不是此数）。请核对结余金额，或写明它的计算口径（例如按到位资金计算）。",
    );
  });

  it("takes the figures from the project's budget table when the paragraph has none", () => {
    const budget = { initial: "318.91万元", adjusted: "318.91万元", executed: "191.12万元" };
    expect(balance("项目结转下年资金100万元。", { budget }).map((f) => [f.expected, f.actual])).toEqual([
      ["127.79万元", "100万元"],
    ]);
    expect(balance("项目结转下年资金127.79万元。", { budget })).toEqual([]);
    // A department's 结转结余 also holds earlier years' money: not computed from its table.
    expect(balance("部门结转结余100万元。", { kind: "department", budget })).toEqual([]);
  });

  it("leaves alone carried-in money, savings on a purchase, a part's balance and a balance with no budget", () => {
    const budget = { adjusted: "318.91万元", executed: "191.12万元" };
    expect(balance("年初结转结余资金50万元。", { budget })).toEqual([]);
    expect(balance("通过公开招标节约资金20万元。", { budget })).toEqual([]);
    expect(balance("三公经费预算2.00万元，实际支出0.95万元，比预算节约1.5万元。", { budget })).toEqual([]);
    expect(balance("节约资金113.79万元。")).toEqual([]);
  });
});
