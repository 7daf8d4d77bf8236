import type { Json } from "../../conversation/patch.ts";
import type { ReportKind } from "../../core/report.ts";
import type { GridRow } from "../grid/text-grid.ts";
import { FACT_LABELS, readNarrativeFacts } from "../sections/narrative-facts.ts";
import { readProseTasks } from "../sections/prose-tasks.ts";
import { splitSections } from "../sections/sections.ts";
import type { AmountUnit } from "../tables/cell-values.ts";
import { PasteSession, type TableRead } from "../tables/paste-session.ts";
import type { TableKind, UnreadRow } from "../tables/table-reading.ts";
import { type DocumentPart, splitDocumentParts } from "./document-parts.ts";
import type { ReportFragment } from "./report-fragment.ts";
import { type ReportIdentity, readReportIdentity, type Sourced } from "./report-identity.ts";
import { cleanUnitName } from "./unit-name-cell.ts";

/** One thing the importer read, for the officer or reviewer to check: a table, a section, a figure. */
export interface ImportNote {
  what: string;
  detail: string;
  firstLine?: number;
  lastLine?: number;
}

/** A report found in a document: what was read into it and what could not be. */
export interface ImportedReport {
  /** "主报告" or the annex table's title. */
  label: string;
  fragment: ReportFragment;
  reads: ImportNote[];
  unread: UnreadRow[];
}

/** Options of `importDocument`. */
export interface ImportOptions {
  /** Unit of bare amounts in tables that state none. */
  defaultAmountUnit?: AmountUnit;
}

/** The kinds as a reader says them. */
const KIND_NAMES: Record<ReportKind, string> = { department: "部门整体支出", project: "项目支出" };

/** How each table is named in `reads` (and so to the officer). */
export const TABLE_NAMES: Record<TableKind, string> = {
  header: "自评表表头",
  tasks: "年度主要任务表",
  budget: "预算情况表",
  indicators: "绩效指标表",
  summary: "各项指标得分情况表",
};

/**
 * Reads a whole report document — the rows of its text or of its Word/Excel tables, and its plain
 * text — into one report per 自评表 it holds: the main report (title, tables, narrative sections, the
 * figures its narrative states, a task list written as prose) and each annex 自评表 of the other kind.
 * Tables win over narrative: a figure is taken from the text only where no table gave it, so a text
 * that disagrees with its table is left for the checks to report, not silently preferred.
 */
export function importDocument(
  rows: readonly GridRow[],
  text: string,
  options: ImportOptions = {},
): ImportedReport[] {
  const lines = text.split(/\r\n|\r|\n/);
  const identity = readReportIdentity(lines);
  // Only a title decides the main kind here: a table named in a line may be an annex of the other kind.
  const parts = splitDocumentParts(rows, identity.title?.kind ?? null);
  const reports = parts.map((part) => readPart(part, options.defaultAmountUnit ?? null));
  const [main] = reports;
  if (main === undefined) return [];
  fillIdentity(main, identity);
  readNarrative(main, text, lines);
  fillPublisher(main, identity);
  for (const report of reports) {
    const unit = report.fragment.unit;
    if (typeof unit?.name === "string") unit.name = cleanUnitName(unit.name);
  }
  for (const annex of reports.slice(1)) inheritFromMain(annex, main);
  return reports;
}

/** What the title and the opening lines say, where the tables said nothing. */
function fillIdentity(main: ImportedReport, identity: ReportIdentity): void {
  const { title } = identity;
  const notes: ImportNote[] = [];
  const put = <T extends Json>(
    path: readonly string[],
    what: string,
    value: Sourced<T> | undefined,
  ): void => {
    if (value === undefined || !fill(main.fragment, path, value.value)) return;
    notes.push({
      what,
      detail: `${show(value.value)}（取自${value.from}）`,
      firstLine: value.line,
      lastLine: value.line,
    });
  };
  const kind = identity.kind;
  if (kind !== undefined && fill(main.fragment, ["kind"], kind.value))
    notes.push({
      what: "报告类型",
      detail: `${KIND_NAMES[kind.value]}（取自${kind.from}）`,
      firstLine: kind.line,
      lastLine: kind.line,
    });
  put(["year"], "年度", identity.year);
  put(["unit", "name"], "单位名称", identity.unit);
  put(["unit", "region"], "地区", identity.region);
  put(["project"], "项目名称", identity.project);
  // The title is shown when it gave something the tables did not.
  if (title !== null && notes.some((n) => n.firstLine === title.line))
    notes.unshift({ what: "报告标题", detail: title.text, firstLine: title.line, lastLine: title.lastLine });
  main.reads.unshift(...notes);
}

