import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/conversation/facts.ts";
import { ReportSchema } from "../../src/core/report.ts";
import { checkFundsReceived } from "../../src/scoring/funds-checks.ts";

const report = (budget: Record<string, unknown>) =>
  ReportSchema.parse({ kind: "project", unit: { name: "测试中心" }, year: 2024, budget, indicators: [] });

describe("资金到位 against the budget (hand computations)", () => {
  it("334.67 received of an adjusted 861.46: 38.85%, a warning with the working", () => {
    expect(checkFundsReceived(report({ adjusted: "861.46万元", funds: { received: "334.67万元" } }))).toEqual(
      [
        {
          code: "budget.funds_low",
          severity: "warn",
          where: { path: "budget.funds.received", label: "资金到位", quote: "334.67万元" },
          message:
            "资金到位率只有38.85%（实际到位资金334.67万元 ÷ 调整后预算数861.46万元 = 38.85%）。资金未全部到位：请说明未到位的原因，并写明预算执行率以哪个数为基数（到位资金还是预算数）。",
        },
      ],
    );
  });

  it("计划投入 is the base when stated; 95 of 100 is a note, all received is nothing, 250% is a warning", () => {
    const low = checkFundsReceived(
      report({ adjusted: "200万元", funds: { planned: "100万元", received: "95万元" } }),
    );
    expect(low.map((f) => [f.code, f.severity])).toEqual([["budget.funds_low", "info"]]);
    expect(low[0]?.message).toContain("实际到位资金95万元 ÷ 计划投入资金100万元 = 95%");
    expect(checkFundsReceived(report({ adjusted: "318.91万元", funds: { received: "318.91万元" } }))).toEqual(
      [],
    );
    const over = checkFundsReceived(report({ adjusted: "318.91万元", funds: { received: "797.275万元" } }));
    expect(over.map((f) => [f.code, f.message])).toEqual([
      [
        "budget.funds_over",
        "资金到位率为250%（实际到位资金797.275万元 ÷ 调整后预算数318.91万元 = 250%），到位资金多于调整后预算数。请核对到位资金或预算调整是否入账。",
      ],
    ]);
    expect(checkFundsReceived(report({ funds: { received: "10万元" } }))).toEqual([]);
  });
});

describe("the overview's budget sentence", () => {
  it("a parenthesis does not change the topic; a repeated noun after the alias is skipped", () => {
    const hits = extractFacts(
      "年初批复预算8个项目985万元(含1个年初结转结余项目50万元),调整预算后项目预算861.46万元,实际到位资金334.67万元。",
      false,
    ).hits.map((h) => [h.field.path.join("."), h.value]);
    expect(hits).toEqual([
      ["budget.adjusted", "861.46万元"],
      ["budget.funds.received", "334.67万元"],
    ]);
  });
});

describe("the 2013 framework's rates derived from the figures the model now holds", () => {
  it("成本控制率 = 实际成本 ÷ 预算成本 and 固定资产利用率 = 在用 ÷ 总额, read from the officer's words", async () => {
    const { deriveAll } = await import("../../src/scoring/derive.ts");
    const { loadScheme } = await import("../../src/services/scheme-files.ts");
    const scheme = loadScheme("fujian-project");
    if (!scheme.ok) throw new Error(scheme.error.message);
    const facts = extractFacts(
      "预算成本150万元，实际成本125.25万元，固定资产总额80万元，在用固定资产76万元，按时到位资金300万元",
      false,
    );
    expect(facts.hits.map((h) => [h.field.path.join("."), h.value])).toEqual([
      ["budget.cost.budget", "150万元"],
      ["budget.cost.actual", "125.25万元"],
      ["budget.assets.total", "80万元"],
      ["budget.assets.inUse", "76万元"],
      ["budget.funds.receivedOnTime", "300万元"],
    ]);
    const r = report({
      cost: { budget: "150万元", actual: "125.25万元" },
      assets: { total: "80万元", inUse: "76万元" },
      funds: { planned: "318.91万元", received: "318.91万元", receivedOnTime: "300万元" },
    });
    const derived = Object.fromEntries(deriveAll(r, scheme.value).map((d) => [d.key, d.formula]));
    expect(derived.costControlRate).toBe("实际成本125.25万元 ÷ 预算成本150万元 = 83.5%");
    expect(derived.assetUseRate).toBe("在用固定资产76万元 ÷ 固定资产总额80万元 = 95%");
    expect(derived.fundsTimelyRate).toBe("按时到位资金300万元 ÷ 计划投入资金318.91万元 = 94.07%");
  });
});
