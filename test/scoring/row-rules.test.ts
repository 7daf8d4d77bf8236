import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/core/report.ts";
import { explain } from "../../src/scoring/explain.ts";
import type { IndicatorRuleInput } from "../../src/scoring/indicator-rule.ts";
import { score } from "../../src/scoring/score.ts";
import {
  block,
  codes,
  findingsWith,
  fullReport,
  henanScheme,
  metRow,
  rowNamed,
  scoreOne,
} from "./build-report.ts";

/** The Henan scheme with one rowRule for the indicator `name`. */
function withRule(name: string, rule: IndicatorRuleInput, text?: string) {
  return henanScheme((raw) => {
    raw.rowRules = [{ names: [name], rule: { ...rule, ...(text === undefined ? {} : { text }) } }];
  });
}

describe("indicator rules as data, one rule kind at a time (hand computations)", () => {
  it("step: 每减少30件扣1分 — 500件 target, 440件 done: 60 short = 2 steps, 5 − 2 = 3", () => {
    const scheme = withRule(
      "信件办结数",
      { otherwise: { method: "step", per: 30, deduct: 1 } },
      "每减少30件扣1分",
    );
    const { row } = scoreOne(
      { name: "信件办结数", target: "≥500件", actual: "440件", weight: 5, score: 5 },
      { scheme },
    );
    expect(row.points).toBe(3);
    expect(row.rule).toBe("rule.step");
    expect(row.ruleSource).toEqual({ from: "scheme", text: "每减少30件扣1分" });
    expect(row.formula).toBe(
      `按方案（${scheme.name}）规则“每减少30件扣1分”：实际值440件未达到≥500件，差60件，每30件扣1分：扣2 × 1 = 2分，得5 − 2 = 3分`,
    );
    // 15 short is not a whole step of 30: read literally, no deduction.
    expect(
      scoreOne({ name: "信件办结数", target: "≥500件", actual: "485件", weight: 5 }, { scheme }).row.points,
    ).toBe(5);
  });

  it("step with a floor and with prorated part steps", () => {
    const floor = withRule("培训人次", { otherwise: { method: "step", per: 10, deduct: 2, floor: 1 } });
    // 60 short = 6 steps × 2 = 12 > 5: held at the floor of 1.
    expect(
      scoreOne({ name: "培训人次", target: "≥100人", actual: "40人", weight: 5 }, { scheme: floor }).row
        .points,
    ).toBe(1);
    const prorate = withRule("验收合格率", {
      full: { comparator: "≥", value: 98, unit: "%" },
      otherwise: { method: "step", per: 1, deduct: 0.5, partial: "prorate" },
    });
    // 每低1个百分点扣0.5分: 96.5% is 1.5 points short → 0.75 off 3 = 2.25.
    expect(
      scoreOne({ name: "验收合格率", target: "≥98%", actual: "96.5%", weight: 3 }, { scheme: prorate }).row
        .points,
    ).toBe(2.25);
  });

  it("strict >: 资金使用率>95%得满分，否则不得分 — 95% earns 0, 95.5% earns all 4", () => {
    const scheme = withRule("资金使用率", {
      full: { comparator: ">", value: 95, unit: "%" },
      otherwise: { method: "zero" },
    });
    const at = scoreOne(
      { name: "资金使用率", target: "100%", actual: "95%", weight: 4, score: 4 },
      { scheme },
    );
    expect(at.row.points).toBe(0);
    expect(at.row.rule).toBe("rule.zero");
    expect(at.codes).toContain("score.unmet_full");
    expect(
      scoreOne({ name: "资金使用率", target: "100%", actual: "95.5%", weight: 4 }, { scheme }).row.points,
    ).toBe(4);
  });

  it("bands: ≥95% full, ≥90% 80%, ≥85% 50%, else 0 — 91% of 10 points = 8; 80% = 0", () => {
    const scheme = withRule("群众满意度", {
      full: { comparator: "≥", value: 95, unit: "%" },
      otherwise: {
        method: "bands",
        bands: [
          { comparator: "≥", value: 90, share: 0.8 },
          { comparator: "≥", value: 85, share: 0.5 },
        ],
      },
    });
    expect(
      scoreOne({ name: "群众满意度", target: "≥95%", actual: "91%", weight: 10 }, { scheme }).row.points,
    ).toBe(8);
    expect(
      scoreOne({ name: "群众满意度", target: "≥95%", actual: "86%", weight: 10 }, { scheme }).row.points,
    ).toBe(5);
    expect(
      scoreOne({ name: "群众满意度", target: "≥95%", actual: "80%", weight: 10 }, { scheme }).row.points,
    ).toBe(0);
  });

  it("reverse step: ≤3%, 每超1个百分点扣1分 — 5% is 2 over: 4 − 2 = 2", () => {
    const scheme = withRule("投诉率", {
      full: { comparator: "≤", value: 3, unit: "%" },
      otherwise: { method: "step", per: 1, deduct: 1 },
    });
    expect(scoreOne({ name: "投诉率", target: "≤3%", actual: "5%", weight: 4 }, { scheme }).row.points).toBe(
      2,
    );
  });

  it("completion basis: 完成率≥90%得满分，否则按比例 — 170 of 200人 is 85%: 4 × 85 ÷ 90 = 3.78", () => {
    const scheme = withRule("参训人数", {
      full: { comparator: "≥", value: 90, unit: "%", basis: "completion" },
      otherwise: { method: "proportional" },
    });
    const { row } = scoreOne({ name: "参训人数", target: "200人", actual: "170人", weight: 4 }, { scheme });
    expect(row.points).toBe(3.78);
    expect(row.formula).toContain("完成率85%（170人）未达到完成率≥90%");
    // 185 of 200 is 92.5% ≥ 90%: full.
    expect(
      scoreOne({ name: "参训人数", target: "200人", actual: "185人", weight: 4 }, { scheme }).row.points,
    ).toBe(4);
  });

  it("a rule in another unit cannot score the row: an info finding, and the national rule applies", () => {
    const scheme = withRule("信件办结数", {
      full: { comparator: "≥", value: 95, unit: "%" },
      otherwise: { method: "zero" },
    });
    const { row, codes: found } = scoreOne(
      { name: "信件办结数", target: "≥500件", actual: "450件", weight: 5 },
      { scheme },
    );
    expect(found).toContain("criterion.unusable");
    expect(row.rule).toBe("quantitative.proportional");
    expect(row.points).toBe(4.5);
  });

  it("judgement: 达到得满分，否则酌情扣分并说明理由", () => {
    const scheme = withRule(
      "信息公开及时性",
      { otherwise: { method: "judgement" } },
      "达到得满分，否则酌情扣分并说明理由",
    );
    const reasoned = scoreOne(
      {
        name: "信息公开及时性",
        target: "及时",
        completion: "部分达成",
        weight: 4,
        score: 2.5,
        deviationReason: "两次公开延迟",
      },
      { scheme },
    );
    expect(reasoned.row.points).toBe(2.5);
    expect(reasoned.row.lossKind).toBe("judgement");
    expect(reasoned.codes).toEqual([]);
    const bare = scoreOne(
      { name: "信息公开及时性", target: "及时", completion: "部分达成", weight: 4, score: 3 },
      { scheme },
    );
    expect(bare.row.points).toBe(3);
    expect(bare.codes).toEqual(["score.judgement_unexplained"]);
    const full = scoreOne(
      { name: "信息公开及时性", target: "及时", completion: "部分达成", weight: 4, score: 4 },
      { scheme },
    );
    expect(full.codes).toEqual(["score.unmet_full"]);
    const met = scoreOne({ name: "信息公开及时性", target: "及时", actual: "及时", weight: 4 }, { scheme });
    expect(met.row.points).toBe(4);
    expect(met.row.rule).toBe("rule.met");
  });

  it("group and block rules: a rule for every row of 质量指标, overridden by a row's own", () => {
    const scheme = henanScheme((raw) => {
      raw.rowRules = [
        { group: "质量指标", rule: { otherwise: { method: "zero" } } },
        { names: ["验收合格率"], group: "质量指标", rule: { otherwise: { method: "proportional" } } },
      ];
    });
    const report = fullReport({
      indicators: [
        block("投入管理指标", 20, [metRow("预算编制科学性", 10), metRow("管理制度健全性", 10)]),
        {
          name: "产出指标",
          weight: 40,
          groups: [
            { name: "数量指标", indicators: [metRow("重点工作完成", 20)] },
            {
              name: "质量指标",
              indicators: [
                { name: "验收合格率", target: "≥98%", actual: "49%", weight: 10 },
                { name: "抽检合格率", target: "≥98%", actual: "97%", weight: 10 },
              ],
            },
          ],
        },
        block("效益指标", 30, [metRow("社会效益", 15), metRow("可持续影响", 15)]),
      ],
    });
    const card = score(report, scheme);
    expect(rowNamed(card, "验收合格率").points).toBe(5);
    expect(rowNamed(card, "抽检合格率").points).toBe(0);
    expect(card.total).toBe(85);
  });
});

