import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/core/report.ts";
import { explain } from "../../src/scoring/explain.ts";
import { round } from "../../src/scoring/rounding.ts";
import { score } from "../../src/scoring/score.ts";
import { gradeFor } from "../../src/scoring/summary-checks.ts";
import {
  block,
  codes,
  codesAt,
  findingsWith,
  fullReport,
  henanScheme,
  metRow,
  rowNamed,
  scoreOne,
} from "./build-report.ts";

type Raw = Record<string, unknown>;
const section = (raw: Raw, key: string) => raw[key] as Raw;

const henan = henanScheme();
const thresholdScheme = henanScheme((raw) => {
  const be = section(raw, "budgetExecution");
  be.method = "thresholds";
  be.thresholds = [
    { minRate: 95, share: 1 },
    { minRate: 90, share: 0.8 },
    { minRate: 0, share: 0.5 },
  ];
});
const reverseZeroScheme = henanScheme((raw) => {
  section(raw, "quantitative").reverse = "zero";
});
const scaleScheme = henanScheme((raw) => {
  raw.blockWeightMismatch = "scale";
});

function budgetBlock(card: ReturnType<typeof score>) {
  const b = card.blocks.find((x) => x.id === "budget");
  if (!b) throw new Error("no budget block");
  return b;
}

