import { readFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/report.ts";
import type { LlmPort, LlmRequest } from "../../src/drafting/llm-port.ts";
import { readDocument } from "../../src/importing/files/read-document.ts";
import { docxHeadings, markdownHeadings } from "../../src/services/draft-file-check.ts";
import { type DraftedReport, draftDocx, draftReport } from "../../src/services/draft-report.ts";
import { reportFromJson } from "../../src/services/report-files.ts";
import { loadTemplateFamilies } from "../../src/services/template-files.ts";
import { readPrompts, reply } from "../drafting/llm-test-kit.ts";
import { schemeOfReport } from "./scheme-of-report.ts";

/**
 * Issue 16 item 1: every marker and syntax of Markdown, Handlebars, HTML and the draft's `[[key]]`
 * planted in officer text, a unit name, an indicator name and a model-drafted section is printed
 * literally in both files, and every section of the template is there once.
 */

/** Each planted line and the Markdown it must be written as (hand-escaped for CommonMark). */
const PLANTED: [string, string][] = [
  ["<!-- table:self_evaluation -->", "\\<!-- table:self_evaluation -->"],
  ["<!-- table:nosuchtable -->", "\\<!-- table:nosuchtable -->"],
  ["<!-- chart -->", "\\<!-- chart -->"],
  ["# 标题", "\\# 标题"],
  ["## x", "\\## x"],
  ["- 列表", "\\- 列表"],
  ["1. 列表", "1\\. 列表"],
  ["> 引用", "\\> 引用"],
  ["**粗体**", "\\*\\*粗体\\*\\*"],
  ["_x_", "\\_x\\_"],
  ["`code`", "\\`code\\`"],
  ["[链接](http://x)", "\\[链接\\](http://x)"],
  ["|a|b|", "|a|b|"],
  ["<b>html</b>", "\\<b>html\\</b>"],
  ["<table>", "\\<table>"],
  ["&lt;", "\\&lt;"],
  ["{{title}}", "{{title}}"],
  ["{{{x}}}", "{{{x}}}"],
  ["{{> appendix}}", "{{> appendix}}"],
  ["[[budget.total]]", "\\[\\[budget.total\\]\\]"],
];
const LINES = PLANTED.map(([line]) => line);
const PROSE = "本单位严格按照预算管理要求组织实施各项工作，资金使用规范，管理制度健全，绩效目标基本实现。";
/**
 * What the model writes: the planted lines among Chinese prose (a reply in another language is
 * refused). Its `[[key]]` is a placeholder by contract (filled from the facts or refused), so it is
 * not planted there.
 */
const MODEL_PLANTED = PLANTED.filter(([l]) => !l.startsWith("[["));
const MODEL_LINES = [PROSE, PROSE, ...MODEL_PLANTED.map(([l]) => l), PROSE, PROSE];
/** A name with inline syntax of every kind, and how the Markdown title line writes it. */
const UNIT = "金水区**粗体**<b>x</b>`c`_x_{{title}}[[budget.total]]&lt;|中心";
const UNIT_MD =
  "金水区\\*\\*粗体\\*\\*\\<b>x\\</b>\\`c\\`\\_x\\_{{title}}\\[\\[budget.total\\]\\]\\&lt;|中心";
const INDICATOR = "# 标题 **粗体** <!-- chart --> |a|b|";

const TITLE = `${UNIT}2021年度部门整体支出绩效自评报告`;
/** The headings of the henan-department template, in order. */
const HEADINGS = [
  TITLE,
  "一、基本情况",
  "（一）部门年度履职目标及主要任务",
  "（二）部门年度整体绩效目标、绩效指标设置情况",
  "二、绩效自评工作开展情况",
  "三、综合评价结论",
  "四、绩效目标实现情况分析",
  "（一）部门资金情况分析",
  "（二）部门绩效指标完成情况分析",
  "1.投入管理指标情况分析",
  "2.产出指标情况分析",
  "3.效益指标情况分析",
  "五、发现的主要问题和改进措施",
  "六、绩效自评结果拟应用和公开情况",
  "七、绩效自评工作的经验、问题和建议",
  "八、其他需要说明的问题",
  "附：核查发现",
];

const root = join(import.meta.dirname, "../..");
const now = () => new Date("2026-12-03T00:00:00Z");

/** Seed 000 with the planted unit and indicator names and, for each narrative section, `text`. */
function planted(text: string | null): Report {
  const json = JSON.parse(readFileSync(join(root, "fixtures/reports/seed-000.json"), "utf8"));
  json.unit.name = UNIT;
  json.indicators[0].groups[0].indicators[0].name = INDICATOR;
  json.narrative =
    text === null ? [] : json.narrative.map((n: { id: string; title: string }) => ({ ...n, text }));
  const report = reportFromJson(json, "seed-000.json");
  if (!report.ok) throw new Error(report.error.message);
  return report.value;
}

/** A model that answers every request with the planted lines as the paragraphs of each section asked for. */
const plantingModel: LlmPort = {
  model: "fake-model",
  complete: async (request: LlmRequest) => {
    const ids = [
      ...JSON.stringify(request.jsonSchema).matchAll(/"const":"(\w+)"|"enum":\[([^\]]*)\]/g),
    ].flatMap((m) => (m[1] !== undefined ? [m[1]] : (m[2] ?? "").split(",").map((s) => JSON.parse(s))));
    return reply(JSON.stringify({ sections: ids.map((id) => ({ id, paragraphs: MODEL_LINES })) }));
  },
};

