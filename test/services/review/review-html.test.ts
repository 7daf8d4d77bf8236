import { describe, expect, it } from "vitest";
import { reviewPage } from "../../../src/services/review/review-html.ts";
import { expectedFindings, pageFindings, unescapeHtml } from "./review-html-read.ts";
import { sampleResult } from "./review-html-sample.ts";

const page = reviewPage(sampleResult());

/** The text of every match of `pattern`'s first group. */
function all(pattern: RegExp, html = page): string[] {
  return [...html.matchAll(pattern)].map((m) => unescapeHtml(m[1] ?? ""));
}

describe("review.html", () => {
  it("shows every finding of the result exactly once, under its report, with location, message, quote and OCR mark", () => {
    expect(pageFindings(page)).toEqual([
      {
        report: "r-2",
        severity: "error",
        code: "score.total_mismatch",
        location: "合计",
        ocr: true,
        message: "合计100分，各一级指标相加为96分。请改正合计。",
        quote: "合计 100",
        values: "应为 96；实为 100",
      },
      {
        report: "r-2",
        severity: "error",
        code: "budget.rate_base",
        location: "预算执行率",
        ocr: false,
        message: "执行率按年初预算计算 <b>105%</b> & 应按调整后预算。",
        quote: '<script>alert("x")</script>执行率105%',
        values: null,
      },
      {
        report: "r-2",
        severity: "warn",
        code: "narrative.generic",
        location: "五、发现的主要问题和改进措施",
        ocr: false,
        message: "问题和改进措施只有套话。",
        quote: null,
        values: null,
      },
      {
        report: "r-3",
        severity: "warn",
        code: "narrative.generic",
        location: "五、发现的主要问题和改进措施",
        ocr: false,
        message: "问题和改进措施只有套话。",
        quote: "进一步加强管理",
        values: null,
      },
    ]);
    expect(pageFindings(page)).toEqual(expectedFindings(sampleResult()));
  });

  it("a report's markup shows as text: the only <script> element is the page's own", () => {
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain(
      '<blockquote class="quote">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;执行率105%</blockquote>',
    );
    expect(page).toContain("执行率按年初预算计算 &lt;b&gt;105%&lt;/b&gt; &amp; 应按调整后预算。");
    expect(page).not.toContain("<b>105%");
  });

  it("is self-contained: inline style and script, nothing loaded from anywhere", () => {
    expect(page.startsWith('<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">')).toBe(true);
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).not.toMatch(/<link|<img|<iframe|\ssrc=|@import|url\(|https?:\/\//);
    // Every link is an anchor inside the page.
    expect(all(/href="([^"]*)"/g).every((h) => h.startsWith("#"))).toBe(true);
    const targets = new Set(all(/ id="([^"]*)"/g));
    expect(all(/href="#([^"]*)"/g).filter((h) => !targets.has(h))).toEqual([]);
  });

  it("the overview: one row per report in ranked order, sortable headers, attention rows marked, units linked", () => {
    expect(all(/<tr id="o-(\d+)"/g)).toEqual(["1", "2", "3", "4"]);
    expect(all(/<th data-key="(\w+)"/g)).toEqual([
      "rank",
      "tier",
      "unit",
      "year",
      "kind",
      "file",
      "claimed",
      "byRules",
      "gap",
      "grade",
      "errors",
      "warnings",
      "infos",
      "worst",
      "notes",
    ]);
    expect(all(/<tr id="o-\d+" class="([^"]*)"/g)).toEqual([
      "attention tier-0",
      "attention tier-1",
      "tier-2",
      "tier-3",
    ]);
    const row2 = /<tr id="o-2"[^>]*>(.*?)<\/tr>/.exec(page)?.[1] ?? "";
    expect(all(/<td[^>]*>(.*?)<\/td>/g, row2).map((c) => c.replace(/<[^>]+>/g, ""))).toEqual([
      "2",
      "得分待核",
      "南县财政局",
      "2024",
      "部门整体",
      "南县财政局.pdf 扫描件",
      "100",
      "96",
      "4",
      "优 / 优",
      "2",
      "1",
      "0",
      "错误 · 合计：合计100分，各一级指标相加为96分",
      "",
    ]);
    expect(all(/<td data-v="([^"]*)">/g, row2)).toEqual(["2", "2024", "100", "96", "4", "2", "1", "0"]);
    expect(row2).toContain('<a href="#r-2">南县财政局</a>');
  });

  it("the run's facts, the per-rule view with links to the reports, unreadable, duplicate and skipped files", () => {
    expect(all(/<dt>(.*?)<\/dt>/g)).toEqual([
      "审阅时间",
      "审阅的文件夹和文件",
      "找到的报告文件",
      "审阅的文件",
      "用时",
      "评分方案",
      "未审阅的路径",
    ]);
    expect(all(/<tr class="rule sev-\w+"><td><code>(.*?)<\/code>/g)).toEqual([
      "narrative.generic",
      "score.total_mismatch",
    ]);
    expect(all(/<ul class="files">(.*?)<\/ul>/g)).toEqual([
      '<li><a href="#r-2" title="报告/2024/南县财政局.pdf【主报告】">2. 南县财政局.pdf</a></li><li><a href="#r-3" title="报告/2024/南县财政局.pdf【附件1 项目支出绩效自评表】">3. 南县财政局.pdf【附件1 项目支出绩效自评表】</a></li>',
      '<li><a href="#r-2" title="报告/2024/南县财政局.pdf【主报告】">2. 南县财政局.pdf</a></li>',
    ]);
    expect(all(/<ul id="problems-list" class="problems">(.*?)<\/ul>/g)[0]?.replace(/<[^>]+>/g, "")).toBe(
      [
        "无法读取 报告/2024/坏.docx：文件 坏.docx 不是有效的 Word 文件 file.not_zip",
        "重复 报告/2024/南县财政局（副本）.pdf：与 报告/2024/南县财政局.pdf 重复（文件内容完全相同）",
        "未审阅 报告/2024/环：报告/2024/环 指回上级文件夹，已跳过",
      ].join(""),
    );
  });

  it("copied passages side by side, both agencies and files, the wording they share highlighted", () => {
    expect(all(/<section class="pair"><h3>(.*?)<\/h3>/g)).toEqual(["南县发改局 ↔ 南县财政局：1 段"]);
    expect(all(/<div class="where">(.*?)<\/div>/g)).toEqual([
      "报告/2024/南县发改局.docx",
      "报告/2024/南县财政局.pdf",
    ]);
    expect(all(/<p class="passage-text">(.*?)<\/p>/g)).toEqual([
      "<mark>获取服务对象对发改委主要工作</mark>的<mark>满意度</mark>",
      "<mark>获取服务对象对发改委主要工作满意度</mark>",
    ]);
  });

  it("a batch with nothing to show says so in each part", () => {
    const empty = { ...sampleResult(), entries: [], rules: [], copies: [] };
    empty.run.skipped = [];
    const html = reviewPage(empty);
    expect(all(/<p class="none">(.*?)<\/p>/g, html)).toEqual([
      "没有任何报告违反核查规则。",
      "本批报告之间（及与语料库之间）没有发现不同单位相同的段落。",
      "所有文件都已读取，没有重复的报告。",
    ]);
    expect(pageFindings(html)).toEqual([]);
  });
});
