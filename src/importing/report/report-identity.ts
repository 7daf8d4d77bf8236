import type { ReportKind } from "../../core/report.ts";
import { cleanCell } from "../grid/cell-text.ts";
import { fileNameStem, isFileNameLine, isWrapperLine, publisherOf } from "../grid/page-wrapper.ts";
import { readYearLine } from "../tables/table-titles.ts";
import { findReportTitle, type ReportTitle, readReportTitle } from "./report-title.ts";
import { FOLLOWING_LABELS, leadingUnitName, looksLikeUnitName } from "./unit-names.ts";

/**
 * Whose report, for which year, of which kind: read from the opening lines of a document, each value
 * with where it came from, so the importer can say so. Nothing is guessed: a value no line states is
 * left out (the checks then report it missing). Sources, best first:
 * - unit: a 部门(单位)名称 / 单位名称 / 填报单位 / 实施单位 / 项目单位 label in a text line, the title,
 *   the line just above or below the title, a name introduced with 以下简称; the page's 发文单位 / 发布机构 only as a separate fallback
 *   (`publisher`), to be used when nothing else, tables included, names the unit;
 * - year: the title, a "(2021年度)" line, the first 自评表's title ("2021年度项目支出绩效自评表"), the
 *   latest "2018年决算数" column of a data table. A year in prose ("中心2021年较好地完成…") is not
 *   taken: reports quote other years all the time;
 * - kind: the title, else the first 自评表 / 评价表 / 基础数据表 a line names (项目(支出) → project;
 *   部门整体, 整体支出, 机关整体, 单位整体 → department), else project when a 项目名称 field is there;
 * - project: the title, the brackets after or below it, a 项目名称 label in a text line.
 */

/** A value read from the document and where: "标题", "“单位名称”一栏", "发文单位"… */
export interface Sourced<T> {
  value: T;
  from: string;
  line: number;
}

/** What the opening lines say about the report. */
export interface ReportIdentity {
  title: ReportTitle | null;
  kind?: Sourced<ReportKind>;
  year?: Sourced<number>;
  unit?: Sourced<string>;
  region?: Sourced<string>;
  project?: Sourced<string>;
  /** The page's publisher: the unit only when nothing else names it. */
  publisher?: Sourced<string>;
}

/** Lines searched for labels, year lines and table titles. */
const HEAD_WINDOW = 60;
const UNIT_LABEL =
  /(部门\s*[(（]\s*单位\s*[)）]\s*名称|单位名称|部门名称|填报单位(?:\s*[(（]\s*(?:盖章|公章)\s*[)）])?|报送单位|自评单位|实施单位|项目单位)\s*[:：]?\s*/gu;
