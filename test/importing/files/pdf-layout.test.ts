import { describe, expect, it } from "vitest";
import { dropFurniture, isPageNumber } from "../../../src/importing/files/pdf-furniture.ts";
import { axisRules, findGrids, gridRows, type Rule } from "../../../src/importing/files/pdf-grid.ts";
import { type PdfPage, pdfLayout } from "../../../src/importing/files/pdf-layout.ts";
import {
  groupLines,
  joinWords,
  joinWrapped,
  lineCells,
  type TextPiece,
} from "../../../src/importing/files/pdf-text-lines.ts";

/**
 * The pure steps from positioned text and rules to paragraphs and tables, on hand-placed pieces
 * (points, y from the page top, font size 10 unless said): a CJK character is 10 wide, a digit 5.
 */

const piece = (text: string, x: number, y: number, width = text.length * 10, size = 10): TextPiece => ({
  text,
  x,
  y,
  width,
  size,
});
const h = (x1: number, x2: number, y: number): Rule => ({ x1, y1: y, x2, y2: y });
const v = (x: number, y1: number, y2: number): Rule => ({ x1: x, y1, x2: x, y2 });

describe("pieces to lines and words", () => {
  it("groups pieces by baseline (within 0.4 font sizes) and reads each line left to right", () => {
    const lines = groupLines([
      piece("乙", 30, 100),
      piece("甲", 10, 101),
      piece("丙", 10, 120),
      piece(" ", 50, 120),
    ]);
    expect(lines.map((l) => [l.pieces.map((p) => p.text).join(""), l.y, l.left, l.right])).toEqual([
      ["甲乙", 101, 10, 40],
      ["丙", 120, 10, 20],
    ]);
  });

  it("joins CJK without spaces, puts a space for a Latin gap of 0.2 font sizes and a mixed gap of 0.3", () => {
    expect(joinWords("预算", "执行", 1.5)).toBe("预算执行");
    expect(joinWords("Budget", "2021", 0.2)).toBe("Budget 2021");
    expect(joinWords("Budget", "2021", 0.1)).toBe("Budget2021");
    // Word and LibreOffice set CJK and Latin a fifth of a font size apart on their own: no space.
    expect(joinWords("2021", "年度", 0.21)).toBe("2021年度");
    expect(joinWords("刘媛媛", "63526383", 0.5)).toBe("刘媛媛 63526383");
  });

  it("splits a line into cells at gaps of two font sizes or more", () => {
    const [line] = groupLines([
      piece("年初预算数", 10, 100),
      piece("561.41", 80, 100, 30),
      piece("万元", 111, 100),
    ]);
    if (line === undefined) throw new Error("no line");
    // 年初预算数 ends at 60: a gap of 20 (two font sizes) splits; 561.41 ends at 110, 万元 1 later joins.
    expect(lineCells(line)).toEqual(["年初预算数", "561.41万元"]);
  });

  it("joins a wrapped line back without a space, except between two English words", () => {
    expect(joinWrapped("95.", "10%")).toBe("95.10%");
    expect(joinWrapped("耗材购买和维", "修")).toBe("耗材购买和维修");
    expect(joinWrapped("network", "links")).toBe("network links");
  });
});

describe("ruled tables", () => {
  it("finds a 2 × 2 grid and reads a cell's wrapped lines as one text", () => {
    const rules = axisRules([
      h(0, 200, 0),
      h(0, 200, 40),
      h(0, 200, 60),
      v(0, 0, 60),
      v(100, 0, 60),
      v(200, 0, 60),
    ]);
    const [grid] = findGrids(rules);
    if (grid === undefined) throw new Error("no grid");
    expect([grid.xs, grid.ys]).toEqual([
      [0, 100, 200],
      [0, 40, 60],
    ]);
    const rows = gridRows(grid, [
      piece("计算机耗材购买和维", 2, 15),
      piece("修", 2, 30),
      piece("20", 102, 15, 10),
      piece("合计", 2, 55),
      piece("20", 102, 55, 10),
    ]);
    expect(rows).toEqual([
      ["计算机耗材购买和维修", "20"],
      ["合计", "20"],
    ]);
  });

  it("gives a merged cell's text to its top-left slot, as a Word table's merged cells read", () => {
    // The rule at x 100 is missing in the first row; the rule at y 20 is missing under column 0.
    const rules = [h(0, 200, 0), h(100, 200, 20), h(0, 200, 40), v(0, 0, 40), v(100, 20, 40), v(200, 0, 40)];
    const [grid] = findGrids(rules);
    if (grid === undefined) throw new Error("no grid");
    expect(gridRows(grid, [piece("预算情况", 50, 15), piece("年初", 110, 35)])).toEqual([
      ["预算情况", ""],
      ["", "年初"],
    ]);
  });

  it("cuts a piece drawn across a column rule at the rule", () => {
    const [grid] = findGrids([h(0, 200, 0), h(0, 200, 20), v(0, 0, 20), v(100, 0, 20), v(200, 0, 20)]);
    if (grid === undefined) throw new Error("no grid");
    // "预算执行数97%": five CJK of 10 from x 50 end at 100, then "97%" (3 × 5).
    expect(gridRows(grid, [piece("预算执行数97%", 50, 15, 65)])).toEqual([["预算执行数", "97%"]]);
  });

  it("cuts tables drawn right under one another into their own grids", () => {
    // A 2-column table over a 3-column one: no inner rule goes on across y 40.
    const rules = [h(0, 300, 0), h(0, 300, 20), h(0, 300, 40), h(0, 300, 60), v(0, 0, 60), v(300, 0, 60)];
    const grids = findGrids([...rules, v(150, 0, 40), v(100, 40, 60), v(200, 40, 60)]);
    expect(grids.map((g) => [g.xs, g.ys])).toEqual([
      [
        [0, 150, 300],
        [0, 20, 40],
      ],
      [
        [0, 100, 200, 300],
        [40, 60],
      ],
    ]);
  });
});

