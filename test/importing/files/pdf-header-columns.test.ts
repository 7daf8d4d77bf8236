import { describe, expect, it } from "vitest";
import type { ContentBlock } from "../../../src/importing/files/document-content.ts";
import { readPdf } from "../../../src/importing/files/pdf-content.ts";
import { type PdfMark, writePdf } from "./pdf-writer.ts";

/**
 * Tables without rules whose columns stand only 10–20 pt apart, written by hand (pdf-writer.ts):
 * Chinese in STSong-Light (every character one font size wide), figures in Helvetica (a digit
 * 0.556 of the size, a point or a space 0.278), size 10, y from the bottom of an A4 page. Gaps of
 * two font sizes never part these columns; the 项目支出绩效自评表 header does.
 */

const cjk = (text: string, x: number, y: number, size = 10): PdfMark => ({ text, x, y, size, font: "cjk" });
const num = (text: string, x: number, y: number): PdfMark => ({ text, x, y, size: 10 });

async function blocksOf(marks: PdfMark[], more: PdfMark[][] = []): Promise<ContentBlock[]> {
  const read = await readPdf(writePdf([{ marks }, ...more.map((m) => ({ marks: m }))]));
  if (!read.ok) throw new Error(read.failure.code);
  return read.blocks;
}

/** The 预算情况 rows under the header: 年初预算数 135–185, 全年预算数 197–247, 全年执行数 262–312, 分值 325–345, 执行率 358–388, 得分 400–420. */
const rows: PdfMark[] = [
  cjk("年度资金总额", 40, 712),
  num("100.00", 140, 712),
  num("120.00", 200, 712),
  num("110.00", 265, 712),
  num("10", 330, 712),
  num("91.67%", 358, 712),
  num("9.17", 402, 712),
  // 40–130: past the label column's end (127.5, half-way to 年初预算数), its start keeps it there.
  cjk("其中：当年财政拨款", 40, 698),
  num("80.00", 140, 698),
  num("100.00", 200, 698),
  num("95.00", 265, 698),
  num("95.00%", 358, 698),
  // The label fills its column and goes on below: one row.
  cjk("上年结转资金及其他", 40, 684),
  num("20.00", 140, 684),
  num("20.00", 200, 684),
  num("15.00", 265, 684),
  num("75.00%", 358, 684),
  cjk("来源", 40, 670),
  cjk("其他资金", 40, 656),
  num("0", 140, 656),
  num("0", 200, 656),
  num("0", 265, 656),
  // A heading at the rows' spacing, then a note across the width: the table ends before them.
  cjk("二、绩效目标完成情况", 40, 642),
  cjk("注：执行率为全年执行数与全年预算数之比，得分按执行率乘以分值计算，不超过分值。", 40, 620),
];

