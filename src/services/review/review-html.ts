import { runFacts } from "./review-cells.ts";
import { copySections } from "./review-html-copies.ts";
import { esc } from "./review-html-escape.ts";
import { reportSections } from "./review-html-reports.ts";
import { REVIEW_PAGE_SCRIPT } from "./review-html-script.ts";
import { REVIEW_PAGE_STYLE } from "./review-html-style.ts";
import { overviewTable, problemsList, rulesTable } from "./review-html-tables.ts";
import type { ReviewResult } from "./review-result.ts";

function card(label: string, value: number, alert = false): string {
  return `<div class="card${alert && value > 0 ? " alert" : ""}"><b>${value}</b>${esc(label)}</div>`;
}

function summaryCards(result: ReviewResult): string {
  const entries = result.entries;
  const count = (pick: (e: ReviewResult["entries"][number]) => number) =>
    entries.reduce((sum, e) => sum + pick(e), 0);
  return [
    '<div class="cards">',
    card("份报告", entries.filter((e) => e.status !== "unreadable").length),
    card("份需优先审阅（无法读取或得分待核）", entries.filter((e) => e.rankKey.tier <= 1).length, true),
    card("个文件无法读取", entries.filter((e) => e.status === "unreadable").length, true),
    card("份重复", entries.filter((e) => e.status === "duplicate").length),
    card(
      "项错误",
      count((e) => e.counts.errors),
      true,
    ),
    card(
      "项警告",
      count((e) => e.counts.warnings),
    ),
    card(
      "项提示",
      count((e) => e.counts.infos),
    ),
    card("对单位有相同段落", result.copies.length, true),
    "</div>",
  ].join("");
}

function section(id: string, title: string, content: string): string {
  return `<section class="part" id="${id}"><h2>${esc(title)}</h2>${content}</section>`;
}

/**
 * The review as one self-contained web page (review.html): the run's facts, counts, the sortable and
 * filterable ranked overview, the per-rule view, copied passages side by side, unreadable and
 * duplicate files with their reasons, and each report's findings with quotes. Style and script are
 * inline and nothing is fetched, so it works opened from disk and offline; every text from a report
 * or a path is escaped. Every finding of `result` appears exactly once.
 */
export function reviewPage(result: ReviewResult): string {
  const facts = runFacts(result)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join("");
  const tools = [
    '<div class="tools">',
    '<input id="filter" type="search" placeholder="筛选：输入单位、文件名、规则代码或任意文字" aria-label="筛选">',
    '<span id="shown"></span>',
    '<button type="button" id="open-all">全部展开</button><button type="button" id="close-all">全部收起</button>',
    "</div>",
  ].join("");
  const legend =
    '<p class="legend">点击表头排序，再点一次反向。等级：自评 / 按规则。浅红底色：无法读取、得分待核或有错误的报告。标有“扫描件”“OCR识别”的内容由扫描件识别而来，数字可能有误读，请对照原件核实。</p>';
  return [
    "<!doctype html>",
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>绩效自评报告审阅结果</title>",
    `<style>${REVIEW_PAGE_STYLE}</style></head><body>`,
    `<header class="top"><h1>绩效自评报告审阅结果</h1><dl class="run">${facts}</dl></header>`,
    summaryCards(result),
    '<nav class="sections"><a href="#overview-part">总览</a><a href="#rules">按规则</a><a href="#copies">疑似抄袭</a><a href="#problems">无法读取与重复</a><a href="#reports">各报告的发现</a></nav>',
    "<main>",
    section("overview-part", "总览（按最需要审阅的排序）", `${tools}${legend}${overviewTable(result)}`),
    section("rules", "按规则：各规则被多少份报告违反", rulesTable(result)),
    section("copies", "疑似抄袭：不同单位报告中相同的段落", copySections(result)),
    section("problems", "无法读取、重复与未审阅的文件", problemsList(result)),
    section("reports", "各报告的发现", reportSections(result)),
    "</main>",
    `<script>${REVIEW_PAGE_SCRIPT}</script>`,
    "</body></html>",
    "",
  ].join("\n");
}