describe("page furniture", () => {
  it("knows page numbers in their usual forms", () => {
    expect(
      ["- 3 -", "第 3 页", "第3页 共12页", "共 12 页 第 3 页", "3/12", "3", "Page 3 of 12"].map(isPageNumber),
    ).toEqual(Array(7).fill(true));
    expect(["2021年", "3.1", "第三部分"].map(isPageNumber)).toEqual([false, false, false]);
  });

  it("drops page numbers and headers repeated on half the pages or more, only in the top or bottom tenth", () => {
    const page = (n: number) => ({
      height: 800,
      lines: groupLines([
        piece("金水区电子政务中心", 10, 40),
        piece(`正文${n}`, 10, 400),
        piece("金水区电子政务中心", 10, 500),
        piece(`- ${n} -`, 300, 780, 30),
      ]),
    });
    const kept = dropFurniture([page(1), page(2), page(3)]).map((p) => p.lines.map((l) => l.pieces[0]?.text));
    expect(kept).toEqual([
      ["正文1", "金水区电子政务中心"],
      ["正文2", "金水区电子政务中心"],
      ["正文3", "金水区电子政务中心"],
    ]);
  });
});

describe("pages to paragraphs and tables", () => {
  const width = 400;
  const emptyPage = (pieces: TextPiece[], rules: Rule[] = []): PdfPage => ({
    width,
    height: 800,
    pieces,
    rules,
  });

  it("joins a paragraph wrapped at the right margin, also over a page break, and not an indented line", () => {
    const blocks = pdfLayout([
      emptyPage([
        piece("一、基本情况", 10, 100),
        piece("预算年初数为561.5万元，调整预算数为561.4", 10, 120, 370),
        piece("1万元。", 10, 135, 60),
        piece("资金使用符合规定，资金拨付具有完整的审批程序", 10, 155, 380),
      ]),
      emptyPage([piece("和手续。", 10, 100, 40), piece("新的段落", 30, 115, 40)]),
    ]);
    expect(blocks).toEqual([
      { type: "paragraph", text: "一、基本情况" },
      { type: "paragraph", text: "预算年初数为561.5万元，调整预算数为561.41万元。" },
      { type: "paragraph", text: "资金使用符合规定，资金拨付具有完整的审批程序和手续。" },
      { type: "paragraph", text: "新的段落" },
    ]);
  });

  it("continues a table on the next page with the same columns, joining a row cut by the break", () => {
    const rules = (top: number, bottom: number) => [
      h(0, 300, top),
      h(0, 300, bottom),
      v(0, top, bottom),
      v(150, top, bottom),
      v(300, top, bottom),
    ];
    const blocks = pdfLayout([
      emptyPage(
        [
          piece("任务1", 5, 515, 50),
          piece("20", 155, 515, 10),
          piece("任务5:金水区", 5, 575, 90),
          piece("6", 155, 575, 5),
        ],
        [...rules(500, 560), ...rules(560, 700)].concat([h(0, 300, 530)]),
      ),
      emptyPage(
        [piece("门户网站建设", 5, 115, 60), piece("任务6", 5, 175, 50), piece("28.5", 155, 175, 20)],
        [...rules(100, 130), ...rules(130, 190)],
      ),
    ]);
    expect(blocks).toEqual([
      {
        type: "table",
        rows: [
          ["任务1", "20"],
          ["", ""],
          ["任务5:金水区门户网站建设", "6"],
          ["任务6", "28.5"],
        ],
      },
    ]);
  });
});
