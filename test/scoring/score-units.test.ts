import { describe, expect, it } from "vitest";
import { scoreOne } from "./build-report.ts";

/**
 * Quantitative rows whose target and actual carry a count or measure word (米, 种, 人, 次, 场, 厘米),
 * phrased as in real reports (中江 水标尺, 稷山 基本公共卫生, 重庆 融媒体中心).
 */
describe("targets and actuals with units are compared number to number", () => {
  it("≥266米 against 300米: 300 ≥ 266 → met, full 10", () => {
    const { row, codes } = scoreOne({
      name: "安装坡面水标尺",
      target: "≥266米",
      actual: "300米",
      weight: 10,
    });
    expect([row.kind, row.rule, row.actualValue, row.points]).toEqual([
      "quantitative",
      "quantitative.met",
      300,
      10,
    ]);
    expect(row.formula).toBe("实际值300米达到指标值≥266米，得满分10分");
    expect(codes).toEqual([]);
  });

  it("不少于12 种 against 14种: met, full 1", () => {
    const { row, codes } = scoreOne({
      name: "发放健康教育资料",
      target: "不少于12 种",
      actual: "14种",
      weight: 1,
    });
    expect([row.rule, row.actualValue, row.points]).toEqual(["quantitative.met", 14, 1]);
    expect(codes).toEqual([]);
  });

  it("38508人 against 37442人: not met, 2 × 37442 / 38508 = 1.94 (97.23%)", () => {
    const { row } = scoreOne({
      name: "居民健康档案",
      target: "38508人",
      actual: "37442人",
      weight: 2,
      score: 2,
    });
    // 37442 / 38508 = 0.97232…; 2 × 0.97232 = 1.9446 → 1.94
    expect([row.rule, row.actualValue, row.points]).toEqual(["quantitative.proportional", 37442, 1.94]);
    expect(row.formula).toBe("实际值37442人未达到指标值38508人，按完成比例计分：2 × 37442 ÷ 38508 = 1.94分");
  });

  it("converts 55厘米 to 0.55米 against ≥0.5米: met", () => {
    const { row, codes } = scoreOne({ name: "水标尺宽度", target: "≥0.5米", actual: "55厘米", weight: 10 });
    expect([row.rule, row.actualValue, row.points]).toEqual(["quantitative.met", 0.55, 10]);
    expect(row.formula).toBe("实际值0.55米达到指标值≥0.5米，得满分10分");
    expect(codes).toEqual([]);
  });

  it("converts 0.4公里 to 400米 against ≥500米: 10 × 400 / 500 = 8", () => {
    const { row } = scoreOne({ name: "改造管网长度", target: "≥500米", actual: "0.4公里", weight: 10 });
    expect([row.rule, row.actualValue, row.points]).toEqual(["quantitative.proportional", 400, 8]);
  });

  it("takes the unit from the 度量单位 column when the target is a bare number: 26 次 against 12次", () => {
    const { row } = scoreOne({
      name: "党性教育培训次数",
      target: "26",
      unit: "次",
      actual: "12次",
      weight: 5,
    });
    // 5 × 12 / 26 = 2.3077 → 2.31
    expect([row.rule, row.actualValue, row.points]).toEqual(["quantitative.proportional", 12, 2.31]);
    expect(row.formula).toContain("实际值12次未达到指标值26");
  });

  it("compares 12场 with 26次 as numbers but notes the different count words", () => {
    const { row, codes, card } = scoreOne({ name: "宣传活动", target: "26次", actual: "12场", weight: 5 });
    expect([row.rule, row.points]).toEqual(["quantitative.proportional", 2.31]);
    expect(codes).toEqual(["actual.unit_differs"]);
    expect(row.formula).toBe("实际值12场未达到指标值26次，按完成比例计分：5 × 12 ÷ 26 = 2.31分");
    expect(card.findings.find((f) => f.code === "actual.unit_differs")?.message).toBe(
      "“宣传活动”的指标值以“次”计，实际完成值“12场”以“场”计：两者都是计数，已按数值比较（12对26）。请核对两处的单位是否一致。",
    );
  });

  it("does not compare 300人 with ≥95%: actual.unit_mismatch, unscored", () => {
    const { row, codes, card } = scoreOne({ name: "群众满意度", target: "≥95%", actual: "300人", weight: 5 });
    expect([row.rule, row.points]).toEqual(["missing.actual", 0]);
    expect(codes).toEqual(["actual.unit_mismatch"]);
    expect(card.findings.find((f) => f.code === "actual.unit_mismatch")?.message).toBe(
      "“群众满意度”的实际完成值“300人”以“人”计，指标值“≥95%”以“%”计，单位不同，无法比较，未按规则计分。请按指标值的单位填写实际完成值，例如“95%”。",
    );
  });

  it("reads money in 万元 against a target in 万元: 20万元 = 20万元, met", () => {
    const { row, codes } = scoreOne({
      name: "项目计划总投资",
      target: "20万元",
      actual: "20万元",
      weight: 10,
    });
    expect([row.rule, row.actualValue, row.points]).toEqual(["quantitative.met", 20, 10]);
    expect(codes).toEqual([]);
  });

  it("converts 200000元 to 20万元", () => {
    const { row } = scoreOne({ name: "项目计划总投资", target: "20万元", actual: "200000元", weight: 10 });
    expect([row.rule, row.actualValue]).toEqual(["quantitative.met", 20]);
  });

  it("flags an actual that copies the target's bound (≥266米 for ≥266米) and scores it on the bound", () => {
    const { row, codes } = scoreOne({
      name: "安装坡面水标尺",
      target: "≥266米",
      actual: "≥266米",
      weight: 10,
    });
    expect([row.rule, row.points]).toEqual(["quantitative.met", 10]);
    // Issue 14: a copied target is no actual value (actual.missing), though the row is scored on its bound.
    expect(codes).toEqual(["actual.missing"]);
  });
});

