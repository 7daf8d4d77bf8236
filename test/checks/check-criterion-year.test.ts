import { describe, expect, it } from "vitest";
import { staleCriterionYears } from "../../src/checks/check-criterion-year.ts";

describe("a criterion that evaluates an earlier year than the report's", () => {
  it.each([
    // 12 雨花区发改局 2022 (OCR of a Hunan department table): the 楼堂馆所 criterion of an old template.
    [
      "楼堂馆所面积控制率=实际建设面积/批准建设面积XlO0%O该指标以2015年完工的新建楼堂馆所为评价内容。",
      2022,
      [2015],
    ],
    ["以2019年度部门预算为考核对象", 2021, [2019]],
    ["以2021年度部门预算为考核对象", 2021, []],
    // A base year is not the period evaluated.
    ["以2018年为基期，每下降1个百分点扣1分", 2021, []],
    ["较2020年增长5%得满分", 2021, []],
  ])("%s (report %i) → %o", (text, year, years) => {
    expect(staleCriterionYears(text, year).map((h) => h.year)).toEqual(years);
  });

  it("quotes the words around the year", () => {
    expect(
      staleCriterionYears("每超过一个百分点扣0.5分。该指标以2015年完工的新建楼堂馆所为评价内容。", 2022),
    ).toEqual([{ year: 2015, quote: "0.5分。该指标以2015年完工的新建楼堂馆所为评价内容" }]);
  });
});
