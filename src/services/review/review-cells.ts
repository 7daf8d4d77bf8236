import { SEVERITY_LABEL } from "../../core/finding.ts";
import type { ReviewEntry, ReviewFinding, ReviewResult } from "./review-result.ts";

/**
 * The cells of the review's tables — the ranked overview, every finding, the per-rule view and the
 * copied passages — as the workbook (review.xlsx) and the web page (review.html) both show them, so
 * the two never disagree with each other or with `--json`: every value comes from the one result.
 */

/** A cell: text, a number (kept a number so Excel sorts and filters it), or empty. */
export type Cell = string | number | null;

/** A column of a review table: its Chinese header, its width in Excel characters, and its cell. */
interface ReviewColumn<T> {
  header: string;
  width: number;
  cell: (row: T) => Cell;
}

/** A table of rows of type T under its columns. */
export interface ReviewTable<T> {
  columns: readonly ReviewColumn<T>[];
  rows: readonly T[];
}

const KIND = { department: "部门整体", project: "项目支出" } as const;

/** "a.txt", or "a.docx【附件1】" for a report that is not the file's main report. */
export function fileLabel(path: string, label: string): string {
  return label === "" || label === "主报告" ? path : `${path}【${label}】`;
}

/** "是" / "否", as the yes/no columns say it. */
function yesNo(value: boolean): string {
  return value ? "是" : "否";
}

/**
 * True for a report a reviewer should look at first: unreadable, a score to verify, or any error —
 * but not a duplicate, which is looked at through the report it repeats.
 */
export function needsAttention(entry: ReviewEntry): boolean {
  if (entry.status === "duplicate") return false;
  return entry.rankKey.tier <= 1 || entry.counts.errors > 0;
}

/** The report's kind in Chinese, marked when the file does not state it; "" when unknown. */
export function kindText(entry: ReviewEntry): string {
  if (entry.kind === null) return "";
  return `${KIND[entry.kind]}${entry.kindAssumed ? "（未写明，按此核查）" : ""}`;
}

/** The unit, "（未读出）" when a read report does not say it, "" for an unreadable file. */
export function unitText(entry: ReviewEntry): string {
  if (entry.unit !== null) return entry.unit;
  return entry.status === "unreadable" ? "" : "（未读出）";
}

/**
 * What the overview's other columns do not already say: the report this one repeats, the reason a
 * file could not be read or no score by the rules was computed (unless 未能读出 names it).
 */
export function noteText(entry: ReviewEntry): string {
  const notes: string[] = [];
  const said = (text: string) => entry.notRead.some((n) => n.includes(text));
  if (entry.unreadable !== null && !said(entry.unreadable.reason))
    notes.push(`无法读取：${entry.unreadable.reason}`);
  const dup = entry.duplicateOf;
  if (dup !== null) {
    const why = dup.why === "same_bytes" ? "文件内容完全相同" : "单位、年度、类型相同";
    notes.push(`与 ${fileLabel(dup.path, dup.label)} 重复（${why}）`);
  }
  const withheld = entry.score.withheld;
  if (entry.unreadable === null && entry.score.byRules === null && withheld !== null && !said(withheld))
    notes.push(`不计算按规则得分：${withheld}`);
  return notes.join("；");
}

/** The columns of the ranked overview, one row per report or unreadable file. */
export const OVERVIEW_COLUMNS: readonly ReviewColumn<ReviewEntry>[] = [
  { header: "排名", width: 6, cell: (e) => e.rank },
  { header: "类别", width: 10, cell: (e) => e.rankKey.tierLabel },
  { header: "文件", width: 36, cell: (e) => e.path },
  { header: "报告部分", width: 14, cell: (e) => e.label },
  { header: "单位", width: 24, cell: unitText },
  { header: "年度", width: 7, cell: (e) => e.year },
  { header: "类型", width: 10, cell: kindText },
  { header: "项目", width: 20, cell: (e) => e.project },
  { header: "评分方案", width: 24, cell: (e) => e.scheme?.name ?? null },
  { header: "填报得分", width: 9, cell: (e) => e.score.claimed },
  { header: "按规则得分", width: 10, cell: (e) => e.score.byRules },
  { header: "得分差", width: 8, cell: (e) => e.rankKey.scoreGap },
  { header: "填报等级", width: 9, cell: (e) => e.grade.claimed },
  { header: "按规则等级", width: 10, cell: (e) => e.grade.byRules },
  { header: "错误", width: 6, cell: (e) => e.counts.errors },
  { header: "警告", width: 6, cell: (e) => e.counts.warnings },
  { header: "提示", width: 6, cell: (e) => e.counts.infos },
  { header: "最严重的问题", width: 40, cell: (e) => e.worst },
  { header: "未能读出或核查", width: 40, cell: (e) => e.notRead.join("\n") || null },
  { header: "来自OCR", width: 8, cell: (e) => yesNo(e.fromOcr) },
  { header: "说明", width: 40, cell: (e) => noteText(e) || null },
];

/** A finding with the report it belongs to. */
interface FindingRow {
  entry: ReviewEntry;
  finding: ReviewFinding;
}

