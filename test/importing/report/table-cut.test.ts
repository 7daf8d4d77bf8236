import { describe, expect, it } from "vitest";
import { indicatorTableCut } from "../../../src/importing/report/table-cut.ts";

const rows = {
  indicators: [{ name: "产出指标", groups: [{ name: "数量指标", indicators: [{ name: "x", weight: 10 }] }] }],
};
const table = (lastLine: number) => [{ what: "绩效指标表", detail: "读取8行", firstLine: 3, lastLine }];
const text = (lines: number) => Array.from({ length: lines }, (_, i) => `第${i + 1}行`).join("\n");

describe("indicatorTableCut: the file stops inside its indicator table", () => {
  it("a table read to the last lines (blank lines at the end ignored) with no 总分 row is cut", () => {
    expect(indicatorTableCut(rows, table(10), `${text(12)}\n\n\n`)).toBe(true);
  });
  it("text after the table (a note, the narrative) means the table ended", () => {
    expect(indicatorTableCut(rows, table(10), text(20))).toBe(false);
  });
  it("a 总分/合计 row closes the table even at the end of the file", () => {
    expect(
      indicatorTableCut({ ...rows, summary: { totalRow: { name: "总分", score: 96 } } }, table(10), text(10)),
    ).toBe(false);
  });
  it("no indicator rows, or no table read, is not a cut table", () => {
    expect(indicatorTableCut({}, table(10), text(10))).toBe(false);
    expect(indicatorTableCut(rows, [], text(10))).toBe(false);
  });
});
