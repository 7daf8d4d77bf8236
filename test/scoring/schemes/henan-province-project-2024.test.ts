import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Report, type ReportInput, ReportSchema } from "../../../src/core/report.ts";
import { explain } from "../../../src/scoring/explain.ts";
import { guessScheme } from "../../../src/scoring/guess-scheme.ts";
import { score } from "../../../src/scoring/score.ts";
import { installedSchemes } from "../../../src/services/scheme-files.ts";
import { imported } from "../../services/imported-files.ts";
import { installed } from "./scheme-test-helpers.ts";

/**
 * The Henan province project scheme for 2024 (henan-province-project-2024.json), set by
 * 《河南省财政厅关于开展2024年省级绩效自评和部门评价工作的通知》(豫财效〔2024〕1号): 成本指标 10, 产出指标 30,
 * 效益指标 25, 满意度指标 5 (70 in all); the other 30 points are taken to be the system-computed
 * 预算执行率 (not printed in the text found: see the scheme's basis).
 *
 * No real 2024 provincial table with scores was found in the stored corpora. The real Henan report
 * used is fixtures/real/44 (西平县交通运输局 2022, a county project report in narrative form: its
 * 执行率 97% and no indicator table). It shows two things: the 2024 provincial scheme is not applied
 * to it by guess, and, when chosen by hand, only its 预算执行率 can be scored.
 */
const FIXTURE_44 = join(import.meta.dirname, "../../../fixtures/real/44_henan_xiping_jiaotong_xianjie.txt");
const scheme = installed("henan-province-project-2024");
const schemes = (() => {
  const all = installedSchemes();
  if (!all.ok) throw new Error(all.error.message);
  return all.value;
})();

describe("henan-province-project-2024: the scheme file", () => {
  it("holds the notice's indicator weights and names its basis and what it infers", () => {
    expect(scheme.blocks.map((b) => [b.id, b.name, b.weight, b.source])).toEqual([
      ["budget", "预算执行率", 30, "budget"],
      ["cost", "成本指标", 10, "indicators"],
      ["output", "产出指标", 30, "indicators"],
      ["outcome", "效益指标", 25, "indicators"],
      ["satisfaction", "满意度指标", 5, "indicators"],
    ]);
    expect(scheme.basis).toContain("豫财效〔2024〕1号");
    expect(scheme.basis).toContain("待以通知全文核对");
    expect(scheme.basis).toContain("财预〔2020〕10号");
    expect(scheme.sources.some((s) => s.includes("http://izhc.cn/info/1088/17792.htm"))).toBe(true);
  });
});

describe("henan-province-project-2024 on the real Henan report 44 (county, 2022, narrative)", () => {
  let report: Report;
  let text: string;
  beforeAll(async () => {
    const file = await imported(FIXTURE_44);
    const first = file.reports[0]?.report;
    if (first === undefined || !first.ok) throw new Error("fixture 44 not read as a complete report");
    report = first.value;
    text = file.text;
  });

  it("is not guessed for it: nothing in a 2022 county narrative ties it to the 2024 provincial table", () => {
    expect(report.unit.name).toBe("西平县交通运输局");
    expect(report.indicators).toEqual([]);
    expect(guessScheme(report, text, schemes)?.scheme.id).not.toBe("henan-province-project-2024");
  });

  it("chosen by hand, scores its 执行率 only: 30 × 97% = 29.1, and says the 70 indicator points have no rows", () => {
    // 预算执行率: the text gives 2113.63 of 2179万元 and “执行率97%”; the importer reads the stated
    // rate, so 30 × 97% = 29.1 (lost 0.9). 成本 10, 产出 30, 效益 25, 满意度 5: no indicator table, 0 each.
    const card = score(report, scheme);
    expect(card.total).toBe(29.1);
    expect(card.blocks.map((b) => [b.id, b.points, b.lost])).toEqual([
      ["budget", 29.1, 0.9],
      ["cost", 0, 10],
      ["output", 0, 30],
      ["outcome", 0, 25],
      ["satisfaction", 0, 5],
    ]);
    const e = explain(card, scheme.grades);
    expect(e.lostTotal).toBe(70.9);
    expect(e.items.map((i) => [i.kind, i.label, i.lost, i.why])).toEqual([
      ["structure", "产出指标", 30, "报告中没有“产出指标”的三级指标，该项30分无从得分"],
      ["structure", "效益指标", 25, "报告中没有“效益指标”的三级指标，该项25分无从得分"],
      ["structure", "成本指标", 10, "报告中没有“成本指标”的三级指标，该项10分无从得分"],
      ["structure", "满意度指标", 5, "报告中没有“满意度指标”的三级指标，该项5分无从得分"],
      [
        "rule",
        "预算执行率",
        0.9,
        "缺少预算执行数、年初预算数（未调整），按报告所填执行率97%计；按比例计分：30 × 97% = 29.1分",
      ],
    ]);
  });
});

