import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { UNNAMED_BLOCK } from "../../../src/core/indicators.ts";
import { type Report, ReportSchema } from "../../../src/core/report.ts";
import { explain } from "../../../src/scoring/explain.ts";
import { score } from "../../../src/scoring/score.ts";
import type { ScoreCard } from "../../../src/scoring/score-card.ts";
import { imported } from "../../services/imported-files.ts";
import { findingsWith, rowNamed } from "../build-report.ts";
import { installed } from "./scheme-test-helpers.ts";

/**
 * The Chongqing department scheme (chongqing-department.json) on a real Chongqing 部门整体绩效自评表:
 * fixtures/real/61 (the same text as ../shared/real-reports/16), 重庆科学城融媒体中心 2021, an OCR
 * export cut inside the table.
 *
 * Read by the project's importer, with two hand steps, both named here:
 * - the budget row `O76%107.6` (amounts garbled to “O”) is read by hand as 执行率 76%, 执行率权重 10,
 *   执行率得分 7.6 (the importer leaves the run-together row unread; the amounts stay unknown);
 * - the Chongqing table has no 一级指标 column (its rows are one list under 当年绩效目标), and the scheme
 *   format cannot yet say that such rows belong to its 90-point block, so the test files the rows
 *   the importer read under the scheme's block name “当年绩效指标”.
 */
const FIXTURE = join(
  import.meta.dirname,
  "../../../fixtures/real/61_chongqing_kexuecheng_rongmeiti_zhengti.txt",
);
const scheme = installed("chongqing-department");

let read: Report;
let card: ScoreCard;
beforeAll(async () => {
  const file = await imported(FIXTURE);
  const first = file.reports[0];
  if (first === undefined) throw new Error("no report read from fixture 61");
  read = first.completed.report;
  const report = ReportSchema.parse({
    ...read,
    budget: { ...read.budget, reportedRate: "76%", weight: 10, score: 7.6 },
    indicators: read.indicators.map((b) => (b.name === UNNAMED_BLOCK ? { ...b, name: "当年绩效指标" } : b)),
  });
  card = score(report, scheme);
});

describe("chongqing-department: the scheme file", () => {
  it("holds the Chongqing table's weights: 执行率权重 10, indicators 90", () => {
    expect(scheme.kind).toBe("department");
    expect(scheme.blocks.map((b) => [b.id, b.weight, b.source])).toEqual([
      ["budget", 10, "budget"],
      ["performance", 90, "indicators"],
    ]);
    expect(scheme.budgetExecution).toMatchObject({ method: "proportional", base: "adjusted" });
    expect(scheme.basis).toContain("财预〔2020〕10号");
    expect(scheme.sources.some((s) => s.includes("https://m.yzwku.com/doc/98587.html"))).toBe(true);
  });
});

