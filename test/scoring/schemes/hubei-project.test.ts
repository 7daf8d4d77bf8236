import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Report, ReportSchema } from "../../../src/core/report.ts";
import { explain } from "../../../src/scoring/explain.ts";
import { score } from "../../../src/scoring/score.ts";
import type { ScoreCard } from "../../../src/scoring/score-card.ts";
import { imported } from "../../services/imported-files.ts";
import { codes, rowNamed } from "../build-report.ts";
import { installed } from "./scheme-test-helpers.ts";

/**
 * The Hubei project scheme (hubei-project.json) on a real Hubei project table:
 * fixtures/real/60, 黄石市住房和城乡建设局《2022年度黄石市系统化全域海绵城市示范城市的申报工作经费项目自评表》.
 *
 * Read by the project's importer; three figures the table prints outside its columns are added by
 * hand, each named here:
 * - 预算数(A) 200: its column has no role yet (a bare “预算数” heading would split the run-together
 *   headings of other tables wrongly), so the base of the rate is entered by hand;
 * - the 预算执行 weight 20, printed in the row label “预算执行情况(万元) (20分)”;
 * - the rows' 分值: the table has no 分值 column, only 得分 (10 on each of the 8 rows) under
 *   “年度绩效目标1 (80分)”. The table's note says a score never exceeds its weight, so each 得分 ≤ its
 *   分值; the 8 scores add up to 80 = the block's 80, hence every 分值 equals its 得分: 10 each.
 */
const FIXTURE = join(import.meta.dirname, "../../../fixtures/real/60_hubei_huangshi_haimian_shenbao.txt");
const TEXT = readFileSync(FIXTURE, "utf8");
const scheme = installed("hubei-project");

let read: Report;
let report: Report;
beforeAll(async () => {
  const file = await imported(FIXTURE);
  const first = file.reports[0];
  if (first === undefined) throw new Error("no report read from fixture 60");
  read = first.completed.report;
  report = ReportSchema.parse({
    ...read,
    budget: { ...read.budget, adjusted: "200万元", weight: 20 },
    indicators: read.indicators.map((b) => ({
      ...b,
      groups: b.groups.map((g) => ({
        ...g,
        indicators: g.indicators.map((i) => ({ ...i, weight: i.score })),
      })),
    })),
  });
});

describe("hubei-project: the scheme file", () => {
  it("holds the weights and rules the Hubei table and its notes print", () => {
    expect(scheme.blocks.map((b) => [b.id, b.weight, b.source])).toEqual([
      ["budget", 20, "budget"],
      ["output", 40, "indicators"],
      ["outcome", 40, "indicators"],
    ]);
    expect(scheme.budgetExecution).toMatchObject({ method: "proportional", base: "adjusted" });
    expect(scheme.quantitative.reverse).toBe("proportional");
    // 100-80%(含80%)、80-50%(含50%)、50-0% (table note 3 of fixtures/real 28, Hubei).
    expect(scheme.qualitative.bands).toEqual({
      达成: { min: 80, max: 100 },
      部分达成: { min: 50, max: 80 },
      未达成: { min: 0, max: 50 },
    });
    expect(scheme.basis).toContain("财预〔2020〕10号");
    expect(scheme.sources.some((s) => s.includes("zjj.huangshi.gov.cn"))).toBe(true);
    expect(scheme.sources.some((s) => s.includes("www.zgtc.gov.cn"))).toBe(true);
  });

  it("the importer reads the table's 8 rows and the budget row's 执行数, 执行率 and 得分", () => {
    expect(TEXT).toContain(
      "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率)",
    );
    expect(TEXT).toContain("年度财政资金总额 | 200 | 195.5 | 97.75% | 19.55 |");
    expect(read.project).toBe("黄石市系统化全域海绵城市示范城市的申报工作经费");
    expect(read.year).toBe(2022);
    expect([read.budget.executed?.text, read.budget.reportedRate?.text, read.budget.score]).toEqual([
      "195.5万元",
      "97.75%",
      19.55,
    ]);
    expect(read.budget.adjusted).toBeUndefined();
    expect(read.indicators.map((b) => [b.name, b.groups.flatMap((g) => g.indicators).length])).toEqual([
      ["产出指标", 4],
      ["效益指标", 3],
      ["满意度指标", 1],
    ]);
    const rows = read.indicators.flatMap((b) => b.groups.flatMap((g) => g.indicators));
    expect(rows.map((r) => [r.weight, r.score])).toEqual(Array.from({ length: 8 }, () => [undefined, 10]));
  });
});

