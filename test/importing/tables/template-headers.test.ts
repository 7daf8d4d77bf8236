import { describe, expect, it } from "vitest";
import { indicatorColumns } from "../../../src/importing/tables/indicator-columns.ts";
import { budgetRole, indicatorRole } from "../../../src/importing/tables/template-headers.ts";

describe("column headings of the 自评表 templates", () => {
  it("names the budget columns of the national, Sichuan and Chongqing templates", () => {
    const headings = [
      "年初预算数",
      "全年预算数(A)",
      "全年执行数（B）",
      "分值",
      "执行率(B/A)",
      "得分",
      "执行率权重",
    ];
    expect(headings.map(budgetRole)).toEqual([
      "initial",
      "adjusted",
      "executed",
      "weight",
      "reportedRate",
      "score",
      "weight",
    ]);
    expect(budgetRole("资金情况(万元)")).toBe("label");
  });

  it("names the indicator columns, narrower headings first", () => {
    const headings = [
      "指标名称",
      "计量单位",
      "指标性质",
      "年初指标值",
      "调整指标值",
      "全年完成值",
      "得分系数(%)",
    ];
    expect(headings.map(indicatorRole)).toEqual([
      "name",
      "unit",
      "nature",
      "target",
      "adjustedTarget",
      "actual",
      "coefficient",
    ]);
    expect(["全年实际值", "未完成原因及拟采取的改进措施", "评分标准"].map(indicatorRole)).toEqual([
      "actual",
      "reason",
      "criterion",
    ]);
  });

  it("takes a 分值 or 得分 right after a level heading for that level's weight", () => {
    const cols = indicatorColumns([
      "一级指标",
      "得分",
      "二级指标",
      "得分",
      "三级指标",
      "得分",
      "评价标准",
      "指标说明",
      "得分",
    ]);
    expect(cols).toMatchObject({
      block: 0,
      blockWeight: 1,
      group: 2,
      groupWeight: 3,
      name: 4,
      weight: 5,
      criterion: 6,
      explanation: 7,
      score: 8,
    });
  });
});
