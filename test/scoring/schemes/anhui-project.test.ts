import { describe, expect, it } from "vitest";
import { blockPoints, losingRows, lostItems, realReport, scored } from "./scheme-test-helpers.ts";

/*
 * anhui-project: 年度资金总额（预算执行率）10 / 产出指标 50 / 效益指标 30 / 满意度指标 10, as the two
 * real Anhui tables below print them; every rule not printed there is the national default.
 */

describe("anhui-project on 43 (萧县张庄寨镇 河西村特色种养补贴到户项目, 2023, read by the importer)", () => {
  /*
   * Hand computation, row by row:
   *   预算执行率   全年执行数 9.48 ÷ 全年预算数 9.48 = 100%; 10 × 100% = 10 (of 10)
   *   产出指标     ★瓜果蔬菜种植面积 29.5亩 / 29.5亩 met 20; ★鱼塘面积 3亩 / 3亩 met 10;
   *                ★家畜家禽养殖数量 192只 / 192只 met 10; 种植作物成活率 95% / 95% met 5;
   *                养殖家畜家禽成活率 100% / 95% met 5                          = 50 (of 50)
   *   效益指标     增加受益农户收入 12万元 / ≥11.376万元 met 20; 受益人口数量 90人 / 90人 met 10 = 30 (of 30)
   *   满意度指标   the stored page stops at "满意": no row, 0 (of 10), 10 lost for want of rows
   *   total        10 + 50 + 30 + 0 = 90 → 优 (≥ 90)
   * No row loses points; the one loss is the 满意度 block with no rows (10).
   */
  const load = async () =>
    scored(await realReport("43_anhui_xiaoxian_hexicun_zhongyang.txt"), "anhui-project");

  it("totals 90 (优): 10 + 50 + 30 + 0", async () => {
    const { card } = await load();
    expect(blockPoints(card)).toEqual([
      ["budget", 10],
      ["output", 50],
      ["outcome", 30],
      ["satisfaction", 0],
    ]);
    expect(card.total).toBe(90);
    expect(card.grade).toBe("优");
  });

  it("loses points on no row; the explanation lists the 10 of 满意度指标 with no rows", async () => {
    const { card, why } = await load();
    expect(losingRows(card)).toEqual([]);
    expect(lostItems(why)).toEqual([["满意度指标", 10, "structure"]]);
    expect(why.items[0]?.why).toContain("没有“满意度指标”的三级指标");
    expect(why.lostTotal).toBe(10);
  });
});

describe("anhui-project on 21 (池州市贵池区棠溪镇 委托业务项目, 2022, read by the importer)", () => {
  /*
   * Hand computation, row by row:
   *   预算执行率   the 年度资金总额 row prints 0 | 0 | 0 | 10 | 0 | 0: 0 ÷ 0 is no rate, so the rate the
   *                row states (0%) is used: 10 × 0% = 0 (of 10), 10 lost by the rule.
   *                (其中:本年财政拨款 90 | 89.974 | 89.974 is not read: see the report of this work.)
   *   产出指标     基建工程委托业务项目数量 50 / ≥50个 met 8; 委托业务报告合格率 8; 经费支出合规性 8;
   *                提交报告及时性 8; 项目总成本 90万元 / ≤90万元 met 8; 单项业务成本 10 = 50 (of 50)
   *                (the qualitative rows print "达成预期指标", 财预〔2020〕10号's 达成 band, and the officer
   *                gave full marks, inside it)
   *   效益指标     three qualitative rows, 达成预期指标, 10 each                     = 30 (of 30)
   *   满意度指标   the stored text stops at "公众满": no row, 0 (of 10)
   *   total        0 + 50 + 30 + 0 = 80 → 良 (80 ≤ total < 90)
   * Rows that lose points: 预算执行率 0 of 10.
   */
  const load = async () => scored(await realReport("21_anhui_chizhou_weituoyewu.txt"), "anhui-project");

  it("totals 80 (良): 0 + 50 + 30 + 0", async () => {
    const { card } = await load();
    expect(blockPoints(card)).toEqual([
      ["budget", 0],
      ["output", 50],
      ["outcome", 30],
      ["satisfaction", 0],
    ]);
    expect(card.total).toBe(80);
    expect(card.grade).toBe("良");
  });

  it("loses the 10 of 预算执行率 by the rule and the 10 of 满意度指标 for want of rows, each explained", async () => {
    const { card, why } = await load();
    expect(losingRows(card)).toEqual([["预算执行率", 0]]);
    expect(lostItems(why)).toEqual([
      ["满意度指标", 10, "structure"],
      ["预算执行（预算执行率）", 10, "rule"],
    ]);
    expect(why.items.find((i) => i.label === "预算执行（预算执行率）")?.why).toContain("10 × 0% = 0分");
    expect(why.lostTotal).toBe(20);
  });
});