describe("tables without rules, anchored on the known headers", () => {
  it("cuts the rows of a 项目支出绩效自评表 by its headings, 12–15 pt apart", async () => {
    const blocks = await blocksOf([
      cjk("项目支出绩效自评表", 200, 780, 14),
      cjk("项目资金（万元）", 40, 740),
      cjk("年初预算数", 135, 740),
      cjk("全年预算数", 197, 740),
      cjk("全年执行数", 262, 740),
      cjk("分值", 325, 740),
      cjk("执行率", 358, 740),
      cjk("得分", 400, 740),
      ...rows,
    ]);
    expect(blocks).toEqual([
      { type: "paragraph", text: "项目支出绩效自评表" },
      {
        type: "table",
        rows: [
          ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["年度资金总额", "100.00", "120.00", "110.00", "10", "91.67%", "9.17"],
          ["其中：当年财政拨款", "80.00", "100.00", "95.00", "", "95.00%", ""],
          ["上年结转资金及其他来源", "20.00", "20.00", "15.00", "", "75.00%", ""],
          ["其他资金", "0", "0", "0", "", "", ""],
        ],
      },
      { type: "paragraph", text: "二、绩效目标完成情况" },
      {
        type: "paragraph",
        text: "注：执行率为全年执行数与全年预算数之比，得分按执行率乘以分值计算，不超过分值。",
      },
    ]);
  });

  it("merges headings wrapped onto two lines (年初预算 / 数) and adds a label column the header has no heading for", async () => {
    const blocks = await blocksOf([
      cjk("年初预算", 135, 740),
      cjk("全年预算", 197, 740),
      cjk("全年执行", 262, 740),
      cjk("分值", 325, 740),
      cjk("执行率", 358, 740),
      cjk("得分", 400, 740),
      cjk("数", 150, 728),
      cjk("数", 212, 728),
      cjk("数", 277, 728),
      cjk("年度资金总额", 40, 712),
      // One run of text over two columns, split at its spaces: 140–160 and 202–222 (estimated).
      num("100.00        120.00", 140, 712),
      num("110.00", 265, 712),
      num("10", 330, 712),
      num("91.67%", 358, 712),
      num("9.17", 402, 712),
    ]);
    expect(blocks).toEqual([
      {
        type: "table",
        rows: [
          ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["年度资金总额", "100.00", "120.00", "110.00", "10", "91.67%", "9.17"],
        ],
      },
    ]);
  });

  it("keeps a figure run across two columns without a space whole, in the column it starts in", async () => {
    const blocks = await blocksOf([
      cjk("年初预算数", 135, 740),
      cjk("全年预算数", 197, 740),
      cjk("全年执行数", 262, 740),
      cjk("年度资金总额", 40, 712),
      // 170–231.2: its middle (200.6) is under 全年预算数, but it starts well inside 年初预算数
      // (more than a font size before the boundary at 191) and has no space to be split at.
      num("1,234,567.89", 170, 712),
      num("110.00", 265, 712),
    ]);
    expect(blocks).toEqual([
      {
        type: "table",
        rows: [
          ["", "年初预算数", "全年预算数", "全年执行数"],
          ["年度资金总额", "1,234,567.89", "", "110.00"],
        ],
      },
    ]);
  });

  it("goes on with the rows at the top of the next page when the table runs to the foot of the page", async () => {
    const blocks = await blocksOf(
      [
        cjk("预算执行情况如下：", 40, 760),
        cjk("年初预算数", 135, 128),
        cjk("全年预算数", 197, 128),
        cjk("全年执行数", 262, 128),
        cjk("年度资金总额", 40, 114),
        num("100.00", 140, 114),
        num("120.00", 200, 114),
        cjk("上年结转资金", 40, 100),
        num("20.00", 140, 100),
        num("20.00", 200, 100),
        num("15.00", 265, 100),
      ],
      [
        [
          cjk("其他资金", 40, 800),
          num("0", 140, 800),
          num("0", 200, 800),
          num("0", 265, 800),
          cjk("二、绩效目标完成情况", 40, 760),
        ],
      ],
    );
    expect(blocks).toEqual([
      { type: "paragraph", text: "预算执行情况如下：" },
      {
        type: "table",
        rows: [
          ["", "年初预算数", "全年预算数", "全年执行数"],
          ["年度资金总额", "100.00", "120.00", ""],
          ["上年结转资金", "20.00", "20.00", "15.00"],
          ["其他资金", "0", "0", "0"],
        ],
      },
      { type: "paragraph", text: "二、绩效目标完成情况" },
    ]);
  });

  it("leaves lines whose words name fewer than three headings to the split at wide gaps", async () => {
    const blocks = await blocksOf([
      cjk("项目名称", 40, 740),
      cjk("分值", 135, 740),
      cjk("得分", 160, 740),
      cjk("某项目", 40, 726),
      num("10", 135, 726),
      num("9", 160, 726),
    ]);
    // Only 分值 and 得分 are headings: the lines are cut at gaps of two font sizes (55 pt), not at 5.
    expect(blocks).toEqual([
      {
        type: "table",
        rows: [
          ["项目名称", "分值 得分"],
          ["某项目", "10 9"],
        ],
      },
    ]);
  });
});
