import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../../src/core/report.ts";
import { blockPoints, losingRows, lostItems, scored } from "./scheme-test-helpers.ts";

/*
 * cn-2013-common-framework-project: 投入 30 / 过程 30 / 产出与效益 40 (财预〔2013〕53号 sets the
 * indicators, not the weights; these are the only complete weights found in a real table).
 *
 * 52 (永州市社会福利院 2016, a real 2013-framework project table) survives only as three glued
 * cells in Traditional characters with pinyin glosses, which the importer does not read as a table.
 * The report is built here from what the stored text prints:
 *   投入(20分) / 项目立项(12分) / 项目立项规范性(4分): 评分说明 ①…得1分 ②…得1分 ③…得2分, 得分 4
 * The rest of the table is not in the stored text.
 */
const yongzhou = ReportSchema.parse({
  kind: "project",
  unit: { name: "永州市社会福利院" },
  project: "永州市社会福利中心建设项目",
  year: 2016,
  indicators: [
    {
      name: "投入",
      weight: 20,
      groups: [
        { name: "项目立项", weight: 12, indicators: [{ name: "项目立项规范性", weight: 4, score: 4 }] },
      ],
    },
  ],
});

describe("cn-2013-common-framework-project on 52 (永州市社会福利院 2016; built from the real cells)", () => {
  /*
   * Hand computation, row by row:
   *   投入          项目立项规范性: no 指标值 or 完成值 to apply a rule to, so the officer's 4 (of 4) stands;
   *                 the block is 30 under the scheme, its rows carry 4: 4 points, 26 with no row
   *   过程          no row: 0 (of 30)
   *   产出与效益    no row: 0 (of 40)
   *   total         4 + 0 + 0 = 4 → 差
   * No row loses points; the table's own 投入(20分) differs from the scheme's 30 and is reported.
   */
  const { card, why } = scored(yongzhou, "cn-2013-common-framework-project");

  it("totals 4 (差): 4 + 0 + 0", () => {
    expect(blockPoints(card)).toEqual([
      ["input", 4],
      ["process", 0],
      ["output_outcome", 0],
    ]);
    expect(card.total).toBe(4);
    expect(card.grade).toBe("差");
  });

  it("says the table weighs 投入 20 where the scheme weighs it 30", () => {
    const messages = card.findings.filter((f) => f.code === "weights.block_sum").map((f) => f.message);
    expect(messages).toContain(
      "“投入”在报告中标称20分，方案（财预〔2013〕53号 共性指标框架 项目支出绩效自评（投入/过程/产出与效益））规定为30分。",
    );
  });

  it("loses on no row; the explanation lists the 40, 30 and 26 points that have no rows", () => {
    expect(losingRows(card)).toEqual([]);
    expect(lostItems(why)).toEqual([
      ["产出与效益", 40, "structure"],
      ["过程", 30, "structure"],
      ["投入", 26, "structure"],
    ]);
    expect(why.items[2]?.why).toBe("“投入”标称30分，但三级指标分值合计只有4分，26分没有对应指标，无从得分");
    expect(why.lostTotal).toBe(96);
  });
});
