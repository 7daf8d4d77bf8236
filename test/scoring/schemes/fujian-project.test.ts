import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../../src/core/report.ts";
import { blockPoints, losingRows, lostItems, scored } from "./scheme-test-helpers.ts";

/*
 * fujian-project: 投入 30 / 过程 30 / 产出与效益 40.
 *
 * No real Fujian table with scores is in the stored corpus (53 is the Fujian self-evaluation notice
 * without a table). This table follows what issue 14 reports of a real Fujian project table: blocks
 * 投入 30 / 过程 30 / 产出与效益 40, 产出 and 效益 rows under the one 产出与效益 heading, and rows that
 * add to 41 under that heading of 40. Row names are the 2013 framework's; the values are this test's.
 * Its 评分标准 column is left out: rows are scored by the scheme (national defaults), so this test
 * does not depend on the reader of printed criteria.
 */
const met = (name: string, weight: number) => ({
  name,
  target: "达成",
  actual: "达成",
  weight,
  score: weight,
});
const fujianStyle = ReportSchema.parse({
  kind: "project",
  unit: { name: "福建式测试单位" },
  year: 2018,
  indicators: [
    {
      name: "投入",
      weight: 30,
      groups: [
        { name: "项目立项", indicators: [met("立项依据充分性", 8), met("绩效目标合理性", 7)] },
        {
          name: "资金落实",
          indicators: [
            { name: "资金到位率", target: "=100%", actual: "100%", weight: 10 },
            { name: "到位及时率", target: "=100%", actual: "100%", weight: 5 },
          ],
        },
      ],
    },
    {
      name: "过程",
      weight: 30,
      groups: [
        { name: "业务管理", indicators: [met("制度执行有效性", 10), met("项目质量可控性", 5)] },
        {
          name: "财务管理",
          indicators: [
            { name: "资金使用率", target: "≥95%", actual: "93.1%", weight: 10 },
            met("财务监控有效性", 5),
          ],
        },
      ],
    },
    {
      name: "产出与效益",
      weight: 40,
      groups: [
        {
          name: "项目产出",
          indicators: [
            { name: "处理外网信件", target: "≥500件", actual: "470件", weight: 10 },
            { name: "组织视频会议", target: "≥150场", actual: "162场", weight: 10 },
          ],
        },
        {
          name: "项目效益",
          indicators: [
            { name: "群众满意率", target: "≥95%", actual: "90%", weight: 11 },
            met("社会效益", 10),
          ],
        },
      ],
    },
  ],
});

describe("fujian-project on a Fujian-style 2013-framework table (rows adding to 41 under 40)", () => {
  /*
   * Hand computation, row by row:
   *   投入 (30)        立项依据充分性 达成 8; 绩效目标合理性 达成 7; 资金到位率 100% / =100% 10;
   *                    到位及时率 100% / =100% 5                                   = 30
   *   过程 (30)        制度执行有效性 达成 10; 项目质量可控性 达成 5; 财务监控有效性 达成 5;
   *                    资金使用率 93.1% < 95%: 10 × 93.1 ÷ 95 = 9.8                 = 29.8
   *   产出与效益 (40)  处理外网信件 470 < 500件: 10 × 470 ÷ 500 = 9.4; 组织视频会议 162 ≥ 150场 10;
   *                    群众满意率 90% < 95%: 11 × 90 ÷ 95 = 10.421… → 10.42; 社会效益 达成 10
   *                    rows weigh 10 + 10 + 11 + 10 = 41 > 40: their 39.82 is capped at 40 (not reached) = 39.82
   *   total            30 + 29.8 + 39.82 = 99.62 → 优
   * Rows that lose points: 资金使用率 9.8 of 10, 处理外网信件 9.4 of 10, 群众满意率 10.42 of 11.
   */
  const { card, why } = scored(fujianStyle, "fujian-project");

  it("totals 99.62 (优): 30 + 29.8 + 39.82", () => {
    expect(blockPoints(card)).toEqual([
      ["input", 30],
      ["process", 29.8],
      ["output_outcome", 39.82],
    ]);
    expect(card.blocks[2]?.rowWeightSum).toBe(41);
    expect(card.blocks[2]?.fit).toBe("capped");
    expect(card.total).toBe(99.62);
    expect(card.grade).toBe("优");
  });

  it("loses points on 资金使用率, 处理外网信件 and 群众满意率, each explained with its working", () => {
    expect(losingRows(card)).toEqual([
      ["资金使用率", 9.8],
      ["处理外网信件", 9.4],
      ["群众满意率", 10.42],
    ]);
    expect(lostItems(why)).toEqual([
      ["过程 / 财务管理 / 资金使用率", 0.2, "rule"],
      ["产出与效益", 0.18, "structure"],
    ]);
    expect(why.items[0]?.why).toBe("实际值93.1%未达到指标值≥95%，按完成比例计分：10 × 93.1 ÷ 95 = 9.8分");
    const capped = why.items[1];
    expect(capped?.why).toContain("三级指标分值合计41分，超过一级指标分值40分");
    expect(capped?.details?.map((d) => [d.label, d.lost])).toEqual([
      ["产出与效益 / 项目产出 / 处理外网信件", 0.6],
      ["产出与效益 / 项目效益 / 群众满意率", 0.58],
    ]);
    expect(why.lostTotal).toBe(0.38);
  });

  it("reports the 产出与效益 rows that weigh 41 under a heading of 40", () => {
    const f = card.findings.find((x) => x.code === "weights.block_sum" && x.where.label === "产出与效益");
    expect(f?.message).toBe("“产出与效益”标称40分，但其三级指标分值合计为41分。请调整分值使其合计为40分。");
  });
});
