import { describe, expect, it } from "vitest";
import type { GridRow } from "../../../src/importing/grid/text-grid.ts";
import type { ReadContext } from "../../../src/importing/tables/table-reading.ts";
import { LOOKAHEAD_ROWS, tableUnit } from "../../../src/importing/tables/table-unit.ts";
import { budgetRole, indicatorRole } from "../../../src/importing/tables/template-headers.ts";

const row = (line: number, cells: string[], plain = false): GridRow => ({
  line,
  lastLine: line,
  cells,
  plain,
});
const ctx = { statedUnit: null, defaultUnit: "万元" } as unknown as ReadContext;
const rows = (n: number, figureAt: number): GridRow[] =>
  Array.from({ length: n }, (_, i) => row(i + 2, ["项目", i === figureAt ? "6,272,512.00" : "12.5"]));

describe("tableUnit looks at most 60 rows ahead (issue 16: each row no longer copies the rest)", () => {
  it("an accounting figure within the 60 rows after the heading means 元", () => {
    expect(LOOKAHEAD_ROWS).toBe(60);
    expect(tableUnit(["项目", "金额"], rows(100, 59), ctx)).toBe("元");
  });

  it("one on the 61st row, or after a paragraph, is not looked at: the default unit", () => {
    expect(tableUnit(["项目", "金额"], rows(100, 60), ctx)).toBe("万元");
    const split = [row(2, ["说明文字"], true), ...rows(5, 2)];
    expect(tableUnit(["项目", "金额"], split, ctx)).toBe("万元");
  });

  it("a unit in a heading wins", () => {
    expect(tableUnit(["项目", "金额（元）"], rows(3, 9), ctx)).toBe("元");
  });
});

describe("heading roles keyed once (issue 16)", () => {
  it("exact headings, patterns and unknown cells", () => {
    const headings = ["三级指标", "实际完成值", "年度指标值", "名称0", ""];
    expect(headings.map(indicatorRole)).toEqual(["name", "actual", "target", null, null]);
    expect(["预算执行数", "年初预算数（万元）", "名称0"].map(budgetRole)).toEqual([
      "executed",
      "initial",
      null,
    ]);
  });
});
