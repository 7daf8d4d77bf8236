import { describe, expect, it } from "vitest";
import { tableLayout } from "../../src/rendering/docx-table.ts";
import { columnWidths, minimumWidths, unbreakableWidth } from "../../src/rendering/docx-widths.ts";
import { SAMPLE_VIEW } from "./sample-draft.ts";

/** A laid-out table as compact strings: "text@column/span*" (* = merged down), "^column/span", "_column". */
function compact(rows: ReturnType<typeof tableLayout>["rows"]): string[][] {
  return rows.map((slots) =>
    slots.map((s) => {
      if (s.kind === "cell") return `${s.cell.text}@${s.column}/${s.span}${s.merged ? "*" : ""}`;
      return s.kind === "continue" ? `^${s.column}/${s.span}` : `_${s.column}`;
    }),
  );
}

describe("tableLayout", () => {
  it("lays the 自评表 out on five columns with continuations under the rowSpan 3 cell", () => {
    const table = SAMPLE_VIEW.tables.self_evaluation;
    if (table === undefined) throw new Error("sample has no self_evaluation");
    const layout = tableLayout(table.rows);
    expect(layout.columns).toBe(5);
    expect(compact(layout.rows)).toEqual([
      ["部门（单位）名称@0/2", "郑州市金水区电子政务中心@2/3"],
      ["一级指标@0/1", "二级指标@1/1", "三级指标@2/1", "分值@3/1", "得分@4/1"],
      ["产出指标@0/1*", "数量指标@1/1", "政务网络运维保障单位数@2/1", "10@3/1", "10@4/1"],
      ["^0/1", "质量指标@1/1", "系统正常运行率@2/1", "10@3/1", "9@4/1"],
      ["^0/1", "时效指标@1/1", "故障响应及时率@2/1", "10@3/1", "10@4/1"],
      ["合计@0/3", "30@3/1", "29@4/1"],
    ]);
  });

  it("places a cell after a block spanning two rows and two columns, and pads short rows", () => {
    const layout = tableLayout([
      [{ text: "A", rowSpan: 2, colSpan: 2 }, { text: "B" }, { text: "C" }],
      [{ text: "D" }],
      [{ text: "E", rowSpan: 5 }],
    ]);
    expect(layout.columns).toBe(4);
    expect(compact(layout.rows)).toEqual([
      ["A@0/2*", "B@2/1", "C@3/1"],
      ["^0/2", "D@2/1", "_3"],
      ["E@0/1", "_1", "_2", "_3"],
    ]);
  });
});

describe("columnWidths", () => {
  it("scales relative widths to the 8845-twip text block, the remainder going to the last column", () => {
    // 8845 × 14/100 = 1238.3, × 36/100 = 3184.2, × 18/100 = 1592.1; floors sum to 8844
    expect(columnWidths(5, [14, 14, 36, 18, 18])).toEqual([1238, 1238, 3184, 1592, 1593]);
  });

  it("uses equal widths when the view gives none or the wrong number", () => {
    expect(columnWidths(3, undefined)).toEqual([2948, 2948, 2949]);
    expect(columnWidths(2, [1, 2, 3])).toEqual([4422, 4423]);
  });
});

describe("minimum column widths", () => {
  it("measures the longest unbreakable figure of a cell at the 10.5 pt table font, padding included", () => {
    // "59.93%": 4 digits × 0.5 + "." 0.25 + "%" 0.85 = 3.1 em × 210 twips = 651, + 154 padding
    expect(unbreakableWidth("59.93%")).toBe(805);
    // "（30分）": brackets and 分 1 em each, 2 digits 0.5 → 4 em = 840, + 154
    expect(unbreakableWidth("投入（30分）")).toBe(994);
    expect(unbreakableWidth("定性指标")).toBe(0);
  });

  it("widens a narrow rate column to its figure, taking the twips from columns with room", () => {
    const layout = tableLayout([
      [{ text: "执行率" }, { text: "说明" }],
      [{ text: "59.93%" }, { text: "正常" }],
    ]);
    const minimums = minimumWidths(layout);
    expect(minimums).toEqual([805, 0]);
    expect(columnWidths(2, [5, 95], minimums)).toEqual([805, 8040]);
    expect(columnWidths(2, [5, 95])).toEqual([442, 8403]);
  });
});
