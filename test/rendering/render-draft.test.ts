import { describe, expect, it } from "vitest";
import type { TemplateFamily } from "../../src/drafting/draft-types.ts";
import { renderDraft } from "../../src/rendering/render-markdown.ts";
import type { ReportView } from "../../src/rendering/report-view.ts";
import { SAMPLE_VIEW } from "./sample-draft.ts";

/** One rendering, two files: structure only from the template, every view text a literal run. */

const TEMPLATE = [
  "# {{title}}",
  "",
  "<!-- 模板注释 -->",
  '## {{heading "duties"}}',
  "",
  "得分**{{score}}**分，",
  "等级{{grade}}。",
  "",
  "- {{unit}}",
  "- 第二项",
  "",
  "{{paragraphs sections.duties}}",
  "",
  "{{{table tables.summary}}}",
  "",
  "{{{chart}}}",
  "{{#if drafter}}有起草方式{{/if}}{{#if project}}不应出现{{/if}}",
].join("\n");

const family = {
  sections: [{ id: "duties", heading: "（一）职责" }],
  template: "t.md.hbs",
} as unknown as TemplateFamily;
const view: ReportView = {
  ...SAMPLE_VIEW,
  title: "**标题**",
  unit: "# 单位",
  project: "",
  sections: { duties: "第一段 <b>x</b>\n\n<!-- chart -->\n1. 列表" },
};
const plain = (text: string) => ({ text, bold: false });
const { blocks, markdown } = renderDraft(view, { family, template: TEMPLATE, partials: {} });

describe("renderDraft", () => {
  it("reads structure from the template alone and keeps every view text as a literal run", () => {
    expect(blocks.slice(0, 7)).toEqual([
      { type: "heading", level: 1, runs: [plain("**标题**")] },
      { type: "heading", level: 2, runs: [plain("（一）职责")] },
      { type: "paragraph", runs: [plain("得分"), { text: "96.67", bold: true }, plain("分，等级优。")] },
      { type: "list", items: [[plain("# 单位")], [plain("第二项")]] },
      { type: "paragraph", runs: [plain("第一段 <b>x</b>")] },
      { type: "paragraph", runs: [plain("<!-- chart -->")] },
      { type: "paragraph", runs: [plain("1. 列表")] },
    ]);
    expect(blocks.slice(7).map((b) => b.type)).toEqual(["table", "chart", "paragraph"]);
    expect(blocks.at(-1)).toEqual({ type: "paragraph", runs: [plain("有起草方式")] });
  });

  it("writes the same draft as Markdown with the view's text escaped", () => {
    expect(markdown.split("\n\n").slice(0, 8)).toEqual([
      "# \\*\\*标题\\*\\*",
      "<!-- 模板注释 -->\n## （一）职责",
      "得分**96.67**分，\n等级优。",
      "- \\# 单位\n- 第二项",
      "第一段 \\<b>x\\</b>",
      "\\<!-- chart -->",
      "1\\. 列表",
      "<!-- table:summary -->\n<table>\n<caption>各项指标得分情况表<br>单位：分</caption>\n<tr><th>指标</th><th>权重分值</th><th>得分</th><th>得分率</th></tr>\n<tr><td>产出指标</td><td>30</td><td>29</td><td>96.67%</td></tr>\n<tr><th>合计</th><th>30</th><th>29</th><th>96.67%</th></tr>\n</table>",
    ]);
    expect(markdown.endsWith("| 产出指标 | 29 | 30 | 96.67% |\n\n有起草方式\n")).toBe(true);
  });
});
