import { SEVERITY_LABEL } from "../../core/finding.ts";
import { fmt } from "../../scoring/rounding.ts";
import { fileLabel, kindText, noteText, unitText } from "./review-cells.ts";
import { esc } from "./review-html-escape.ts";
import type { ReviewEntry, ReviewFinding, ReviewResult } from "./review-result.ts";

/** Reports shown open when the page opens; the rest are one click away (or all, with 全部展开). */
const OPEN_AT_START = 5;

function findingItem(f: ReviewFinding): string {
  const ocr = f.fromOcr
    ? ' <span class="tag ocr" title="这条发现所依据的文字由扫描件识别而来，可能有误读，请对照原件核实">OCR识别</span>'
    : "";
  const quote = f.quote === null ? "" : `<blockquote class="quote">${esc(f.quote)}</blockquote>`;
  const values = [
    f.expected === undefined ? "" : `应为 ${esc(f.expected)}`,
    f.actual === undefined ? "" : `实为 ${esc(f.actual)}`,
  ].filter((v) => v !== "");
  const expect = values.length === 0 ? "" : `<p class="values">${values.join("；")}</p>`;
  return [
    `<li class="finding sev-${f.severity}" data-code="${esc(f.code)}">`,
    `<div class="head"><span class="sev">${SEVERITY_LABEL[f.severity]}</span> <code>${esc(f.code)}</code> `,
    `<span class="loc">${esc(f.location.label)}</span>${ocr}</div>`,
    `<p class="msg">${esc(f.message)}</p>${quote}${expect}</li>`,
  ].join("");
}

/** "按规则得分 96（优）；填报 100（优）" or why no score by the rules was computed. */
function scoreLine(e: ReviewEntry): string {
  const grade = (g: string | null) => (g === null ? "" : `（${g}）`);
  const byRules =
    e.score.byRules === null
      ? `按规则得分：不计算${e.score.withheld === null ? "" : `（${e.score.withheld}）`}`
      : `按规则得分 ${fmt(e.score.byRules)}${grade(e.grade.byRules)}`;
  const claimed =
    e.score.claimed === null ? "报告未写明自评得分" : `填报 ${fmt(e.score.claimed)}${grade(e.grade.claimed)}`;
  return `${byRules}；${claimed}`;
}

function entryFacts(e: ReviewEntry): string {
  const facts: string[] = [];
  if (e.scheme !== null) facts.push(`<li>评分方案：${esc(e.scheme.name)}（${esc(e.scheme.reason)}）</li>`);
  if (e.status === "read") facts.push(`<li>${esc(scoreLine(e))}</li>`);
  if (e.project !== null) facts.push(`<li>项目：${esc(e.project)}</li>`);
  if (e.fromOcr)
    facts.push(
      '<li class="ocr-note">这份报告的文字由扫描件识别（OCR）而来，数字可能有误读，请对照原件核实。</li>',
    );
  for (const n of e.notRead) facts.push(`<li class="not-read">未能读出或核查：${esc(n)}</li>`);
  const note = noteText(e);
  if (e.status !== "read" && note !== "") facts.push(`<li class="note">${esc(note)}</li>`);
  return facts.length === 0 ? "" : `<ul class="facts">${facts.join("")}</ul>`;
}

function entryTitle(e: ReviewEntry): string {
  const unit = unitText(e) || "（无法读取）";
  const year = e.year === null ? "" : ` ${e.year}年度`;
  const kind = kindText(e);
  return `${unit}${year}${kind === "" ? "" : ` ${kind}`}`;
}

function entrySection(e: ReviewEntry, open: boolean): string {
  const counts = `<span class="counts"><span class="n-error">错误 ${e.counts.errors}</span> <span class="n-warn">警告 ${e.counts.warnings}</span> <span class="n-info">提示 ${e.counts.infos}</span></span>`;
  const findings =
    e.findings.length === 0
      ? `<p class="none">${e.status === "read" ? "未发现问题。" : "没有核查（见上）。"}</p>`
      : `<ol class="findings">${e.findings.map(findingItem).join("")}</ol>`;
  return [
    `<details class="report tier-${e.rankKey.tier}" id="r-${e.rank}"${open ? " open" : ""}>`,
    `<summary><span class="rank">${e.rank}</span> <span class="tier">${esc(e.rankKey.tierLabel)}</span> `,
    `<strong>${esc(entryTitle(e))}</strong> <span class="file">${esc(fileLabel(e.path, e.label))}</span> ${counts}</summary>`,
    `<div class="body">${entryFacts(e)}${findings}<p class="back"><a href="#o-${e.rank}">回到总览</a></p></div>`,
    "</details>",
  ].join("");
}

/** Each report's findings with quotes, in ranking order, the first few open. */
export function reportSections(result: ReviewResult): string {
  return result.entries.map((e, i) => entrySection(e, i < OPEN_AT_START)).join("\n");
}