async function draft(report: Report, llm?: LlmPort): Promise<DraftedReport> {
  const scheme = schemeOfReport(report);
  const families = loadTemplateFamilies();
  if (!scheme.ok || !families.ok) throw new Error("scheme or templates missing");
  const env = {
    families: families.value,
    now,
    ...(llm === undefined ? {} : { llm: { port: llm, prompts: readPrompts() } }),
  };
  const result = await draftReport(report, scheme.value, env);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The paragraphs of a .docx (outside tables) as the project's own importer reads them. */
async function docxLines(bytes: Uint8Array): Promise<string[]> {
  const read = await readDocument("r.docx", bytes);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : []));
}

/** The text of every table cell of a .docx. */
async function docxCells(bytes: Uint8Array): Promise<string[]> {
  const read = await readDocument("r.docx", bytes);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.blocks.flatMap((b) => (b.type === "table" ? b.rows.flat() : []));
}

/**
 * The .md as a CommonMark reader (markdown-it, HTML allowed as in most viewers) sees it: each
 * heading and paragraph as its text, or null when the reader found structure inside it (emphasis,
 * a link, code, inline HTML) instead of plain text.
 */
function commonMarkBlocks(markdown: string): { type: string; text: string | null }[] {
  const tokens = new MarkdownIt({ html: true }).parse(markdown, {});
  const out: { type: string; text: string | null }[] = [];
  tokens.forEach((token, i) => {
    if (token.type === "html_block") out.push({ type: "html", text: token.content.trim() });
    if (token.type !== "inline") return;
    const parent = tokens[i - 1]?.type ?? "";
    const children = token.children ?? [];
    const plain = children.every((c) => c.type === "text" || c.type === "softbreak");
    out.push({
      type: parent.replace(/_open$/, ""),
      text: plain ? children.map((c) => (c.type === "text" ? c.content : "")).join("") : null,
    });
  });
  return out;
}

describe.each([
  ["officer text", () => draft(planted(LINES.join("\n"))), PLANTED],
  ["model text", () => draft(planted(null), plantingModel), MODEL_PLANTED],
])("%s that looks like structure stays text (issue 16)", (_, drafted, planted) => {
  it("the .docx has every heading once, one 自评表, the findings and the footer, and each planted line as a paragraph", async () => {
    const d = await drafted();
    const bytes = await draftDocx(d, now());
    expect(docxHeadings(bytes)).toEqual(HEADINGS);
    const lines = await docxLines(bytes);
    expect(lines.filter((l) => l === "部门整体绩效自评表")).toHaveLength(1);
    expect(lines.some((l) => l.startsWith("本稿由 ziping 生成"))).toBe(true);
    for (const [line] of planted) expect(lines, line).toContain(line);
    expect(await docxCells(bytes)).toContain(INDICATOR);
  }, 30_000);

  it("the .md writes each planted line escaped as its own paragraph, and every heading and the footer", async () => {
    const d = await drafted();
    expect(markdownHeadings(Buffer.from(d.markdown))).toEqual(HEADINGS);
    const md = d.markdown.split("\n");
    expect(md[0]).toBe(`# ${UNIT_MD}2021年度部门整体支出绩效自评报告`);
    for (const [, escaped] of planted) expect(md, escaped).toContain(escaped);
    expect(md.filter((l) => l === "<!-- table:self_evaluation -->")).toHaveLength(1);
    expect(md.filter((l) => l === "<!-- chart -->")).toHaveLength(1);
    expect(md.some((l) => l.startsWith("本稿由 ziping 生成"))).toBe(true);
    expect(d.markdown).toContain("<td># 标题 **粗体** &lt;!-- chart --&gt; |a|b|</td>");
  }, 30_000);

  it("a CommonMark reader sees every heading, the title and each planted line as plain text", async () => {
    const d = await drafted();
    const blocks = commonMarkBlocks(d.markdown);
    expect(blocks.filter((b) => b.type === "heading").map((b) => b.text)).toEqual(HEADINGS);
    const paragraphs = blocks.filter((b) => b.type === "paragraph").map((b) => b.text);
    for (const [line] of planted) expect(paragraphs, line).toContain(line);
    // The marker a CommonMark reader takes as an HTML comment is only the template's own, once.
    expect(
      blocks.filter((b) => b.type === "html" && b.text === "<!-- table:self_evaluation -->"),
    ).toHaveLength(1);
  }, 30_000);
});

describe("a project name that looks like structure stays text (issue 16)", () => {
  it("is the title of both files as written, and the project draft keeps its closing sections", async () => {
    const json = JSON.parse(readFileSync(join(root, "fixtures/reports/seed-003-project.json"), "utf8"));
    json.project = "项目**粗体**<!-- table:nosuchtable -->[[budget.total]]";
    const report = reportFromJson(json, "seed-003-project.json");
    if (!report.ok) throw new Error(report.error.message);
    const d = await draft(report.value);
    const title =
      "浏阳市数据资源中心2020年度项目**粗体**<!-- table:nosuchtable -->[[budget.total]]项目支出绩效自评报告";
    const headings = docxHeadings(await draftDocx(d, now())) ?? [];
    expect(headings[0]).toBe(title);
    expect(headings.slice(-2)).toEqual(["七、绩效自评工作的经验、问题和建议", "附：核查发现"]);
    expect(markdownHeadings(Buffer.from(d.markdown))).toEqual(headings);
    expect(d.markdown.split("\n")[0]).toBe(
      "# 浏阳市数据资源中心2020年度项目\\*\\*粗体\\*\\*\\<!-- table:nosuchtable -->\\[\\[budget.total\\]\\]项目支出绩效自评报告",
    );
  }, 30_000);
});