/**
 * The page's 发文单位 / 发布机构 names the unit only when nothing in the report does: a page may be
 * published by the department above the unit. The note says where the name came from.
 */
function fillPublisher(main: ImportedReport, identity: ReportIdentity): void {
  const publisher = identity.publisher;
  if (publisher === undefined || !fill(main.fragment, ["unit", "name"], publisher.value)) return;
  main.reads.push({
    what: "单位名称",
    detail: `${publisher.value}（报告中没有写单位名称，取自${publisher.from}，请核对）`,
    firstLine: publisher.line,
    lastLine: publisher.line,
  });
}

function readPart(part: DocumentPart, unit: AmountUnit | null): ImportedReport {
  const session = new PasteSession(part.rows, unit);
  session.run();
  const fragment = session.fragment.value;
  if (part.kind !== null) fill(fragment, ["kind"], part.kind);
  return {
    label: part.main ? "主报告" : (part.title ?? "附表"),
    fragment,
    reads: session.reads.map(tableNote),
    unread: session.unreadRows,
  };
}

function tableNote(read: TableRead): ImportNote {
  return {
    what: TABLE_NAMES[read.table],
    detail: `读取${read.rows}行`,
    firstLine: read.firstLine,
    lastLine: read.lastLine,
  };
}

/** Sections, the figures they state and a prose task list, into the main report. */
function readNarrative(main: ImportedReport, text: string, lines: readonly string[]): void {
  const split = splitSections(text);
  if (split.sections.length > 0) {
    main.fragment.narrative = split.sections;
    for (const section of split.sections)
      main.reads.push({ what: "叙述部分", detail: `${section.title}（${[...section.text].length}字）` });
  }
  for (const line of split.dropped.filter((d) => d.reason === "unmapped"))
    main.unread.push({
      line: line.line,
      text: line.text,
      reason: `第${line.line}行不在可识别的章节标题下，未归入任何部分`,
    });
  const duties = split.sections.find((s) => s.id === "duties" && s.title.includes("目标"));
  if (duties !== undefined && duties.text !== "" && fill(main.fragment, ["goals", "text"], duties.text))
    main.reads.push({ what: "年度履职目标", detail: `取自“${duties.title}”` });
  if ((main.fragment.tasks ?? []).length === 0) {
    const prose = readProseTasks(lines);
    if (prose !== null) {
      main.fragment.tasks = prose.tasks;
      main.reads.push({
        what: "年度主要任务（编号列表）",
        detail: `读取${prose.tasks.length}项`,
        firstLine: prose.firstLine,
        lastLine: prose.lastLine,
      });
      for (const n of prose.withoutAmounts)
        main.unread.push({
          line: prose.firstLine,
          text: `（${n}）`,
          reason: `任务（${n}）没有写批复资金，金额未读取`,
        });
    }
  }
  const { facts, clashes } = readNarrativeFacts(split.sections);
  for (const fact of facts) {
    if (fill(main.fragment, fact.path, fact.value))
      main.reads.push({
        what: `叙述中的数字（${fact.section}）`,
        detail: `${FACT_LABELS[fact.path.join(".")] ?? fact.path.join(".")} ${show(fact.value)}`,
      });
  }
  for (const clash of clashes)
    main.unread.push({
      line: 0,
      text: clash.quote,
      reason: `“${clash.section}”中${FACT_LABELS[clash.path.join(".")] ?? clash.path.join(".")}有不同的值（${clash.values.map(show).join("、")}），未采用`,
    });
}

/** An annex 自评表 belongs to the same unit and year as the report it is attached to. */
function inheritFromMain(annex: ImportedReport, main: ImportedReport): void {
  const name = main.fragment.unit?.name;
  if (name !== undefined && fill(annex.fragment, ["unit", "name"], name))
    annex.reads.push({ what: "单位名称", detail: `取自主报告：${name}` });
  const year = main.fragment.year;
  if (year !== undefined && fill(annex.fragment, ["year"], year))
    annex.reads.push({ what: "年度", detail: `取自主报告：${year}` });
}

function show(value: Json): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Sets `path` in `target` when nothing is there yet; true when it did. */
function fill(target: object, path: readonly string[], value: Json): boolean {
  let node = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === undefined) node[key] = {};
    else if (typeof next !== "object" || next === null) return false;
    node = node[key] as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (last === undefined || node[last] !== undefined) return false;
  node[last] = value;
  return true;
}