describe("chongqing-department scores the 科学城融媒体中心 table as the hand computation", () => {
  it("the importer reads the 15 rows whose values are legible, in one unnamed block", () => {
    // Left out as unreadable (never guessed): “三公经费变动率 / “三公经费控制率 (no values),
    // 组织宣传活动次数 (target “到0次”), 制作宣传品数量 (target “第O份”), and the rows after the cut
    // (公共服务…). 播发稿件数量's damaged 计量单位 “tot扁” stays in its name; its values carry 篇.
    expect(read.indicators.map((b) => b.name)).toEqual([UNNAMED_BLOCK]);
    const rows = read.indicators.flatMap((b) => b.groups.flatMap((g) => g.indicators));
    expect(rows.map((r) => [r.name, r.weight, r.score])).toEqual([
      ["财政供养人员控制率", 2, 2],
      ["基础信息完善", 1, 1],
      ["预算完成率", 2, 2],
      ["预算调整率", 2, 2],
      ["结转结余率", 2, 2],
      ["公用经费控制率", 2, 2],
      ["政府采购执行率", 2, 2],
      ["管理制度健全性", 3, 3],
      ["资金使用合规性", 5, 5],
      ["预决算信息公开性", 1, 1],
      ["资产管理安全", 2, 2],
      ["固定资产利用率", 2, 2],
      ["党性教育培训次数", 5, 5],
      ["播发稿件数量tot扁", 10, 10],
      ["业务保障能力提升", 10, 10],
    ]);
  });

  it("total 55.36: 7.6 for the budget and 47.76 of the 51 points the legible rows carry", () => {
    // 部门预算执行情况: amounts unreadable, stated 执行率 76%: 10 × 76% = 7.6 (lost 2.4)
    // 当年绩效指标 (legible rows, 51 of 90 points):
    //   财政供养人员控制率 ≤ (控制率): 92% ≤ 100% met                       2
    //   基础信息完善 100% → 100% met                                        1
    //   预算完成率 70% → 76% met                                            2
    //   预算调整率 ≤ 3% → 0 met; 结转结余率 ≤ 2% → 0 met                      2 + 2
    //   公用经费控制率 ≤ 100% → 97% met                                      2
    //   政府采购执行率 100% → 72.74%: 2 × 72.74 ÷ 100 = 1.4548 → 1.45        1.45 (lost 0.55)
    //   管理制度健全性 高→高, 资金使用合规性 好→好, 预决算信息公开性 高→高,
    //   资产管理安全 好→好: 达成, officer's full marks inside 80–100%         3 + 5 + 1 + 2
    //   固定资产利用率 90% → 100% met                                        2
    //   党性教育培训次数 26次 → 12次: 5 × 12 ÷ 26 = 2.3077 → 2.31            2.31 (lost 2.69)
    //   播发稿件数量 2200篇 → 2859篇 met (130%, no reason: target.far_above)  10
    //   业务保障能力提升 90% → 95% met                                       10
    //   sum = 2+1+2+2+2+2+1.45+3+5+1+2+2+2.31+10+10 = 47.76
    //   the other 90 − 51 = 39 points have no legible row (structure)
    // total = 7.6 + 47.76 = 55.36 (差); the report's own 97.6 gives every row full marks
    expect(card.total).toBe(55.36);
    expect(card.grade).toBe("差");
    expect(card.blocks.map((b) => [b.id, b.weight, b.rowWeightSum, b.points, b.lost])).toEqual([
      ["budget", 10, 10, 7.6, 2.4],
      ["performance", 90, 51, 47.76, 42.24],
    ]);
  });

  it("the rows that lose points, each with its rule", () => {
    const lost = card.blocks.flatMap((b) => b.indicators).filter((r) => r.lost > 0);
    expect(lost.map((r) => [r.name, r.weight, r.points, r.lost, r.rule])).toEqual([
      ["预算执行率", 10, 7.6, 2.4, "budget.proportional"],
      ["政府采购执行率", 2, 1.45, 0.55, "quantitative.proportional"],
      ["党性教育培训次数", 5, 2.31, 2.69, "quantitative.proportional"],
    ]);
    expect(rowNamed(card, "财政供养人员控制率").rule).toBe("reverse.met");
    // The officer gave both unmet rows full marks.
    expect(findingsWith(card, "score.unmet_full").map((f) => f.where.path)).toHaveLength(2);
  });

  it("the explanation lists every point lost, with its rule", () => {
    const e = explain(card, scheme.grades);
    // 39 + 2.69 + 2.4 + 0.55 = 44.64 = 100 − 55.36
    expect(e.lostTotal).toBe(44.64);
    expect(e.byKind).toEqual({ rule: 5.64, judgement: 0, missing: 0, structure: 39 });
    expect(e.items.map((i) => [i.kind, i.label, i.lost, i.why])).toEqual([
      [
        "structure",
        "当年绩效指标",
        39,
        "“当年绩效指标”标称90分，但三级指标分值合计只有51分，39分没有对应指标，无从得分",
      ],
      [
        "rule",
        "当年绩效指标 / 党性教育培训次数",
        2.69,
        "实际值12次未达到指标值26次，按完成比例计分：5 × 12 ÷ 26 = 2.31分",
      ],
      [
        "rule",
        "部门预算执行情况（预算执行率）",
        2.4,
        "缺少预算执行数、年初预算数（未调整），按报告所填执行率76%计；按比例计分：10 × 76% = 7.6分",
      ],
      [
        "rule",
        "当年绩效指标 / 政府采购执行率",
        0.55,
        "实际值72.74%未达到指标值100%，按完成比例计分：2 × 72.74 ÷ 100 = 1.45分",
      ],
    ]);
  });
});
