import { describe, expect, it } from "vitest";
import { type PdfPage, pdfLayout } from "../../../src/importing/files/pdf-layout.ts";
import { continueTabbed, findTabStops, tabCells } from "../../../src/importing/files/pdf-tab-stops.ts";
import { groupLines, type TextPiece } from "../../../src/importing/files/pdf-text-lines.ts";

/**
 * Text typed with tabs, laid out at default stops every 35 pt from a margin at 50 (y from the page
 * top, font size 10, a CJK character 10 wide, a digit 5): each cell starts on the first stop after
 * the text before it, empty cells adding a stop each.
 */

const piece = (text: string, x: number, y: number, width = [...text].length * 10): TextPiece => ({
  text,
  x,
  y,
  width,
  size: 10,
});

/** 项目 ⇥ 年初预算数 ⇥ 分值 ⇥ 得分 / 合计 ⇥ 100 ⇥ ⇥ 10 ⇥ 9 / ⇥ 其中 ⇥ 50 / a paragraph. */
const typed: TextPiece[] = [
  piece("项目", 50, 100),
  piece("年初预算数", 85, 100),
  piece("分值", 155, 100),
  piece("得分", 190, 100),
  piece("合计", 50, 114),
  piece("100", 85, 114, 15),
  piece("10", 155, 114, 10),
  piece("9", 190, 114, 5),
  piece("其中", 85, 128),
  piece("50", 120, 128, 10),
  piece("这是一段正文，从左边距写起，不含制表符。", 50, 142),
];

describe("text laid out at default tab stops", () => {
  it("finds the stops from where the text starts: every 35 pt from the margin", () => {
    expect(findTabStops(groupLines(typed))).toEqual({ origin: 50, step: 35 });
  });

  it("finds none in text that starts at the margin only", () => {
    const prose = Array.from({ length: 12 }, (_, i) => piece("正文一行", 50, 100 + 14 * i));
    expect(findTabStops(groupLines(prose))).toBeNull();
  });

  it("finds none in paragraphs whose first lines are indented, wide as the indent may be", () => {
    // Twenty paragraphs, first lines indented two, four or six characters, and their second lines:
    // the starts lie on a grid of 20, but never after text on the same line.
    const indented = Array.from({ length: 20 }, (_, i) => [
      piece("段落首行缩进", 70 + 20 * (i % 3), 100 + 28 * i),
      piece("段落第二行", 50, 114 + 28 * i),
    ]).flat();
    expect(findTabStops(groupLines(indented))).toBeNull();
  });

  it("counts the tabs back: empty cells between and before the text, none in a line without tabs", () => {
    const stops = { origin: 50, step: 35 };
    const [header, total, part, prose] = groupLines(typed);
    if (header === undefined || total === undefined || part === undefined || prose === undefined)
      throw new Error("four lines");
    expect(tabCells(header, stops)).toEqual({ cells: ["项目", "年初预算数", "分值", "得分"], leading: 0 });
    // 100 ends at 100: the next stop is 120, and 10 stands on 155, one stop further: two tabs.
    expect(tabCells(total, stops)).toEqual({ cells: ["合计", "100", "", "10", "9"], leading: 0 });
    expect(tabCells(part, stops)).toEqual({ cells: ["", "其中", "50"], leading: 1 });
    expect(tabCells(prose, stops)).toBeNull();
  });

  it("takes a gap under half a font size on a stop for a tab only in a line that has a surer one", () => {
    const stops = { origin: 50, step: 35 };
    // "行率10" ends at 153; "分" at 155 is on a stop, 2 pt on: the space between Chinese and a figure.
    const [line] = groupLines([piece("行率", 113, 100), piece("10", 133, 100, 20), piece("分", 155, 100)]);
    if (line === undefined) throw new Error("one line");
    expect(tabCells(line, stops)).toBeNull();
  });

  it("continues a row run past the right margin (400) with the most tabs that keep it within the widest row", () => {
    const stops = { origin: 50, step: 35 };
    const row = { cells: ["任务", "名称"], right: 390, size: 10 };
    // After 390 one stop still fits (400): spent on this line, or moved down with the next word.
    expect(continueTabbed(row, { cells: ["", "8.06"], leading: 1 }, stops, 400, 4)).toEqual([
      "任务",
      "名称",
      "",
      "8.06",
    ]);
    expect(continueTabbed(row, { cells: ["", "8.06"], leading: 1 }, stops, 400, 3)).toEqual([
      "任务",
      "名称",
      "8.06",
    ]);
    // Text at the margin below a line that reached it: the last cell goes on.
    expect(continueTabbed(row, { cells: ["原因分析"], leading: 0 }, stops, 400, 3)).toEqual([
      "任务",
      "名称原因分析",
    ]);
    // A row that stops short of the margin is not run on.
    expect(
      continueTabbed({ ...row, right: 200 }, { cells: ["下一行"], leading: 0 }, stops, 400, 3),
    ).toBeNull();
  });

  it("lays the lines out as paragraphs holding their tabs, a line left blank as an empty paragraph", () => {
    const page: PdfPage = {
      width: 595,
      height: 842,
      // The same lines, and after a missing line (a gap of two lines) one more row.
      pieces: [...typed, piece("合计", 50, 170), piece("200", 85, 170, 15)],
      rules: [],
    };
    expect(pdfLayout([page])).toEqual([
      { type: "paragraph", text: "项目\t年初预算数\t分值\t得分" },
      { type: "paragraph", text: "合计\t100\t\t10\t9" },
      { type: "paragraph", text: "\t其中\t50" },
      { type: "paragraph", text: "这是一段正文，从左边距写起，不含制表符。" },
      { type: "paragraph", text: "" },
      { type: "paragraph", text: "合计\t200" },
    ]);
  });
});
