import { describe, expect, it } from "vitest";
import { contentRows, type DocumentContent } from "../../../src/importing/files/document-content.ts";
import { officerValue } from "../../../src/importing/files/draft-annotations.ts";
import { markdownBlocks } from "../../../src/importing/files/markdown-tables.ts";
import { splitTitleArea } from "../../../src/importing/files/title-area.ts";

describe("HTML tables in a Markdown file", () => {
  it("are table blocks on their grid: colspan and rowspan give blank cells, the caption its lines", () => {
    const md = [
      "## 三、综合评价结论",
      "",
      "<!-- table:summary -->",
      "<table>",
      "<caption>部门整体绩效自评表<br>（2021年度）　单位：万元</caption>",
      '<tr><th colspan="2">部门（单位）名称</th><td>金水区&amp;电子政务中心</td></tr>',
      '<tr><th rowspan="2">预算情况</th><td>部门预算总额</td><td align="right">561.41</td></tr>',
      "<tr><td>其他资金</td><td>0<br>（无）</td></tr>",
      "</table>",
      "",
      "说明：见上表。",
    ].join("\n");
    expect(markdownBlocks(md)).toEqual([
      { type: "paragraph", text: "## 三、综合评价结论" },
      { type: "paragraph", text: "" },
      { type: "paragraph", text: "部门整体绩效自评表" },
      { type: "paragraph", text: "（2021年度）" },
      { type: "paragraph", text: "单位：万元" },
      {
        type: "table",
        rows: [
          ["部门（单位）名称", "", "金水区&电子政务中心"],
          ["预算情况", "部门预算总额", "561.41"],
          ["", "其他资金", "0\n（无）"],
        ],
      },
      { type: "paragraph", text: "" },
      { type: "paragraph", text: "说明：见上表。" },
    ]);
  });

  it("leave out the data table of a chart, and give null for Markdown without HTML tables", () => {
    const md =
      "<table><tr><td>合计</td><td>96</td></tr></table>\n<!-- chart -->\n| 指标 | 得分 |\n| --- | ---: |\n| 合计 | 96 |\n\n## 四、分析";
    expect(markdownBlocks(md)).toEqual([
      { type: "table", rows: [["合计", "96"]] },
      { type: "paragraph", text: "" },
      { type: "paragraph", text: "## 四、分析" },
    ]);
    expect(markdownBlocks("| 指标 | 得分 |\n| 合计 | 96 |")).toBeNull();
  });

  it("are read as rows by contentRows, the rest of the text line by line", () => {
    const content: DocumentContent = {
      format: "text",
      blocks: [
        {
          type: "paragraph",
          text: "标题\n<table><tr><td>自评得分</td><td>92.71（原填96）</td></tr></table>",
        },
      ],
    };
    expect(contentRows(content)).toEqual([
      { line: 1, lastLine: 1, cells: ["标题"], plain: true },
      { line: 3, lastLine: 3, cells: ["自评得分", "96"], plain: false },
    ]);
  });
});

describe("what ziping's drafts print beside a figure", () => {
  it("the officer's figure is read, and 未填写 is empty", () => {
    expect(officerValue("92.71（原填96）")).toBe("96");
    expect(officerValue("95.65%（原填95.66%）")).toBe("95.66%");
    expect(officerValue("优（原填良）")).toBe("良");
    expect(officerValue("不适用（原填100.00%）")).toBe("100.00%");
    expect(officerValue("未填写")).toBe("");
    expect(officerValue("完成（部分）")).toBe("完成（部分）");
  });
});

describe("a year and a unit in one paragraph", () => {
  it("are two lines when set apart by wide spaces; other paragraphs stay whole", () => {
    const row = (text: string) => ({ line: 4, lastLine: 4, cells: [text], plain: true });
    expect(splitTitleArea(row("（2021年度）　　单位：万元"))).toEqual([
      row("（2021年度）"),
      row("单位：万元"),
    ]);
    expect(splitTitleArea(row("(2021 年度)      单位：元"))).toEqual([row("(2021 年度)"), row("单位：元")]);
    expect(splitTitleArea(row("填报单位：金水区　　单位：万元"))).toEqual([
      row("填报单位：金水区　　单位：万元"),
    ]);
    expect(splitTitleArea(row("单位：万元"))).toEqual([row("单位：万元")]);
  });
});