describe("henan-province-project-2024 on a table shaped as the 2024 notice sets (not a real report)", () => {
  // Built from the notice's first-level weights to show the scheme's blocks at work; the values
  // are an example, not taken from any report.
  const table = ReportSchema.parse({
    kind: "project",
    unit: { name: "示例厅" },
    year: 2024,
    project: "基层业务培训",
    budget: { adjusted: "300万元", executed: "285万元" },
    indicators: [
      {
        name: "成本指标",
        groups: [
          {
            name: "经济成本指标",
            indicators: [
              { name: "项目总成本", target: "≤300万元", actual: "285万元", weight: 10, score: 10 },
            ],
          },
        ],
      },
      {
        name: "产出指标",
        groups: [
          {
            name: "数量指标",
            indicators: [{ name: "培训人次", target: "≥1000人次", actual: "900人次", weight: 20, score: 18 }],
          },
          {
            name: "质量指标",
            indicators: [{ name: "培训合格率", target: "≥95%", actual: "96%", weight: 10, score: 10 }],
          },
        ],
      },
      {
        name: "效益指标",
        groups: [
          {
            name: "社会效益指标",
            indicators: [
              {
                name: "基层业务能力",
                target: "提升",
                actual: "部分提升",
                completion: "部分达成",
                weight: 25,
                score: 15,
                deviationReason: "部分县区培训后未开展跟踪",
              },
            ],
          },
        ],
      },
      {
        name: "满意度指标",
        groups: [
          {
            name: "服务对象满意度指标",
            indicators: [{ name: "参训人员满意度", target: "≥90%", actual: "93%", weight: 5, score: 5 }],
          },
        ],
      },
    ],
  } satisfies ReportInput);

  it("is guessed by its first-level block names (its headings state no weights)", () => {
    const guess = guessScheme(table, "", schemes);
    expect([guess?.scheme.id, guess?.reason]).toEqual(["henan-province-project-2024", "一级指标名称相符"]);
  });

  it("scores 86.5 (良) as the hand computation", () => {
    // 预算执行率: 285 ÷ 300 = 95%; 30 × 95% = 28.5                                   (lost 1.5)
    // 成本指标: 项目总成本 ≤300万元, 285万元: met                                       10
    // 产出指标: 培训人次 ≥1000, 900: 20 × 900 ÷ 1000 = 18 (lost 2); 合格率 96% ≥ 95%: 10  28
    // 效益指标: 基层业务能力 部分达成, band 60–80% of 25 = 15–20, officer's 15 accepted   15 (lost 10)
    // 满意度指标: 93% ≥ 90%                                                           5
    // total = 28.5 + 10 + 28 + 15 + 5 = 86.5
    const card = score(table, scheme);
    expect(card.total).toBe(86.5);
    expect(card.grade).toBe("良");
    const lost = card.blocks.flatMap((b) => b.indicators).filter((r) => r.lost > 0);
    expect(lost.map((r) => [r.name, r.weight, r.points, r.lost])).toEqual([
      ["预算执行率", 30, 28.5, 1.5],
      ["培训人次", 20, 18, 2],
      ["基层业务能力", 25, 15, 10],
    ]);
    const e = explain(card, scheme.grades);
    expect(e.lostTotal).toBe(13.5);
    expect(e.items.map((i) => [i.label, i.lost, i.why])).toEqual([
      [
        "效益指标 / 社会效益指标 / 基层业务能力",
        10,
        "定性指标：完成情况“部分达成”，“部分达成”档可评分值的60%–80%（15–20分）；填报15分在区间内，予以认可",
      ],
      [
        "产出指标 / 数量指标 / 培训人次",
        2,
        "实际值900人次未达到指标值≥1000人次，按完成比例计分：20 × 900 ÷ 1000 = 18分",
      ],
      ["预算执行率", 1.5, "预算执行数285万元 ÷ 调整后预算数300万元 = 95%；按比例计分：30 × 95% = 28.5分"],
    ]);
  });
});
