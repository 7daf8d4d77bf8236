import { describe, expect, it } from "vitest";
import { splitIndicatorRun } from "../../../src/importing/grid/run-together-indicators.ts";
import type { GridRow } from "../../../src/importing/grid/text-grid.ts";

const HEADINGS = [
  "指标名称",
  "计量单位",
  "指标性质",
  "年初指标值",
  "调整指标值",
  "全年完成值",
  "得分系数(%)",
  "指标权重(分)",
  "指标得分(分)",
  "是否核心指标",
];
const make = (cells: string[], problem?: string) => ({ cells, problem }) as unknown as GridRow;
const rows = (text: string) =>
  splitIndicatorRun(HEADINGS, text, 3, make)
    .slice(1)
    .map((r) => r as unknown as { cells: string[]; problem?: string });

describe("a run-together row whose 计量单位 cell is blank or damaged", () => {
  it("is read when the values carry their own unit; the damaged cell stays in the name as written", () => {
    expect(rows("播发稿件数量2200篇2859篇100%1010是")).toEqual([
      { cells: ["播发稿件数量", "", "", "2200篇", "", "2859篇", "100%", "10", "10", "是"] },
    ]);
    expect(rows("播发稿件数量tot扁2200篇2859篇100%1010是")[0]?.cells[0]).toBe("播发稿件数量tot扁");
  });

  it("is not read when the name would end in the target's unit and a stray character (a damaged target)", () => {
    const [row] = rows("组织宣传活动次数次到0次43次100%1010是");
    expect(row?.cells).toEqual(["组织宣传活动次数次到0次43次100%1010是"]);
    expect(row?.problem).toContain("无法唯一拆分成指标行");
  });

  it("a name ending in 次数 keeps its unit cell", () => {
    expect(rows("党性教育培训次数次26次12次100%55是")).toEqual([
      { cells: ["党性教育培训次数", "次", "", "26次", "", "12次", "100%", "5", "5", "是"] },
    ]);
  });
});