function blockById(card: ReturnType<typeof score>, id: string) {
  const b = card.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}`);
  return b;
}

describe("baseline: a complete, fully met report", () => {
  it("scores 100 / 优 with no error findings", () => {
    const card = score(fullReport(), henan);
    // 10 (100/100 executed) + 20 + 40 + 30, every row met
    expect(card.total).toBe(100);
    expect(card.grade).toBe("优");
    expect(card.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(card.blocks.map((b) => [b.id, b.points, b.lost, b.fit])).toEqual([
      ["budget", 10, 0, "exact"],
      ["input", 20, 0, "exact"],
      ["output", 40, 0, "exact"],
      ["outcome", 30, 0, "exact"],
    ]);
  });
});

describe("1. budget execution, proportional", () => {
  it("executed 90 / adjusted 120 万元 → 75% → 7.5 points", () => {
    const card = score(
      fullReport({ budget: { initial: "100万元", adjusted: "120万元", executed: "90万元" } }),
      henan,
    );
    const b = budgetBlock(card);
    const row = b.indicators[0];
    // rate = 90 / 120 × 100 = 75%
    expect(row?.actualValue).toBe(75);
    expect(row?.rule).toBe("budget.proportional");
    // points = 10 × 75 / 100 = 7.5; lost = 10 − 7.5 = 2.5
    expect(b.points).toBe(7.5);
    expect(b.lost).toBe(2.5);
    expect(row?.lossKind).toBe("rule");
    // total = 7.5 + 20 + 40 + 30 = 97.5
    expect(card.total).toBe(97.5);
  });

  it("normalises 元 to 万元: 5,450,600元 / 561.41万元 → 97.09% → 9.71", () => {
    const card = score(
      fullReport({ budget: { initial: "561.41万元", adjusted: "561.41万元", executed: "5,450,600元" } }),
      henan,
    );
    // 5,450,600元 = 545.06万元; 545.06 / 561.41 = 0.970877 → 10 × 0.970877 = 9.70877 → 9.71
    expect(budgetBlock(card).points).toBe(9.71);
    expect(round(budgetBlock(card).indicators[0]?.actualValue ?? 0, 2)).toBe(97.09);
  });

  it("a rate ≥ 100% is capped at the full weight", () => {
    const card = score(
      fullReport({ budget: { initial: "120万元", adjusted: "120万元", executed: "130万元" } }),
      henan,
    );
    // 130 / 120 = 108.33% → min(108.33, 100) = 100 → 10 × 1 = 10
    expect(budgetBlock(card).points).toBe(10);
    expect(budgetBlock(card).lost).toBe(0);
    expect(codes(card)).toContain("budget.rate_over_100");
  });

  it("exactly 100% → 10 points", () => {
    const card = score(fullReport(), henan);
    // 100 / 100 = 100% → 10
    expect(budgetBlock(card).points).toBe(10);
  });

  it("missing adjusted budget → base falls back to the initial budget", () => {
    const card = score(fullReport({ budget: { initial: "100万元", executed: "90万元" } }), henan);
    const row = budgetBlock(card).indicators[0];
    // 90 / 100 (initial, not adjusted) = 90% → 10 × 0.9 = 9
    expect(row?.actualValue).toBe(90);
    expect(budgetBlock(card).points).toBe(9);
    const d = card.derived.find((x) => x.key === "executionRate");
    expect(d?.status).toBe("ok");
    expect(d?.inputs.map((i) => [i.path, i.value])).toEqual([
      ["budget.executed", 90],
      ["budget.initial", 100],
    ]);
  });

  it("scheme base 'initial' divides by the initial budget even when adjusted", () => {
    const initialBase = henanScheme((raw) => {
      section(raw, "budgetExecution").base = "initial";
    });
    const card = score(
      fullReport({ budget: { initial: "100万元", adjusted: "120万元", executed: "90万元" } }),
      initialBase,
    );
    // 90 / 100 = 90% → 9 (the same figures give 7.5 on the adjusted base)
    expect(budgetBlock(card).points).toBe(9);
  });

  it("no figures but a stated rate 97% → scored on the stated rate: 10 × 0.97 = 9.7", () => {
    const card = score(fullReport({ budget: { reportedRate: "97%" } }), henan);
    expect(budgetBlock(card).points).toBe(9.7);
  });

  it("no figures and no rate → 0 points, loss kind missing", () => {
    const card = score(fullReport({ budget: {} }), henan);
    const row = budgetBlock(card).indicators[0];
    expect(budgetBlock(card).points).toBe(0);
    expect(row?.lost).toBe(10);
    expect(row?.lossKind).toBe("missing");
  });
});

describe("2. budget execution, thresholds", () => {
  it.each([
    // [executed 万元 of 100, expected points, arithmetic]
    ["92万元", 8], // 92% ≥ 90 → share 0.8 → 10 × 0.8 = 8
    ["95万元", 10], // 95% ≥ 95 (inclusive) → share 1 → 10
    ["100万元", 10], // 100% → share 1 → 10
    ["90万元", 8], // 90% ≥ 90 → 0.8 → 8
    ["89.9万元", 5], // 89.9% < 90, ≥ 0 → 0.5 → 5
  ])("executed %s of 100万元 → %d points", (executed, points) => {
    const card = score(
      fullReport({ budget: { initial: "100万元", adjusted: "100万元", executed } }),
      thresholdScheme,
    );
    expect(budgetBlock(card).points).toBe(points);
    expect(budgetBlock(card).indicators[0]?.rule).toBe("budget.thresholds");
  });
});

describe("3. positive quantitative indicators", () => {
  it("below target: ≥98%, actual 93%, weight 5 → 5 × 93 / 98 = 4.74", () => {
    const { row, codes } = scoreOne({ name: "培训覆盖率", target: "≥98%", actual: "93%", weight: 5 });
    // 5 × 93 / 98 = 465 / 98 = 4.7449 → 4.74; lost = 5 − 4.74 = 0.26
    expect(row.points).toBe(4.74);
    expect(row.lost).toBe(0.26);
    expect(row.rule).toBe("quantitative.proportional");
    expect(row.lossKind).toBe("rule");
    expect(codes).toEqual([]);
  });

  it("met: ≥98%, actual 98% → full 5", () => {
    const { row, codes } = scoreOne({ name: "培训覆盖率", target: "≥98%", actual: "98%", weight: 5 });
    expect(row.points).toBe(5);
    expect(row.lost).toBe(0);
    expect(row.rule).toBe("quantitative.met");
    expect(codes).toEqual([]);
  });

  it("count target: ≥12 次, actual 9 次, weight 6 → 6 × 9 / 12 = 4.5", () => {
    const { row } = scoreOne({ name: "开展培训次数", target: "≥12次", actual: "9次", weight: 6 });
    // 6 × 9 / 12 = 54 / 12 = 4.5
    expect(row.points).toBe(4.5);
  });

  it("far above: ≥50%, actual 70%, no deviation reason → target.far_above, still full marks", () => {
    const { row, codes } = scoreOne({ name: "培训覆盖率", target: "≥50%", actual: "70%", weight: 5 });
    // 70 ≥ 1.2 × 50 = 60 → warn; never deducted → 5
    expect(codes).toEqual(["target.far_above"]);
    expect(row.points).toBe(5);
  });

  it("far above with a deviation reason → no finding", () => {
    const { row, codes } = scoreOne({
      name: "培训覆盖率",
      target: "≥50%",
      actual: "70%",
      weight: 5,
      deviationReason: "年中新增上级专项培训任务",
    });
    expect(codes).toEqual([]);
    expect(row.points).toBe(5);
  });

  it("exactly 120% of target (60% for ≥50%) is far above; 59% is not", () => {
    // 60 ≥ 1.2 × 50 = 60 → finding; 59 < 60 → none
    expect(scoreOne({ name: "培训覆盖率", target: "≥50%", actual: "60%", weight: 5 }).codes).toEqual([
      "target.far_above",
    ]);
    expect(scoreOne({ name: "培训覆盖率", target: "≥50%", actual: "59%", weight: 5 }).codes).toEqual([]);
  });
});

describe("4. reverse (≤) indicators", () => {
  it("≤5%, actual 8%, weight 4 → 4 × 5 / 8 = 2.5 under reverse proportional", () => {
    const { row, codes } = scoreOne({ name: "投诉率", target: "≤5%", actual: "8%", weight: 4 });
    // 4 × 5 / 8 = 20 / 8 = 2.5
    expect(row.points).toBe(2.5);
    expect(row.lost).toBe(1.5);
    expect(row.rule).toBe("reverse.proportional");
    expect(codes).toEqual([]);
  });

  it("≤5%, actual 8% → 0 under reverse zero", () => {
    const { row } = scoreOne(
      { name: "投诉率", target: "≤5%", actual: "8%", weight: 4 },
      { scheme: reverseZeroScheme },
    );
    expect(row.points).toBe(0);
    expect(row.lost).toBe(4);
    expect(row.rule).toBe("reverse.zero");
  });

  it("≤5%, actual 3% → met, full 4", () => {
    const { row } = scoreOne({ name: "投诉率", target: "≤5%", actual: "3%", weight: 4 });
    expect(row.points).toBe(4);
    expect(row.rule).toBe("reverse.met");
  });

  it("≤1% with actual 100% and no budget figures → actual.contradicts_target", () => {
    const { row, codes } = scoreOne({ name: "预算调整率", target: "≤1%", actual: "100%", weight: 4 });
    // nothing to derive (no budget); 100% > 1% → 4 × 1 / 100 = 0.04
    expect(codes).toContain("actual.contradicts_target");
    expect(row.points).toBe(0.04);
    expect(row.derived).toBeUndefined();
  });
});

describe("5. indicators derived from the budget figures", () => {
  it("预算调整率 ≤5% written 0% while 100 → 110万元: derived 10% → 1 × 5 / 10 = 0.5, value.conflict", () => {
    const { row, codes } = scoreOne(
      { name: "预算调整率", target: "≤5%", actual: "0%", weight: 1 },
      { budget: { initial: "100万元", adjusted: "110万元", executed: "110万元" } },
    );
    // |110 − 100| / 100 = 10% > 5% → reverse proportional: 1 × 5 / 10 = 0.5
    expect(row.actualValue).toBe(10);
    expect(row.derived?.key).toBe("adjustmentRate");
    expect(row.rule).toBe("reverse.proportional");
    expect(row.points).toBe(0.5);
    expect(codes).toContain("value.conflict");
  });

  it("“三公经费”控制率 with 0 budget and 0 spent → not applicable, full points; '100%' → ratio.zero_over_zero", () => {
    const { row, codes } = scoreOne(
      { name: "“三公经费”控制率", target: "≤100%", actual: "100%", weight: 2 },
      { budget: { threePublicExpenses: { budget: "0万元", actual: "0万元" } } },
    );
    // 0 / 0 → 不适用; scheme notApplicable "full" → 2
    expect(row.rule).toBe("not_applicable");
    expect(row.points).toBe(2);
    expect(row.lost).toBe(0);
    expect(codes).toEqual(["ratio.zero_over_zero"]);
  });

  it("“三公经费”控制率 0/0 written 不适用 → full points, no finding", () => {
    const { row, codes } = scoreOne(
      { name: "三公经费控制率", target: "≤100%", actual: "不适用", weight: 2 },
      { budget: { threePublicExpenses: { budget: "0万元", actual: "0万元" } } },
    );
    expect(row.rule).toBe("not_applicable");
    expect(row.points).toBe(2);
    expect(codes).toEqual([]);
  });

  it("“三公经费”控制率 written 180% for 0.04 / 7.2万元 → derived 0.56%, met, value.conflict", () => {
    const { row, codes } = scoreOne(
      { name: "“三公经费”控制率", target: "≤100%", actual: "180%", weight: 2 },
      { budget: { threePublicExpenses: { budget: "7.2万元", actual: "0.04万元" } } },
    );
    // 0.04 / 7.2 = 0.56% ≤ 100% → met → 2
    expect(round(row.actualValue ?? -1, 2)).toBe(0.56);
    expect(row.points).toBe(2);
    expect(codes).toContain("value.conflict");
  });
});

describe("6. qualitative indicators", () => {
  const q = { name: "工作相关性", target: "相关", actual: "完成", weight: 5 } as const;

  it("达成 (完成), reported 4 → accepted, judgement loss of 1, no finding", () => {
    const { row, codes } = scoreOne({ ...q, score: 4 });
    // band 80–100% of 5 = 4–5; 4 is inside → points 4, lost 1
    expect(row.completion).toBe("达成");
    expect(row.points).toBe(4);
    expect(row.lost).toBe(1);
    expect(row.lossKind).toBe("judgement");
    expect(codes).toEqual([]);
  });

  it("达成, reported 2 → score.qualitative_band, clamped to 4", () => {
    const { row, codes } = scoreOne({ ...q, score: 2 });
    // 2 < 4 (80% of 5) → clamped up to 4
    expect(codes).toEqual(["score.qualitative_band"]);
    expect(row.points).toBe(4);
  });

  it("达成, no reported score → top of the band, 5", () => {
    const { row } = scoreOne({ ...q });
    expect(row.points).toBe(5);
    expect(row.lossKind).toBe("none");
  });

  it("部分达成 (60–80%), reported 4 → accepted (4 = 80% of 5)", () => {
    const { row, codes } = scoreOne({ ...q, completion: "部分达成", score: 4 });
    // band 60–80% of 5 = 3–4; 4 inside
    expect(row.points).toBe(4);
    expect(row.lost).toBe(1);
    expect(codes).toEqual([]);
  });

  it("部分达成, reported 5 → score.qualitative_band, clamped to 4", () => {
    const { row, codes } = scoreOne({ ...q, completion: "部分达成", score: 5 });
    // 5 > 4 (80% of 5) → clamped down to 4
    expect(codes).toEqual(["score.qualitative_band"]);
    expect(row.points).toBe(4);
  });

  it("基本完成 is read as 部分达成: reported 3 → accepted (3 = 60% of 5)", () => {
    const { row, codes } = scoreOne({ ...q, actual: "基本完成", score: 3 });
    expect(row.completion).toBe("部分达成");
    expect(row.points).toBe(3);
    expect(codes).toEqual([]);
  });
});

describe("7. the officer's score against the rule", () => {
  const base = { name: "培训覆盖率", target: "≥98%", weight: 5 } as const;

  it("met but reported below the weight → score.met_not_full", () => {
    const { row, codes } = scoreOne({ ...base, actual: "99%", score: 4 });
    expect(codes).toEqual(["score.met_not_full"]);
    expect(row.points).toBe(5);
  });

  it("unmet but reported full → score.unmet_full", () => {
    const { row, codes } = scoreOne({ ...base, actual: "93%", score: 5 });
    expect(codes).toEqual(["score.unmet_full"]);
    // rule: 5 × 93 / 98 = 4.74
    expect(row.points).toBe(4.74);
  });

  it("unmet (80% of ≥98%) but reported full 5 → score.unmet_full", () => {
    const { row, codes } = scoreOne({ ...base, actual: "80%", score: 5 });
    // rule: 5 × 80 / 98 = 4.08 < 5
    expect(row.points).toBe(4.08);
    expect(codes).toEqual(["score.unmet_full"]);
  });

  it("unmet (93% of ≥98%, rule 4.74) but reported 4 → score.rule_mismatch (not rounded away)", () => {
    const { codes } = scoreOne({ ...base, actual: "93%", score: 4 });
    // 4 ≠ 4.74; a whole-number score does not state 4.74
    expect(codes).toEqual(["score.rule_mismatch"]);
  });

  it("a score above the weight → score.over_max", () => {
    const { codes } = scoreOne({ ...base, actual: "99%", score: 6 });
    expect(codes).toContain("score.over_max");
  });

  it("unmet and reported 3 where the rule gives 4.74 → score.rule_mismatch", () => {
    const { codes } = scoreOne({ ...base, actual: "93%", score: 3 });
    expect(codes).toEqual(["score.rule_mismatch"]);
  });

  it("reported 4.74 where the rule gives 4.74 → no finding", () => {
    const { codes } = scoreOne({ ...base, actual: "93%", score: 4.74 });
    expect(codes).toEqual([]);
  });
});

describe("8. structure: row weights against block weights", () => {
  // 投入 20 and 产出 40 met in full, so only the 效益 block varies between these cases.
  const metInputAndOutput = [
    block("投入管理指标", 20, [metRow("预算编制科学性", 10), metRow("管理制度健全性", 10)]),
    block("产出指标", 40, [metRow("重点工作完成", 20), metRow("工作质量", 20)]),
  ];
  const scoreWithOutcome = (heading: number, rows: Parameters<typeof block>[2]) =>
    score(fullReport({ indicators: [...metInputAndOutput, block("效益指标", heading, rows)] }), henan);

  it("效益 headed 30 with rows 15 + 10 = 25 → weights.block_sum, unallocated, 5 lost; weights.total", () => {
    const card = scoreWithOutcome(30, [metRow("社会效益", 15), metRow("可持续影响", 10)]);
    const outcome = blockById(card, "outcome");
    expect(outcome.rowWeightSum).toBe(25);
    expect(outcome.points).toBe(25);
    // lost = 30 − 25 = 5, all of it the unallocated gap
    expect(outcome.lost).toBe(5);
    expect(outcome.fit).toBe("unallocated");
    expect(codesAt(card, "indicators[2]")).toEqual(["weights.block_sum"]);
    // weights: 10 + 20 + 40 + 25 = 95
    const total = findingsWith(card, "weights.total");
    expect(total).toHaveLength(1);
    expect(total[0]?.where.quote).toBe("95");
    // 10 + 20 + 40 + 25 = 95
    expect(card.total).toBe(95);
  });

  const over = [
    ...metInputAndOutput,
    block("效益指标", 30, [
      metRow("社会效益", 20),
      { name: "群众受益率", target: "≥100%", actual: "80%", weight: 15 },
    ]),
  ];

  it("rows 20 + 15 = 35 in a 30 block → capped at 30 under 'cap'", () => {
    const card = score(fullReport({ indicators: over }), henan);
    const outcome = blockById(card, "outcome");
    // row points: 20 + 15 × 80 / 100 = 20 + 12 = 32 → min(32, 30) = 30
    expect(outcome.rowWeightSum).toBe(35);
    expect(outcome.rowPoints).toBe(32);
    expect(outcome.fit).toBe("capped");
    expect(outcome.points).toBe(30);
    expect(codesAt(card, "indicators[2]")).toEqual(["weights.block_sum"]);
    // weights: 10 + 20 + 40 + 35 = 105
    expect(findingsWith(card, "weights.total")[0]?.where.quote).toBe("105");
  });

  it("the same rows under 'scale' → 32 × 30 / 35 = 27.43", () => {
    const card = score(fullReport({ indicators: over }), scaleScheme);
    const outcome = blockById(card, "outcome");
    // 32 × 30 / 35 = 960 / 35 = 27.4286 → 27.43; lost = 30 − 27.43 = 2.57
    expect(outcome.fit).toBe("scaled");
    expect(outcome.points).toBe(27.43);
    expect(outcome.lost).toBe(2.57);
    // total = 10 + 20 + 40 + 27.43 = 97.43
    expect(card.total).toBe(97.43);
  });

  it("a block heading that differs from the scheme weight → weights.block_sum", () => {
    const card = scoreWithOutcome(25, [metRow("社会效益", 15), metRow("可持续影响", 10)]);
    const outcome = blockById(card, "outcome");
    // heading 25 = rows 25, but the scheme gives 30 → 5 unallocated
    expect(outcome.statedWeight).toBe(25);
    expect(outcome.lost).toBe(5);
    expect(codesAt(card, "indicators[2]")).toEqual(["weights.block_sum"]);
  });

  it("a block missing from the report loses its whole weight", () => {
    const card = score(
      fullReport({
        indicators: [...metInputAndOutput],
      }),
      henan,
    );
    const outcome = blockById(card, "outcome");
    expect(outcome.fit).toBe("unallocated");
    expect(outcome.lost).toBe(30);
    // 10 + 20 + 40 + 0 = 70 → 中
    expect(card.total).toBe(70);
    expect(card.grade).toBe("中");
  });
});

describe("9. summary table, total and grade", () => {
  it("合计 row 100 while the block rows add to 98 → score.total_mismatch", () => {
    const card = score(
      fullReport({
        summary: {
          blocks: [
            { name: "预算执行", weight: 10, score: 10 },
            { name: "投入管理指标", weight: 20, score: 20 },
            { name: "产出指标", weight: 40, score: 40 },
            { name: "效益指标", weight: 30, score: 28 },
          ],
          totalRow: { name: "合计", weight: 100, score: 100 },
          grade: "优",
        },
      }),
      henan,
    );
    // 10 + 20 + 40 + 28 = 98 ≠ 100
    const f = findingsWith(card, "score.total_mismatch");
    expect(f.map((x) => x.where.path)).toEqual(["summary.totalRow"]);
    expect(f[0]?.message).toContain("98");
  });

  it("stated total 90 (优) while the block rows add to 89.6 (良) → score.total_mismatch", () => {
    const card = score(
      fullReport({
        summary: {
          blocks: [
            { name: "预算执行", weight: 10, score: 10 },
            { name: "投入管理指标", weight: 20, score: 20 },
            { name: "产出指标", weight: 40, score: 40 },
            { name: "效益指标", weight: 30, score: 19.6 },
          ],
          total: 90,
          grade: "优",
        },
      }),
      henan,
    );
    // 10 + 20 + 40 + 19.6 = 89.6 ≠ 90; rounding 89.6 up to 90 would move 良 to 优
    expect(findingsWith(card, "score.total_mismatch").map((x) => x.where.path)).toEqual(["summary.total"]);
  });

  it("合计 100 of 100 with a rate of 95% → score.rate_mismatch", () => {
    const card = score(
      fullReport({
        summary: {
          blocks: [],
          totalRow: { name: "合计", weight: 100, score: 100, rate: "95%" },
          grade: "优",
        },
      }),
      henan,
    );
    // 100 / 100 = 100% ≠ 95%
    expect(findingsWith(card, "score.rate_mismatch").map((x) => x.where.path)).toEqual(["summary.totalRow"]);
  });

  it("a block row 38 of 40 with rate 90% → score.rate_mismatch (38 / 40 = 95%)", () => {
    const card = score(
      fullReport({ summary: { blocks: [{ name: "产出指标", weight: 40, score: 38, rate: "90%" }] } }),
      henan,
    );
    expect(findingsWith(card, "score.rate_mismatch").map((x) => x.where.path)).toEqual(["summary.blocks[0]"]);
  });

  it("grade 良 for a stated total of 92 → grade.mismatch (92 ≥ 90 → 优)", () => {
    const card = score(fullReport({ summary: { blocks: [], total: 92, grade: "良" } }), henan);
    const f = findingsWith(card, "grade.mismatch");
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe("error");
    expect(f[0]?.message).toContain("优");
  });

  it("grade 优 for a stated total of 92 → no grade finding", () => {
    const card = score(fullReport({ summary: { blocks: [], total: 92, grade: "优" } }), henan);
    expect(findingsWith(card, "grade.mismatch")).toEqual([]);
  });

  it.each([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
  ] as const)("gradeFor(%d) = %s", (total, grade) => {
    expect(gradeFor(total, henan)).toBe(grade);
  });
});

describe("10. budget checks", () => {
  it("stated 105% where executed/adjusted = 100% and executed/initial = 105.96% → budget.rate_base", () => {
    const card = score(
      fullReport({
        budget: { initial: "500万元", adjusted: "529.8万元", executed: "529.8万元", reportedRate: "105%" },
      }),
      henan,
    );
    // 529.8 / 529.8 = 100%; 529.8 / 500 = 105.96% → truncated 105% = the stated figure
    expect(codesAt(card, "budget.reportedRate")).toContain("budget.rate_base");
    expect(codes(card)).not.toContain("budget.rate_mismatch");
    // scored on the adjusted base: 100% → 10
    expect(budgetBlock(card).points).toBe(10);
  });

  it("stated 95% for 100 / 100 → budget.rate_mismatch", () => {
    const card = score(
      fullReport({
        budget: { initial: "100万元", adjusted: "100万元", executed: "100万元", reportedRate: "95%" },
      }),
      henan,
    );
    expect(codesAt(card, "budget.reportedRate")).toEqual(["budget.rate_mismatch"]);
  });

  it("stated 100% for 100 / 100 → no budget finding", () => {
    const card = score(
      fullReport({
        budget: { initial: "100万元", adjusted: "100万元", executed: "100万元", reportedRate: "100%" },
      }),
      henan,
    );
    expect(codes(card).filter((c) => c.startsWith("budget.") || c.startsWith("ratio."))).toEqual([]);
  });

  it("三公 stated 180% for 0.04 / 7.2万元 → ratio.inverted (true rate 0.56%)", () => {
    const card = score(
      fullReport({
        budget: {
          initial: "100万元",
          adjusted: "100万元",
          executed: "100万元",
          threePublicExpenses: { budget: "7.2万元", actual: "0.04万元", reportedRate: "180%" },
        },
      }),
      henan,
    );
    // 0.04 / 7.2 = 0.5556%; inverted: 7.2 / 0.04 = 180 (as 180 "%")
    const f = findingsWith(card, "ratio.inverted");
    expect(f.map((x) => x.where.path)).toEqual(["budget.threePublicExpenses.reportedRate"]);
    expect(f[0]?.message).toContain("0.56%");
  });

  it("sources fiscal 80 + other 10 ≠ total 100 → budget.subrows_sum for each column", () => {
    const row = (v: string) => ({ initial: v, adjusted: v, executed: v });
    const card = score(
      fullReport({
        budget: {
          ...row("100万元"),
          sources: { fiscal: row("80万元"), other: row("10万元") },
        },
      }),
      henan,
    );
    // 80 + 10 = 90 ≠ 100 in 年初, 调整, 执行 → 3 findings
    const f = findingsWith(card, "budget.subrows_sum");
    expect(f).toHaveLength(3);
    expect(f[0]?.message).toContain("90万元");
  });

  it("sources fiscal 80 + other 20 = 100 → no subrows finding", () => {
    const row = (v: string) => ({ initial: v, adjusted: v, executed: v });
    const card = score(
      fullReport({
        budget: { ...row("100万元"), sources: { fiscal: row("80万元"), other: row("20万元") } },
      }),
      henan,
    );
    expect(findingsWith(card, "budget.subrows_sum")).toEqual([]);
  });
});

describe("11. explanation", () => {
  // budget 90/100 → 9 (lost 1, rule)
  // 投入 20: 定性 10 reported 8 (达成 band 8–10 → judgement, lost 2) + 定性 10 met
  // 产出 40: ≥98% actual 73% weight 20 → 20 × 73 / 98 = 14.898 → 14.9 (lost 5.1) + 20 met
  // 效益 30: rows 15 + 10 = 25, all met → 25 (5 unallocated, structure)
  // total = 9 + 18 + 34.9 + 25 = 86.9 → 良; lost = 1 + 2 + 5.1 + 5 = 13.1
  const report = fullReport({
    budget: { initial: "100万元", adjusted: "100万元", executed: "90万元" },
    indicators: [
      block("投入管理指标", 20, [
        { name: "预算编制科学性", target: "科学", actual: "科学", weight: 10, score: 8 },
        metRow("管理制度健全性", 10),
      ]),
      block("产出指标", 40, [
        { name: "培训覆盖率", target: "≥98%", actual: "73%", weight: 20 },
        metRow("工作质量", 20),
      ]),
      block("效益指标", 30, [metRow("社会效益", 15), metRow("可持续影响", 10)]),
    ],
  });
  const card = score(report, henan);
  const e = explain(card, henan.grades);

  it("the card: 86.9 / 良", () => {
    expect(rowNamed(card, "培训覆盖率").points).toBe(14.9);
    expect(card.total).toBe(86.9);
    expect(card.grade).toBe("良");
  });

  it("the items' lost add up to exactly 100 − total", () => {
    const sum = round(
      e.items.reduce((a, i) => a + i.lost, 0),
      2,
    );
    // 5.1 + 5 + 2 + 1 = 13.1 = 100 − 86.9
    expect(sum).toBe(13.1);
    expect(sum).toBe(round(100 - card.total, 2));
    expect(e.lostTotal).toBe(13.1);
  });

  it("items are sorted by lost, descending, with their kinds", () => {
    expect(e.items.map((i) => [i.kind, i.lost])).toEqual([
      ["rule", 5.1],
      ["structure", 5],
      ["judgement", 2],
      ["rule", 1],
    ]);
    expect(e.byKind).toEqual({ rule: 6.1, judgement: 2, missing: 0, structure: 5 });
  });

  it("the plan for 优 lists steps whose restorable sum reaches the need (90 − 86.9 = 3.1)", () => {
    const goal = e.goals.find((g) => g.goal === "优");
    expect(goal?.need).toBe(3.1);
    expect(goal?.reachable).toBe(true);
    expect(goal?.reached).toBe(false);
    const gained = round(
      (goal?.steps ?? []).reduce((a, s) => a + s.restorable, 0),
      2,
    );
    // the largest item alone (5.1) covers 3.1
    expect(gained).toBeGreaterThanOrEqual(3.1);
    expect(goal?.steps.map((s) => s.lost)).toEqual([5.1]);
  });

  it("the plan for 100 needs every restorable point: 13.1", () => {
    const goal = e.goals.find((g) => g.goal === "100");
    expect(goal?.need).toBe(13.1);
    expect(goal?.reachable).toBe(true);
    const gained = round(
      (goal?.steps ?? []).reduce((a, s) => a + s.restorable, 0),
      2,
    );
    expect(gained).toBe(13.1);
  });
});

describe("12. determinism", () => {
  it("scoring the same report twice gives deep-equal cards", () => {
    const input = {
      kind: "department" as const,
      unit: { name: "测试局" },
      year: 2021,
      budget: {
        initial: "100万元",
        adjusted: "110万元",
        executed: "99万元",
        reportedRate: "99%",
        threePublicExpenses: { budget: "7.2万元", actual: "0.04万元", reportedRate: "180%" },
      },
      indicators: [
        block("投入管理指标", 20, [
          { name: "预算调整率", target: "≤5%", actual: "0%", weight: 10, score: 10 },
          metRow("管理制度健全性", 10),
        ]),
        block("产出指标", 40, [{ name: "培训覆盖率", target: "≥98%", actual: "93%", weight: 40, score: 40 }]),
        block("效益指标", 30, [metRow("社会效益", 25)]),
      ],
      summary: { blocks: [], total: 92, grade: "良" as const },
    };
    const a = score(ReportSchema.parse(input), henan);
    const b = score(ReportSchema.parse(input), henanScheme());
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(explain(b, henan.grades)).toEqual(explain(a, henan.grades));
  });
});