describe("second-level weights and bonus points", () => {
  const grouped = henanScheme((raw) => {
    const blocks = raw.blocks as Array<Record<string, unknown>>;
    const output = blocks.find((b) => b.id === "output");
    if (output)
      output.groups = [
        { name: "数量指标", weight: 20 },
        { name: "质量指标", weight: 20 },
      ];
  });
  const outputWith = (quantity: ReturnType<typeof metRow>[], quality: ReturnType<typeof metRow>[]) =>
    fullReport({
      indicators: [
        block("投入管理指标", 20, [metRow("预算编制科学性", 10), metRow("管理制度健全性", 10)]),
        {
          name: "产出指标",
          weight: 40,
          groups: [
            { name: "数量指标", indicators: quantity },
            { name: "质量指标", indicators: quality },
          ],
        },
        block("效益指标", 30, [metRow("社会效益", 15), metRow("可持续影响", 15)]),
      ],
    });

  it("rows adding to 22 under a group the scheme weighs 20: a finding, and the group earns at most 20", () => {
    const card = score(outputWith([metRow("甲", 12), metRow("乙", 10)], [metRow("丙", 18)]), grouped);
    expect(findingsWith(card, "weights.group_sum").map((f) => f.message)).toEqual([
      "二级指标“数量指标”方案（郑州市区县部门整体支出绩效自评（河南））规定20分，但其三级指标分值合计为22分（12 + 10）。请调整分值使其合计为20分。".replace(
        "郑州市区县部门整体支出绩效自评（河南）",
        grouped.name,
      ),
      `二级指标“质量指标”方案（${grouped.name}）规定20分，但其三级指标分值合计为18分（18）。请调整分值使其合计为20分。`,
    ]);
    // 数量 22 → capped 20; 质量 18: block 38 of 40; total 10 + 20 + 38 + 30 = 98.
    expect(card.blocks.find((b) => b.id === "output")?.points).toBe(38);
    expect(card.total).toBe(98);
    // The explanation names the 2 points the cap took (22 met rows held to 20), the only loss.
    const items = explain(card, grouped.grades).items.map((i) => [i.label, i.lost]);
    expect(items).toEqual([["产出指标 / 数量指标", 2]]);
  });

  it("a group heading that states 40 over rows adding to 41 is a finding under any scheme", () => {
    const report = ReportSchema.parse({
      kind: "department",
      unit: { name: "测试局" },
      year: 2021,
      budget: {},
      indicators: [
        {
          name: "产出指标",
          groups: [{ name: "数量指标", weight: 40, indicators: [metRow("甲", 20), metRow("乙", 21)] }],
        },
      ],
    });
    const card = score(report, henanScheme());
    expect(findingsWith(card, "weights.group_sum")).toEqual([
      expect.objectContaining({
        where: { path: "indicators[0].groups[0]", label: "产出指标 / 数量指标", quote: "数量指标（40分）" },
        message:
          "二级指标“数量指标”标称40分，但其三级指标分值合计为41分（20 + 21）。请调整分值使其合计为40分。",
      }),
    ]);
  });

  it("a bonus block adds up to its weight and the total stops at maxTotal", () => {
    const bonus = (maxTotal: number) =>
      henanScheme((raw) => {
        (raw.blocks as unknown[]).push({
          id: "bonus",
          name: "加分项",
          weight: 5,
          source: "indicators",
          bonus: true,
        });
        raw.maxTotal = maxTotal;
      });
    const report = fullReport({
      indicators: [
        block("投入管理指标", 20, [
          metRow("预算编制科学性", 10),
          { name: "管理制度健全性", target: "≥10项", actual: "5项", weight: 10 },
        ]),
        block("产出指标", 40, [metRow("重点工作完成", 20), metRow("工作质量", 20)]),
        block("效益指标", 30, [metRow("社会效益", 15), metRow("可持续影响", 15)]),
        block("加分项", 5, [metRow("获省级表彰", 3)]),
      ],
    });
    // 10 + (10 + 5) + 40 + 30 = 95, + 3 bonus = 98 (under 100).
    expect(score(report, bonus(100)).total).toBe(98);
    expect(score(fullReport(), bonus(100)).total).toBe(100);
    const noBonusRows = score(fullReport(), bonus(100));
    expect(codes(noBonusRows)).not.toContain("weights.block_sum");
    expect(explain(noBonusRows, henanScheme().grades).lostTotal).toBe(0);
    // A scheme that lets the bonus lift the total above 100.
    const over = fullReport({
      indicators: [...(fullReport().indicators as never[]), block("加分项", 5, [metRow("获省级表彰", 3)])],
    });
    expect(score(over, bonus(105)).total).toBe(103);
  });
});