/** Every finding of the result, report by report in ranking order, each report's in its own order. */
export function findingRows(result: ReviewResult): FindingRow[] {
  return result.entries.flatMap((entry) => entry.findings.map((finding) => ({ entry, finding })));
}

/** The columns of the sheet of all findings. */
export const FINDING_COLUMNS: readonly ReviewColumn<FindingRow>[] = [
  { header: "排名", width: 6, cell: (r) => r.entry.rank },
  { header: "文件", width: 36, cell: (r) => fileLabel(r.entry.path, r.entry.label) },
  { header: "单位", width: 24, cell: (r) => unitText(r.entry) },
  { header: "严重程度", width: 9, cell: (r) => SEVERITY_LABEL[r.finding.severity] },
  { header: "规则代码", width: 24, cell: (r) => r.finding.code },
  { header: "说明", width: 60, cell: (r) => r.finding.message },
  { header: "位置", width: 30, cell: (r) => r.finding.location.label },
  { header: "字段", width: 24, cell: (r) => r.finding.location.path },
  { header: "原文", width: 40, cell: (r) => r.finding.quote },
  { header: "应为", width: 12, cell: (r) => r.finding.expected ?? null },
  { header: "实为", width: 12, cell: (r) => r.finding.actual ?? null },
  { header: "来自OCR", width: 8, cell: (r) => yesNo(r.finding.fromOcr) },
];

type RuleRow = ReviewResult["rules"][number];

/** The columns of the per-rule view. */
export const RULE_COLUMNS: readonly ReviewColumn<RuleRow>[] = [
  { header: "规则代码", width: 26, cell: (r) => r.code },
  { header: "严重程度", width: 9, cell: (r) => SEVERITY_LABEL[r.severity] },
  { header: "涉及报告数", width: 10, cell: (r) => r.reports },
  { header: "发现数", width: 8, cell: (r) => r.findings },
  { header: "示例说明", width: 60, cell: (r) => r.message },
  { header: "涉及的报告", width: 50, cell: (r) => r.files.join("\n") },
];

type Passage = ReviewResult["copies"][number]["passages"][number];
type Side = Passage["a"];

/** A copied passage with the pair of agencies it was grouped under. */
interface CopyRow {
  agencies: readonly [string, string];
  passage: Passage;
}

/** Every copied passage, pair by pair in the result's order. */
export function copyRows(result: ReviewResult): CopyRow[] {
  return result.copies.flatMap((pair) =>
    pair.passages.map((passage) => ({ agencies: pair.agencies, passage })),
  );
}

/** "本批" for a report of this run, "语料库" for a document of the --corpus database. */
export function originText(side: Side): string {
  return side.origin === "batch" ? "本批" : "语料库";
}

function sideColumns(name: "甲" | "乙", side: (p: Passage) => Side): ReviewColumn<CopyRow>[] {
  return [
    {
      header: `${name}：文件`,
      width: 32,
      cell: (r) => fileLabel(side(r.passage).path, side(r.passage).label),
    },
    { header: `${name}：年度`, width: 7, cell: (r) => side(r.passage).year },
    { header: `${name}：来源`, width: 7, cell: (r) => originText(side(r.passage)) },
    { header: `${name}：原文`, width: 50, cell: (r) => side(r.passage).quote },
  ];
}

/** The columns of the sheet of copied passages: both agencies, both files, both quotes. */
export const COPY_COLUMNS: readonly ReviewColumn<CopyRow>[] = [
  { header: "单位甲", width: 22, cell: (r) => r.agencies[0] },
  { header: "单位乙", width: 22, cell: (r) => r.agencies[1] },
  { header: "字数", width: 7, cell: (r) => r.passage.length },
  ...sideColumns("甲", (p) => p.a),
  ...sideColumns("乙", (p) => p.b),
];

/** "2026-12-04 05:10:28（北京时间）": an ISO time as a reviewer in China reads it; other text as given. */
function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ")}（北京时间）`;
}

/** The facts of the run as label and value, the same in the workbook and on the page. */
export function runFacts(result: ReviewResult): [string, string][] {
  const { run } = result;
  const facts: [string, string][] = [
    ["审阅时间", beijingTime(run.startedAt)],
    ["审阅的文件夹和文件", run.inputs.join("\n")],
    [
      "找到的报告文件",
      `${run.filesSeen} 个${run.otherFiles > 0 ? `（另有 ${run.otherFiles} 个其他文件未读取）` : ""}`,
    ],
    ["审阅的文件", `${run.filesReviewed} 个，共 ${result.entries.length} 份报告`],
    ["用时", `${run.seconds} 秒`],
    ["评分方案", run.scheme ?? "按各报告自动选择"],
  ];
  if (run.overLimit)
    facts.push([
      "超出上限",
      `一次最多审阅 ${run.fileLimit} 个文件，按路径顺序只审阅了前 ${run.fileLimit} 个`,
    ]);
  if (run.corpus !== null)
    facts.push([
      "对照语料库",
      `${run.corpus.path}（${run.corpus.size} 份报告${run.corpus.added > 0 ? `；本次新加入 ${run.corpus.added} 份` : ""}）`,
    ]);
  for (const s of run.skipped) facts.push(["未审阅的路径", `${s.path}：${s.reason}`]);
  return facts;
}