/** A unit introduced in the first sentences: "洪山区卫生和计划生育委员会(以下简称区卫计委)". */
const NAMED_AS = /([\u3400-\u9fff]{3,40})\s*[（(]\s*以下简称/gu;
const TABLE_YEAR =
  /自评表\s*[（(]\s*(\d{4})\s*年度?\s*[)）]|(\d{4})\s*年度?[^\s，。；]{0,14}?绩效(?:自评|评价)表/u;
const ACCOUNTS_YEAR = /(\d{4})\s*年\s*决算数/gu;
const KIND_TABLE =
  /(项目支出|项目|部门\s*[(（]?\s*单位\s*[)）]?\s*整体|部门整体|整体支出|机关整体|单位整体)[^\s，。；]{0,10}?(?:自评|评价|基础数据|指标|申报)(?:表|体系)/u;

/** Reads the identity of the report a document holds from its lines. */
export function readReportIdentity(lines: readonly string[]): ReportIdentity {
  const head = lines.slice(0, HEAD_WINDOW).map((raw, index) => ({ line: index + 1, text: cleanCell(raw) }));
  const title = findReportTitle(lines) ?? fileNameTitle(head) ?? proseTitle(head);
  const identity: ReportIdentity = { title };
  const fromTitle = (from: string) => ({ from, line: title?.line ?? 0 });
  const titleFrom = title !== null && isFileNameLine(lines[title.line - 1] ?? "") ? "文件名" : "标题";
  if (title?.kind !== undefined) identity.kind = { value: title.kind, ...fromTitle(titleFrom) };
  if (title?.year !== undefined) identity.year = { value: title.year, ...fromTitle(titleFrom) };
  if (title?.region !== undefined) identity.region = { value: title.region, ...fromTitle(titleFrom) };
  if (title?.project !== undefined) identity.project = { value: title.project, ...fromTitle(titleFrom) };
  const unit =
    labelledUnit(head) ??
    (title?.unit === undefined ? undefined : { value: title.unit, ...fromTitle(titleFrom) });
  const nextToTitle = title === null ? undefined : unitNextToTitle(lines, title);
  const found = unit ?? nextToTitle ?? namedAs(head);
  if (found !== undefined) identity.unit = found;
  identity.year ??= tableYear(head);
  identity.kind ??= tableKind(head);
  const project = labelledProject(head);
  if (project !== undefined) identity.project ??= project;
  // A report with a 项目名称 field, in a text line or a table's cell, is a project's report.
  const projectField =
    project ?? head.find((l) => /(?:^|[\t|｜]\s*)项目名称\s*[:：]?\s*(?:[\t|｜]|$)/u.test(l.text));
  if (projectField !== undefined)
    identity.kind ??= { value: "project", from: "“项目名称”一栏", line: projectField.line };
  const publisher = head
    .map((l, i) => ({ l, name: publisherOf(l.text, head[i + 1]?.text) }))
    .find((p) => p.name !== null);
  if (publisher?.name != null)
    identity.publisher = { value: publisher.name, from: "网页的发文单位/发布机构", line: publisher.l.line };
  return identity;
}

interface HeadLine {
  line: number;
  text: string;
}

/** A title given only by the file name line a page shows ("…自评报告.docx"). */
function fileNameTitle(head: readonly HeadLine[]): ReportTitle | null {
  for (const { line, text } of head.slice(0, 12)) {
    if (!isFileNameLine(text)) continue;
    const title = readReportTitle(fileNameStem(text));
    if (title !== null) return { line, lastLine: line, ...title };
  }
  return null;
}

/**
 * A report without a title line names itself in its first sentence: "现将2022年西平县交通运输局…项目
 * 绩效自评总结报告如下". Unit, year and kind are taken from that phrase; a project is not (the phrase
 * names the fund, the report goes on to its projects).
 */
function proseTitle(head: readonly HeadLine[]): ReportTitle | null {
  for (const { line, text } of head.slice(0, 12)) {
    const phrase = /现将(.{6,60}?报告)如下/u.exec(text)?.[1];
    const title = phrase === undefined ? null : readReportTitle(phrase);
    if (title !== null) {
      const { project: _dropped, ...named } = title;
      return { line, lastLine: line, ...named };
    }
  }
  return null;
}

/** The unit a label names in a text line ("部门(单位)名称长沙市雨花区发展和改革局预算编码…"). */
function labelledUnit(head: readonly HeadLine[]): Sourced<string> | undefined {
  for (const { line, text } of head) {
    if (/[\t|｜]/.test(text) || isWrapperLine(text)) continue;
    for (const match of text.matchAll(UNIT_LABEL)) {
      const name = leadingUnitName(text.slice((match.index ?? 0) + match[0].length));
      if (name !== null) return { value: name, from: `“${match[1]?.replace(/\s+/g, "")}”一栏`, line };
    }
  }
  return undefined;
}

/**
 * The unit a report introduces with 以下简称 in its first lines ("2024年，红河州数据发展中心(以下简称
 * “州数据发展中心”)"): the name written like a unit's that ends right before the bracket.
 */
function namedAs(head: readonly HeadLine[]): Sourced<string> | undefined {
  for (const { line, text } of head)
    for (const match of text.matchAll(NAMED_AS)) {
      const run = match[1] ?? "";
      // The longest unit-like tail of the run: "对南县财政局" → "南县财政局" is left to its prepositions.
      for (let start = 0; start <= run.length - 3; start += 1) {
        const name = run.slice(start);
        if (looksLikeUnitName(name) && !/^[对由向为在与和及即是我本经据将从]/u.test(name))
          return { value: name, from: "正文中的“以下简称”", line };
      }
    }
  return undefined;
}

/** The project a 项目名称 label names in a text line ("项目名称 国家基本公共卫生服务 主管部门 …"). */
function labelledProject(head: readonly HeadLine[]): Sourced<string> | undefined {
  for (const { line, text } of head) {
    if (/[\t|｜]/.test(text) || isWrapperLine(text)) continue;
    const match = /项目名称\s*[:：]?\s*/u.exec(text);
    if (match === null) continue;
    let value = /^\S+/u.exec(text.slice(match.index + match[0].length))?.[0] ?? "";
    for (const label of FOLLOWING_LABELS) {
      const at = value.indexOf(label);
      if (at >= 0) value = value.slice(0, at);
    }
    if (/[\u3400-\u9fff]{2}/u.test(value) && !/[，。；]/u.test(value))
      return { value, from: "“项目名称”一栏", line };
  }
  return undefined;
}

/** A line holding only a unit's name right above or below the title (the issuing unit, the 落款). */
function unitNextToTitle(lines: readonly string[], title: ReportTitle): Sourced<string> | undefined {
  const around = [
    ...[title.line - 2, title.line - 3].map((i) => ({ i, from: "标题上一行" })),
    ...[title.lastLine, title.lastLine + 1].map((i) => ({ i, from: "标题下一行" })),
  ];
  for (const { i, from } of around) {
    const text = cleanCell(lines[i] ?? "")
      .replace(/\s+/g, "")
      .replace(/[(（](?:盖章|公章)[)）]$/u, "");
    if (looksLikeUnitName(text)) return { value: text, from, line: i + 1 };
    if (text !== "" && from === "标题上一行" && !isWrapperLine(text)) break;
  }
  return undefined;
}

/** The year of a "(2021年度)" line, of the first 自评表's title, or of the latest 决算数 column. */
function tableYear(head: readonly HeadLine[]): Sourced<number> | undefined {
  for (const { line, text } of head) {
    const alone = readYearLine(text.replace(/[\t|｜\s]+$/u, ""));
    if (alone !== null) return { value: alone, from: "年度行", line };
    const titled = TABLE_YEAR.exec(text);
    const year = titled?.[1] ?? titled?.[2];
    if (year !== undefined) return { value: Number(year), from: "自评表标题", line };
  }
  let latest: Sourced<number> | undefined;
  for (const { line, text } of head)
    for (const match of text.matchAll(ACCOUNTS_YEAR)) {
      const year = Number(match[1]);
      if (latest === undefined || year > latest.value)
        latest = { value: year, from: "“决算数”一栏的年份", line };
    }
  return latest;
}

/** The kind of the first 自评表 / 评价表 / 基础数据表 a line names. */
function tableKind(head: readonly HeadLine[]): Sourced<ReportKind> | undefined {
  for (const { line, text } of head) {
    const match = KIND_TABLE.exec(text);
    if (match?.[1] !== undefined)
      return { value: match[1].startsWith("项目") ? "project" : "department", from: "表格标题", line };
  }
  return undefined;
}