describe("hubei-project scores the 黄石 table as the hand computation", () => {
  let card: ScoreCard;
  beforeAll(() => {
    card = score(report, scheme);
  });

  it("total 99.55 (优), the table's own 总分", () => {
    // 预算执行情况: 195.5 ÷ 200 = 97.75%; 20 × 97.75% = 19.55 (lost 0.45)
    // 产出指标 40: 4 rows of 10, each met                                    = 40
    //   数量 “完成1部宣传片,2套方案” → same; 质量 通过 → 通过; 时效 → 完成: 达成, officer's 10 in 8–10
    //   成本 200万 → 195.5万元: the engine cannot compare 万 with 万元 (actual.unit_mismatch) and
    //   keeps the officer's 10
    // 效益指标和满意度指标 40: 经济 / 社会 / 生态效益 → 完成, 群众满意度 满意 → 完成: 4 × 10  = 40
    // total = 19.55 + 40 + 40 = 99.55
    expect(card.total).toBe(99.55);
    expect(card.grade).toBe("优");
    expect(card.blocks.map((b) => [b.id, b.weight, b.rowWeightSum, b.points, b.lost])).toEqual([
      ["budget", 20, 20, 19.55, 0.45],
      ["output", 40, 40, 40, 0],
      ["outcome", 40, 40, 40, 0],
    ]);
    // The importer does not read the 总分 row; the table prints it as 99.55.
    expect(TEXT).toContain("总分 | 99.55分");
    expect(rowNamed(card, "省级宣传片制作费、申报文本编制费、自评估报告编制费")).toMatchObject({
      rule: "missing.actual",
      points: 10,
      lost: 0,
    });
    expect(codes(card)).toContain("actual.unit_mismatch");
  });

  it("the only row that loses points is 预算执行率: 20 × 97.75% = 19.55", () => {
    const lost = card.blocks.flatMap((b) => b.indicators).filter((r) => r.lost > 0);
    expect(lost.map((r) => [r.name, r.weight, r.points, r.lost, r.rule])).toEqual([
      ["预算执行率", 20, 19.55, 0.45, "budget.proportional"],
    ]);
    expect(lost[0]?.formula).toBe(
      "预算执行数195.5万元 ÷ 调整后预算数200万元 = 97.75%；按比例计分：20 × 97.75% = 19.55分",
    );
    // 效益 and 满意度 rows are both held by the one 40-point block, as the Hubei rule sets.
    expect(card.blocks[2]?.indicators.map((r) => r.name)).toEqual([
      "统筹海绵城市项目谋划",
      "指导城市建设",
      "有利于城市生态、韧性发展",
      "群众满意度",
    ]);
    expect(rowNamed(card, "群众满意度")).toMatchObject({ kind: "qualitative", points: 10, lost: 0 });
  });

  it("the explanation lists the 0.45 lost with its rule, and nothing else", () => {
    const e = explain(card, scheme.grades);
    expect(e.lostTotal).toBe(0.45);
    expect(e.items.map((i) => [i.kind, i.label, i.lost, i.why])).toEqual([
      [
        "rule",
        "预算执行情况（预算执行率）",
        0.45,
        "预算执行数195.5万元 ÷ 调整后预算数200万元 = 97.75%；按比例计分：20 × 97.75% = 19.55分",
      ],
    ]);
  });
});
