import { describe, expect, it } from "vitest";
import { inlineRuns, markdownBlocks } from "../../src/rendering/markdown-blocks.ts";

const plain = (text: string) => ({ text, bold: false });
const bold = (text: string) => ({ text, bold: true });

describe("markdownBlocks", () => {
  it("reads headings of four levels, paragraphs and list items", () => {
    const markdown = [
      "# 标题",
      "",
      "## 一、基本情况",
      "### （一）任务",
      "#### 1.投入",
      "",
      "第一段第一行，",
      "第一段第二行。",
      "",
      "- 问题一",
      "- 问题二",
      "  续写的一行",
    ].join("\n");
    expect(markdownBlocks(markdown)).toEqual([
      { type: "heading", level: 1, runs: [plain("标题")] },
      { type: "heading", level: 2, runs: [plain("一、基本情况")] },
      { type: "heading", level: 3, runs: [plain("（一）任务")] },
      { type: "heading", level: 4, runs: [plain("1.投入")] },
      { type: "paragraph", runs: [plain("第一段第一行，第一段第二行。")] },
      { type: "list", items: [[plain("问题一")], [plain("问题二续写的一行")]] },
    ]);
  });

  it("joins Latin words across a line break with a space", () => {
    expect(markdownBlocks("the plan was\nmet in full")).toEqual([
      { type: "paragraph", runs: [plain("the plan was met in full")] },
    ]);
  });

  it("replaces a table marker and its HTML table with one table block", () => {
    const markdown = [
      "前文。",
      "<!-- table:self_evaluation -->",
      "<table>",
      "<caption>部门整体绩效自评表</caption>",
      "<tr><th>指标</th></tr>",
      "</table>",
      "后文。",
    ].join("\n");
    expect(markdownBlocks(markdown)).toEqual([
      { type: "paragraph", runs: [plain("前文。")] },
      { type: "table", id: "self_evaluation" },
      { type: "paragraph", runs: [plain("后文。")] },
    ]);
  });

  it("replaces the chart marker and its pipe table with a chart block holding the table's cells", () => {
    const markdown = [
      "<!-- chart -->",
      "| 指标 | 得分 | 分值 | 得分率 |",
      "| --- | ---: | ---: | ---: |",
      "| 产出\\|数量 | 38 | 40 | 95% |",
      "",
      "结论。",
    ].join("\n");
    expect(markdownBlocks(markdown)).toEqual([
      {
        type: "chart",
        rows: [
          ["指标", "得分", "分值", "得分率"],
          ["产出|数量", "38", "40", "95%"],
        ],
      },
      { type: "paragraph", runs: [plain("结论。")] },
    ]);
  });

  it("drops other comments, decodes entities and removes Markdown escapes", () => {
    const markdown = "<!-- 说明 -->\n\\# 不是标题 &amp; 1 &lt; 2";
    expect(markdownBlocks(markdown)).toEqual([{ type: "paragraph", runs: [plain("# 不是标题 & 1 < 2")] }]);
  });
});

describe("inlineRuns", () => {
  it("splits **bold** runs from plain text", () => {
    expect(inlineRuns("得分**91.71**分，等级**优**。")).toEqual([
      plain("得分"),
      bold("91.71"),
      plain("分，等级"),
      bold("优"),
      plain("。"),
    ]);
  });

  it("keeps an unmatched ** as text", () => {
    expect(inlineRuns("a**b")).toEqual([plain("a**b")]);
  });
});