describe("derived indicators read any figure the model holds", () => {
  it("固定资产利用率 = 在用设备数 ÷ 设备总数 from two other rows: 45 ÷ 50 = 90%, 5 × 90 ÷ 95 = 4.74", () => {
    const scheme = henanScheme((raw) => {
      (raw.commonIndicators as unknown[]).push({
        key: "assetUse",
        name: "固定资产利用率",
        direction: "positive",
        formula: { op: "ratio", numerator: "indicator:在用设备数", denominator: "indicator:设备总数" },
      });
    });
    const report = ReportSchema.parse({
      kind: "department",
      unit: { name: "测试局" },
      year: 2021,
      budget: {},
      indicators: [
        block("产出指标", undefined, [
          { name: "设备总数", target: "50台", actual: "50台", weight: 5 },
          { name: "在用设备数", target: "≥45台", actual: "45台", weight: 5 },
          { name: "固定资产利用率", target: "≥95%", actual: "96%", weight: 5, score: 5 },
        ]),
      ],
    });
    const card = score(report, scheme);
    const row = rowNamed(card, "固定资产利用率");
    expect(row.points).toBe(4.74);
    expect(row.derived?.formula).toBe("“在用设备数”实际完成值45台 ÷ “设备总数”实际完成值50台 = 90%");
    expect(findingsWith(card, "value.conflict").map((f) => f.where.label)).toEqual([
      "产出指标 / 产出指标·二级 / 固定资产利用率",
    ]);
  });
});
