import { describe, expect, it } from "vitest";
import { type Report, ReportSchema } from "../../../src/core/report.ts";
import { blockPoints, losingRows, lostItems, realReport, scored } from "./scheme-test-helpers.ts";

/*
 * sichuan-project: 预算执行情况 10 / 绩效指标 90, "预算执行率未达到90%的需说明原因" (explainBelow 90).
 *
 * 50 (青神县发展和改革局 工资性支出, 2023) is the complete Sichuan table, but the importer does not
 * read it: every cell is on its own line ending in " |" with no line between rows, so rows can only
 * be recovered from the header's column count (and the 预算 header has one cell more than its rows).
 * The report is therefore built here from the table's own values, copied cell by cell:
 *   预算执行情况(10分): 总额 年初预算 238.93 | 调整后预算数 251.89 | 预算执行数 251.89 | 100.00% | 权重 10 | 得分 (blank)
 *   绩效指标(90分): 产出指标 / 数量指标 / 发放(缴纳)覆盖率 | = | 100 | % | 完成值 (blank) | 权重 60 | 得分 (blank)
 *                  效益指标 / 社会效益指标 / 足额保障率(参保率) | = | 100 | % | 完成值 (blank) | 权重 30 | 得分 (blank)
 *                  合计 100
 */
function qingshen(): Report {
  return ReportSchema.parse({
    kind: "project",
    unit: { name: "青神县发展和改革局" },
    project: "51000021R000000019951-工资性支出",
    year: 2023,
    budget: {
      initial: "238.93万元",
      adjusted: "251.89万元",
      executed: "251.89万元",
      reportedRate: "100.00%",
      weight: 10,
    },
    indicators: [
      {
        name: "产出指标",
        groups: [
          {
            name: "数量指标",
            indicators: [{ name: "发放(缴纳)覆盖率", target: "=100%", unit: "%", weight: 60 }],
          },
        ],
      },
      {
        name: "效益指标",
        groups: [
          {
            name: "社会效益指标",
            indicators: [{ name: "足额保障率(参保率)", target: "=100%", unit: "%", weight: 30 }],
          },
        ],
      },
    ],
    summary: { totalRow: { name: "合计", weight: 100 } },
  });
}

describe("sichuan-project on 50 (青神县发展和改革局 工资性支出, 2023; built from the real table)", () => {
  /*
   * Hand computation, row by row:
   *   预算执行情况  预算执行数 251.89 ÷ 调整后预算数 251.89 = 100%; 10 × 100% = 10 (of 10); not below 90%
   *   绩效指标      产出指标 and 效益指标 both fall under the scheme's 绩效指标 (90); weights 60 + 30 = 90
   *                 发放(缴纳)覆盖率   =100%, 完成值 blank: nothing to score, 0 (of 60), lost for want of data
   *                 足额保障率(参保率) =100%, 完成值 blank: 0 (of 30), lost for want of data
   *   total         10 + 0 = 10 → 差 (< 60)
   */
  const load = () => scored(qingshen(), "sichuan-project");

  it("puts 产出指标 and 效益指标 under 绩效指标 (90) and totals 10 (差)", () => {
    const { card } = load();
    expect(blockPoints(card)).toEqual([
      ["budget", 10],
      ["performance", 0],
    ]);
    expect(card.blocks[1]?.rowWeightSum).toBe(90);
    expect(card.total).toBe(10);
    expect(card.grade).toBe("差");
  });

  it("loses 60 and 30 on the two rows with no 完成值, each explained as missing data", () => {
    const { card, why } = load();
    expect(losingRows(card)).toEqual([
      ["发放(缴纳)覆盖率", 0],
      ["足额保障率(参保率)", 0],
    ]);
    expect(lostItems(why)).toEqual([
      ["产出指标 / 数量指标 / 发放(缴纳)覆盖率", 60, "missing"],
      ["效益指标 / 社会效益指标 / 足额保障率(参保率)", 30, "missing"],
    ]);
    expect(why.items.map((i) => i.why)).toEqual([
      "缺少可用的实际完成值且未填得分，计0分",
      "缺少可用的实际完成值且未填得分，计0分",
    ]);
    expect(why.lostTotal).toBe(90);
    expect(card.findings.some((f) => f.code === "budget.rate_low")).toBe(false);
  });
});

describe("sichuan-project on a rate below 90% (41, 眉山市残联: 中央资金 776.84万元, 完成 636.75万元, 81.97%)", () => {
  /*
   * 41 states these figures in its narrative only ("中央资金投入776.84万元" … "中央资金完成636.75万元，
   * 预算执行率81.97%"); the budget below is those figures, with no indicator table.
   *   预算执行情况  636.75 ÷ 776.84 = 81.967…% → 10 × 81.967…% = 8.1967… → 8.2 (of 10)
   *   81.97% < 90%: the scheme asks for the reason (budget.rate_low)
   */
  const report = ReportSchema.parse({
    kind: "project",
    unit: { name: "眉山市残疾人联合会" },
    year: 2021,
    budget: { adjusted: "776.84万元", executed: "636.75万元", reportedRate: "81.97%" },
  });

  it("scores 8.2 of 10 and asks for the reason the rate is below 90%", () => {
    const { card, why } = scored(report, "sichuan-project");
    expect(card.blocks[0]?.points).toBe(8.2);
    expect(losingRows(card)).toEqual([["预算执行率", 8.2]]);
    const low = card.findings.find((f) => f.code === "budget.rate_low");
    expect(low?.message).toBe("预算执行率81.97%低于90%，按本方案须说明原因。");
    const rule = why.items.find((i) => i.kind === "rule");
    expect(rule?.lost).toBe(1.8);
    expect(rule?.why).toBe(
      "预算执行数636.75万元 ÷ 调整后预算数776.84万元 = 81.97%；按比例计分：10 × 81.97% = 8.2分",
    );
  });
});

describe("sichuan-project on 51 (大英县司法局 安可替代补助资金项目, 2023, read by the importer)", () => {
  /*
   * 51 is cut at both ends: it opens with the last row of the table before (成本控制数, whose title
   * the page cut off) and stops inside this project's first indicator. The importer reads the budget
   * row and that one earlier row, which it attaches to this report (nothing tells it apart).
   * Hand computation, row by row:
   *   预算执行情况  预算执行数 3.36 ÷ 调整后预算数 3.36 = 100%; 10 × 100% = 10 (of 10)
   *   绩效指标      成本控制数 ≤30万元, 完成值 "完成" is no amount: no rule applies, the officer's 90 (of 90)
   *                 stands and the row is reported (actual.missing)
   *   total         10 + 90 = 100 → 优; no row loses points
   */
  const load = async () => scored(await realReport("51_sichuan_daying_sifaju_anke.txt"), "sichuan-project");

  it("totals 100 (优): 10 + 90, with the 完成 written for an amount reported", async () => {
    const { card, why } = await load();
    expect(blockPoints(card)).toEqual([
      ["budget", 10],
      ["performance", 90],
    ]);
    expect(card.total).toBe(100);
    expect(losingRows(card)).toEqual([]);
    expect(why.items).toEqual([]);
    const f = card.findings.find((x) => x.code === "actual.missing");
    expect(f?.message).toContain("“成本控制数”的实际完成值“完成”不是可计算的数值");
  });
});
