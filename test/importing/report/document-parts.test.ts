import { describe, expect, it } from "vitest";
import { textToGrid } from "../../../src/importing/grid/text-grid.ts";
import { splitDocumentParts } from "../../../src/importing/report/document-parts.ts";

const rowsOf = (text: string) => textToGrid(text).rows;

describe("splitDocumentParts", () => {
  it("takes a heading that names the table titled right below it for one title, not two tables", () => {
    const rows = rowsOf(
      "附表：部门整体支出绩效自评表\n部门整体绩效自评表\n（2020年度）\n项目\t分值\n合计\t100",
    );
    const parts = splitDocumentParts(rows, "department");
    expect(parts).toHaveLength(1);
    expect(parts[0]?.rows.map((r) => r.cells[0])).toEqual([
      "部门整体绩效自评表",
      "（2020年度）",
      "项目",
      "合计",
    ]);
  });

  it("still starts an annex at a 自评表 of the other kind, and keeps titles apart when rows separate them", () => {
    const rows = rowsOf("部门整体绩效自评表\n项目\t分值\n2020年项目支出绩效自评表\n项目\t分值");
    const parts = splitDocumentParts(rows, "department");
    expect(parts.map((p) => [p.main, p.kind, p.title, p.rows.length])).toEqual([
      [true, "department", undefined, 2],
      [false, "project", "2020年项目支出绩效自评表", 2],
    ]);
    // A department heading right above a project 自评表 names another table: both are kept.
    const mixed = splitDocumentParts(
      rowsOf("部门整体绩效自评表\n2020年项目支出绩效自评表\n项目\t分值"),
      "department",
    );
    expect(mixed.map((p) => p.rows.length)).toEqual([1, 2]);
  });
});
