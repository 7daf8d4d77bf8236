import { SEVERITY_LABEL } from "../../core/finding.ts";
import { fmt } from "../../scoring/rounding.ts";
import { type Cell, fileLabel, kindText, needsAttention, noteText, unitText } from "./review-cells.ts";
import { esc } from "./review-html-escape.ts";
import type { ReviewEntry, ReviewResult } from "./review-result.ts";

/** A column of the page's overview: `key` names it in the page's address (#sort=errors-desc). */
interface HtmlColumn {
  key: string;
  header: string;
  numeric: boolean;
  cell: (e: ReviewEntry) => Cell;
  /** The cell's HTML when it is more than its text (a link, a tag). */
  html?: (e: ReviewEntry) => string;
  /** The header's tooltip, where the header is short for more. */
  title?: string;
  /** Layout class of the column's cells: "nowrap" (short values), "mid" or "wide" (long text). */
  cls?: "nowrap" | "mid" | "wide";
}

/** Where a long phrase is cut in the overview (its whole text is in the report's section and the tooltip). */
const PHRASE_MAX = 30;
/** The overview lists this many of a report's unread items; the rest are in the report's section. */
const NOTES_SHOWN = 2;

function cut(text: string): string {
  const chars = Array.from(text);
  return chars.length <= PHRASE_MAX ? text : `${chars.slice(0, PHRASE_MAX).join("")}…`;
}

/** What could not be read, each phrase cut short, the whole list in the tooltip. */
function notesHtml(e: ReviewEntry): string {
  const all = [...e.notRead, noteText(e)].filter((t) => t !== "");
  if (all.length === 0) return "";
  const shown = all.slice(0, NOTES_SHOWN).map((t) => `<li>${esc(cut(t))}</li>`);
  if (all.length > NOTES_SHOWN)
    shown.push(`<li class="more">另 ${all.length - NOTES_SHOWN} 项，见该报告</li>`);
  return `<ul class="notes" title="${esc(all.join("\n"))}">${shown.join("")}</ul>`;
}

/**
 * The path as the overview shows it: below the folder it was found in when one was given (the
 * folder is in the run's facts), else as given.
 */
function shownPath(path: string, inputs: readonly string[]): string {
  for (const input of inputs) {
    const folder = input.endsWith("/") ? input : `${input}/`;
    if (path.startsWith(folder) && path.length > folder.length) return path.slice(folder.length);
  }
  return path;
}

const KIND = { department: "部门整体", project: "项目支出" } as const;

function score(value: number | null): string {
  return value === null ? "" : fmt(value);
}

function columns(inputs: readonly string[]): readonly HtmlColumn[] {
  return [
    { key: "rank", header: "排名", numeric: true, cell: (e) => e.rank },
    { key: "tier", header: "类别", numeric: false, cls: "nowrap", cell: (e) => e.rankKey.tierLabel },
    {
      key: "unit",
      header: "单位",
      numeric: false,
      cls: "mid",
      cell: unitText,
      html: (e) => `<a href="#r-${e.rank}">${esc(unitText(e) || "（无法读取）")}</a>`,
    },
    { key: "year", header: "年度", numeric: true, cell: (e) => e.year },
    {
      key: "kind",
      header: "类型",
      numeric: false,
      cls: "nowrap",
      cell: kindText,
      html: (e) =>
        e.kind === null
          ? ""
          : `<span${e.kindAssumed ? ' title="报告未写明类型，按此核查"' : ""}>${esc(KIND[e.kind])}${e.kindAssumed ? "（推定）" : ""}</span>`,
    },
    {
      key: "file",
      header: "文件",
      numeric: false,
      cls: "mid",
      cell: (e) => fileLabel(e.path, e.label),
      html: (e) =>
        `<span title="${esc(e.path)}">${esc(fileLabel(shownPath(e.path, inputs), e.label))}</span>${e.fromOcr ? ' <span class="tag ocr" title="文字由扫描件识别">扫描件</span>' : ""}`,
    },
    { key: "claimed", header: "自评分", numeric: true, cell: (e) => e.score.claimed },
    { key: "byRules", header: "规则分", numeric: true, cell: (e) => e.score.byRules },
    { key: "gap", header: "分差", numeric: true, cell: (e) => e.rankKey.scoreGap },
    {
      key: "grade",
      header: "等级",
      title: "自评等级 / 按规则的等级",
      numeric: false,
      cls: "nowrap",
      cell: (e) =>
        e.grade.claimed === null && e.grade.byRules === null
          ? null
          : `${e.grade.claimed ?? "—"} / ${e.grade.byRules ?? "—"}`,
    },
    { key: "errors", header: "错误", numeric: true, cell: (e) => e.counts.errors },
    { key: "warnings", header: "警告", numeric: true, cell: (e) => e.counts.warnings },
    { key: "infos", header: "提示", numeric: true, cell: (e) => e.counts.infos },
    { key: "worst", header: "最严重的问题", numeric: false, cls: "wide", cell: (e) => e.worst },
    {
      key: "notes",
      header: "未能读出或核查 / 说明",
      numeric: false,
      cls: "wide",
      cell: (e) => [...e.notRead, noteText(e)].filter((t) => t !== "").join("；"),
      html: notesHtml,
    },
  ];
}

