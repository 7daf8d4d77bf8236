import { describe, expect, it } from "vitest";
import { applyRule, type RuleInput } from "../../../src/scoring/apply-rule.ts";
import { parseCriterion } from "../../../src/scoring/criterion/parse-criterion.ts";

/**
 * Real criteria read by parseCriterion and applied by the engine's applyRule to a row, each with
 * its hand computation: the reading means what the table says.
 */
function scoreBy(text: string, row: RuleInput): { met: boolean; points: number; rule: string } {
  const read = parseCriterion(text, { weight: row.weight, targetUnit: row.target.unit });
  if (!read.ok) throw new Error(read.reason);
  const out = applyRule({ rule: read.rule, from: "报告所列评分标准" }, row);
  if (!out.ok) throw new Error(out.reason);
  // A judgement gives no points of its own: the officer's score decides (see score-by-rule.ts).
  if ("judgement" in out) return { met: false, points: Number.NaN, rule: "rule.judgement" };
  return { met: out.met, points: out.points, rule: out.rule };
}

const rate = (weight: number, target: number, actual: number): RuleInput => ({
  weight,
  actual,
  target: { value: target, comparator: "≥", unit: "%", text: `≥${target}%` },
  shown: `${actual}%`,
  decimals: 2,
});

describe("criteria read and applied", () => {
  it("每减少30件扣1分 (issue 14): 500件 target, 440件 done → 60件 short = 2 steps → 5 − 2 = 3", () => {
    const row: RuleInput = {
      weight: 5,
      actual: 440,
      target: { value: 500, comparator: "≥", unit: "件", text: "≥500件" },
      shown: "440件",
      decimals: 2,
    };
    expect(scoreBy("每减少30件扣1分", row)).toEqual({ met: false, points: 3, rule: "rule.step" });
  });

  it("100%计满分,每低于5%扣2分,扣完为止 (Hunan): 93.7% → 6.3 points short = 1 whole step → 8 − 2 = 6", () => {
    expect(scoreBy("100%计满分,每低于5%扣2分,扣完为止.", rate(8, 100, 93.7))).toEqual({
      met: false,
      points: 6,
      rule: "rule.step",
    });
  });

  it("资金使用率>95%得满分 is strict: exactly 95% is not full marks under 酌情扣分", () => {
    expect(scoreBy("资金使用率>95%得满分，否则酌情扣分并说明理由", rate(2, 95, 95))).toMatchObject({
      met: false,
      rule: "rule.judgement",
    });
    expect(scoreBy("资金使用率>95%得满分，否则酌情扣分并说明理由", rate(2, 95, 95.5))).toEqual({
      met: true,
      points: 2,
      rule: "rule.met",
    });
  });

  it("预算调整率 bands (岳阳): 12% falls in 10-20%(含) → 1 of 3 points", () => {
    const row: RuleInput = {
      weight: 3,
      actual: 12,
      target: { value: 0, comparator: "≤", unit: "%", text: "0" },
      shown: "12%",
      decimals: 2,
    };
    const text = "预算调整率=0,计3分;0-10%(含),计2分;10-20%(含),计1分;20-30%(含),计0.5分;大于30%不得分。";
    expect(scoreBy(text, row)).toEqual({ met: false, points: 1, rule: "rule.bands" });
  });

  it("≥95%得满分，90%-95%得80%，<90%不得分: 92% → 5 × 0.8 = 4; 89% → 0", () => {
    const text = "≥95%得满分，90%-95%得80%，<90%不得分";
    expect(scoreBy(text, rate(5, 95, 92))).toEqual({ met: false, points: 4, rule: "rule.bands" });
    expect(scoreBy(text, rate(5, 95, 89))).toEqual({ met: false, points: 0, rule: "rule.bands" });
  });

  it("计划建设内容完成100%的得20分 on a row in 亩: 190 of 200亩 = 95% → 5 points short → 20 − 5 = 15", () => {
    const row: RuleInput = {
      weight: 20,
      actual: 190,
      target: { value: 200, comparator: "≥", unit: "亩", text: "200亩" },
      shown: "190亩",
      decimals: 2,
    };
    const text = "计划建设内容完成100%的得20分,每减少1个百分点扣1分,扣完20分为止。";
    expect(scoreBy(text, row)).toEqual({ met: false, points: 15, rule: "rule.step" });
  });
});