describe("an unreadable value is reported with its text, never guessed", () => {
  it("actual XlO0% (scan noise) → actual.unreadable, unscored, the officer's score kept", () => {
    const { row, codes, card } = scoreOne({
      name: "政府采购执行率",
      target: "100%",
      actual: "XlO0%",
      weight: 2,
      score: 2,
    });
    expect([row.rule, row.points, row.actual]).toEqual(["missing.actual", 2, "XlO0%"]);
    expect(row.actualValue).toBeUndefined();
    expect(codes).toEqual(["actual.unreadable"]);
    expect(card.findings.find((f) => f.code === "actual.unreadable")?.message).toBe(
      "“政府采购执行率”的实际完成值“XlO0%”无法识别为数字（疑似扫描识别错误），未采用，未按规则计分。请核对原件，填写实际完成的数值，例如“100%”。",
    );
  });

  it("target W100% (scan noise for ≤100%) → target.unreadable, unscored", () => {
    const { row, codes, card } = scoreOne({
      name: "在职人员控制率",
      target: "W100%",
      actual: "92%",
      weight: 5,
    });
    expect([row.kind, row.rule, row.points, row.target]).toEqual([
      "quantitative",
      "missing.target",
      0,
      "W100%",
    ]);
    expect(codes).toEqual(["target.unreadable"]);
    expect(card.findings.find((f) => f.code === "target.unreadable")?.message).toBe(
      "“在职人员控制率”的指标值“W100%”无法识别为数字（疑似扫描识别错误），未按规则计分。请核对原件，填写指标值，例如“≥95%”或“10次”。",
    );
  });

  it("target 95. (a number cut at a line break) → target.unreadable naming the cause", () => {
    const { card } = scoreOne({ name: "控制率", target: "95.", actual: "95%", weight: 5 });
    expect(card.findings.find((f) => f.code === "target.unreadable")?.message).toContain(
      "（小数点后面没有数字，可能是数字在换行处被截断）",
    );
  });

  it("a qualitative target stays qualitative: 显著提升 against 显著提升", () => {
    const { row } = scoreOne({
      name: "群众生产生活条件改善状况",
      target: "显著提升",
      actual: "显著提升",
      weight: 10,
    });
    expect([row.kind, row.rule]).toEqual(["qualitative", "qualitative.band"]);
  });
});