function cellText(value: Cell): string {
  if (value === null) return "";
  return typeof value === "number" ? fmt(value) : value;
}

/**
 * The ranked overview as a table: a button in each header sorts by that column (the page's script),
 * each number cell carries its value in `data-v` for sorting, each unit links to the report's findings,
 * and rows needing attention have the class `attention`.
 */
export function overviewTable(result: ReviewResult): string {
  const COLUMNS = columns(result.run.inputs);
  const head = COLUMNS.map(
    (c, i) =>
      `<th data-key="${c.key}" data-type="${c.numeric ? "num" : "text"}" aria-sort="${i === 0 ? "ascending" : "none"}"${c.title === undefined ? "" : ` title="${esc(c.title)}"`}${c.cls === "wide" ? "" : ' class="nowrap"'}><button type="button">${esc(c.header)}</button></th>`,
  ).join("");
  const rows = result.entries.map((e) => {
    const cells = COLUMNS.map((c) => {
      const value = c.cell(e);
      const v = c.numeric ? ` data-v="${value === null ? "" : esc(value)}"` : "";
      const text =
        c.key === "claimed" || c.key === "byRules" ? score(value as number | null) : cellText(value);
      const cls = c.cls === undefined ? "" : ` class="${c.cls}"`;
      return `<td${cls}${v}>${c.html?.(e) ?? esc(text)}</td>`;
    }).join("");
    const cls = [needsAttention(e) ? "attention" : "", `tier-${e.rankKey.tier}`].filter((c) => c !== "");
    return `<tr id="o-${e.rank}" class="${cls.join(" ")}" data-rank="${e.rank}">${cells}</tr>`;
  });
  return `<table id="overview" class="grid overview"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** Each ranked report by "path【label】", as the per-rule view names them. */
function entryByName(result: ReviewResult): Map<string, ReviewEntry> {
  return new Map(result.entries.map((e) => [`${e.path}【${e.label}】`, e]));
}

/** The per-rule view: each rule broken, how many reports and findings, an example, the reports (linked). */
export function rulesTable(result: ReviewResult): string {
  if (result.rules.length === 0) return '<p class="none">没有任何报告违反核查规则。</p>';
  const entries = entryByName(result);
  const rows = result.rules.map((r) => {
    const files = r.files
      .map((f) => {
        const e = entries.get(f);
        if (e === undefined) return `<li>${esc(f)}</li>`;
        const name = fileLabel(shownPath(e.path, result.run.inputs), e.label);
        return `<li><a href="#r-${e.rank}" title="${esc(f)}">${e.rank}. ${esc(name)}</a></li>`;
      })
      .join("");
    return `<tr class="rule sev-${r.severity}"><td><code>${esc(r.code)}</code></td><td class="nowrap"><span class="sev">${SEVERITY_LABEL[r.severity]}</span></td><td class="num">${r.reports}</td><td class="num">${r.findings}</td><td>${esc(r.message)}</td><td><ul class="files">${files}</ul></td></tr>`;
  });
  return `<table id="rules-table" class="grid rules"><thead><tr><th>规则代码</th><th class="nowrap">严重程度</th><th class="nowrap">涉及报告数</th><th class="nowrap">发现数</th><th>示例说明</th><th>涉及的报告</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** Files that could not be read, duplicates and paths passed over, each with its reason. */
export function problemsList(result: ReviewResult): string {
  const items: string[] = [];
  for (const e of result.entries) {
    if (e.unreadable !== null)
      items.push(
        `<li class="unreadable"><span class="tag bad">无法读取</span> <a href="#r-${e.rank}">${esc(e.path)}</a>：${esc(e.unreadable.reason)} <code>${esc(e.unreadable.code)}</code></li>`,
      );
    else if (e.duplicateOf !== null)
      items.push(
        `<li class="duplicate"><span class="tag dup">重复</span> <a href="#r-${e.rank}">${esc(fileLabel(e.path, e.label))}</a>：${esc(noteText(e))}</li>`,
      );
  }
  for (const s of result.run.skipped)
    items.push(
      `<li class="skipped"><span class="tag skip">未审阅</span> ${esc(s.path)}：${esc(s.reason)}</li>`,
    );
  if (items.length === 0) return '<p class="none">所有文件都已读取，没有重复的报告。</p>';
  return `<ul id="problems-list" class="problems">${items.join("")}</ul>`;
}
