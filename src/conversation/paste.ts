import type { SectionId } from "../core/sections.ts";
import { readPastedTables } from "../importing/tables/pasted-tables.ts";
import type { UnreadRow } from "../importing/tables/table-reading.ts";
import { asArray, asObject, indicatorRefs } from "./draft-access.ts";
import { showValue } from "./fact-changes.ts";
import { type IndicatorMerge, mergeIndicators } from "./indicator-merge.ts";
import { mergeSections, pastedSections } from "./pasted-sections.ts";
import { applyChanges, type Change, changeTo, getIn, type Json, type Path } from "./patch.ts";
import type { Reply } from "./replies.ts";

/**
 * Objects merged key by key; the indicator table is merged row by row (indicator-merge.ts);
 * everything else (other arrays, rows of a table) is replaced whole.
 */
const MERGED = new Set([
  "unit",
  "goals",
  "preparer",
  "budget",
  "summary",
  "sources",
  "structure",
  "threePublicExpenses",
  "procurement",
  "carryover",
  "funds",
  "staff",
]);

/** Whether a message is laid out as a table (tab or `|` columns): if nothing is read, say so rather than take it as an answer. */
export function looksTabular(text: string): boolean {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  return lines.some((l) => l.split("\t").length >= 3) || lines.filter((l) => l.includes("|")).length >= 2;
}

/** What a paste would change, with the confirmation tables to show before saving. */
export interface PasteReading {
  changes: Change[];
  replies: Reply[];
  summary: string;
  /** Some table or section was recognised (it may still change nothing, if pasted before). */
  recognised: boolean;
  /** Ids of the narrative sections in the paste, for checking them as they arrive. */
  sectionIds: SectionId[];
}

function fragmentChanges(doc: Json, fragment: Json, prefix: Path, out: Change[]): void {
  for (const [key, value] of Object.entries(asObject(fragment))) {
    const path = [...prefix, key];
    if (MERGED.has(key) && typeof value === "object" && value !== null && !Array.isArray(value)) {
      fragmentChanges(doc, value, path, out);
      continue;
    }
    const change = changeTo(applyChanges(doc, out), path, value);
    if (change !== null) out.push(change);
  }
}

/**
 * Reads a paste (tables copied from Excel/Word, narrative with headings, or both) into changes to
 * the draft and a compact table of what was read, including what could not be read.
 */
export function readPaste(doc: Json, text: string, family: string): PasteReading {
  const tables = readPastedTables(text, { defaultAmountUnit: "万元" });
  const sections = pastedSections(text, family);
  const changes: Change[] = [];
  const { indicators: pasted, ...rest } = tables.fragment;
  fragmentChanges(doc, rest as Json, [], changes);
  const merge = pasted === undefined ? null : mergeIndicators(getIn(doc, ["indicators"]), pasted as Json);
  if (merge !== null) {
    const change = changeTo(applyChanges(doc, changes), ["indicators"], merge.blocks);
    if (change !== null) changes.push(change);
  }
  if (sections.length > 0) {
    const change = changeTo(
      applyChanges(doc, changes),
      ["narrative"],
      mergeSections(applyChanges(doc, changes), sections),
    );
    if (change !== null) changes.push(change);
  }
  const after = applyChanges(doc, changes);
  const rows = describe(changes, after, merge);
  const replies: Reply[] = [];
  if (rows.length > 0)
    replies.push({ type: "table", title: "从粘贴内容中读到", columns: ["项目", "内容"], rows });
  const indicators = changes.some((c) => c.path[0] === "indicators") ? indicatorTable(after) : null;
  if (indicators !== null) replies.push(indicators);
  replies.push(...unreadNotices(tables.unread));
  const counted =
    merge !== null && merge.before > 0
      ? `绩效指标（新增 ${merge.added.length} 行，更新 ${merge.updated.length} 行）`
      : "绩效指标";
  const names = rows.map((r) => (r[0] === "绩效指标" ? counted : (r[0] ?? "")));
  const what = names.length > 4 ? `${names.slice(0, 4).join("、")}等 ${names.length} 项` : names.join("、");
  return {
    changes,
    replies,
    summary: `粘贴的内容：${what}`,
    recognised: tables.reads.length > 0 || sections.length > 0,
    sectionIds: sections.map((section) => section.id),
  };
}

/**
 * Warnings when a paste would turn this report into another one: a different unit name or year
 * than the report already has (another unit's table, last year's report pasted by mistake).
 */
export function otherReportConcerns(changes: readonly Change[]): string[] {
  const out: string[] = [];
  for (const change of changes) {
    const { before, after } = change;
    if (before === undefined || before === null || before === "" || after === undefined) continue;
    const key = change.path.join(".");
    if (key === "unit.name" && typeof before === "string" && typeof after === "string")
      out.push(
        `粘贴内容的单位是“${after}”，而这份报告的单位是“${before}”。确认会把这份报告的单位改为“${after}”，粘贴的数字也记入这份报告；如果这是另一个单位的报告，请回复“取消”，再说“新建报告”。`,
      );
    if (key === "year" && typeof before === "number" && typeof after === "number")
      out.push(
        `粘贴内容的年度是 ${after} 年，而这份报告是 ${before} 年度。确认会把这份报告改为 ${after} 年度；如果粘贴的是往年的报告，请回复“取消”。`,
      );
  }
  return out;
}

/** The budget table's sub-rows by path, as the report names them (never the path itself). */
const BUDGET_ROWS: Record<string, string> = {
  "budget.sources": "资金来源",
  "budget.sources.fiscal": "财政性资金",
  "budget.sources.other": "其他资金",
  "budget.structure": "支出结构",
  "budget.structure.basic": "基本支出",
  "budget.structure.project": "项目支出",
};

const NAMES: Record<string, string> = {
  "unit.name": "单位名称",
  year: "年度",
  "preparer.name": "填表人",
  "preparer.phone": "联系电话",
  "goals.text": "年度履职目标",
  "goals.status": "目标完成情况",
  "summary.total": "自评得分",
  "summary.grade": "自评结果",
  "budget.initial": "年初预算数",
  "budget.adjusted": "调整后预算数",
  "budget.executed": "预算执行数",
  "budget.reportedRate": "预算执行率（填报）",
  "budget.weight": "预算执行率分值",
  "budget.score": "预算执行率得分",
};

function describe(changes: readonly Change[], after: Json, merge: IndicatorMerge | null): string[][] {
  const rows: string[][] = [];
  for (const change of changes) {
    const key = change.path.join(".");
    if (key === "tasks")
      rows.push([
        "年度主要任务",
        `${asArray(change.after).length} 项：${asArray(change.after)
          .map((t) => asObject(t).name)
          .slice(0, 3)
          .join("；")}${asArray(change.after).length > 3 ? "…" : ""}`,
      ]);
    else if (key === "indicators")
      rows.push([
        "绩效指标",
        merge === null || merge.before === 0
          ? `${asArray(change.after).length} 个一级指标，${indicatorRefs(after).length} 个三级指标（见下表）`
          : mergeText(merge, indicatorRefs(after).length),
      ]);
    else if (key === "summary.blocks")
      rows.push([
        "得分情况表",
        asArray(change.after)
          .map((b) => `${String(asObject(b).name)} ${String(asObject(b).score ?? "")}`)
          .join("；"),
      ]);
    else if (key === "summary.totalRow")
      rows.push(["得分情况表合计", `${String(asObject(change.after).score ?? "")}`]);
    else if (key === "narrative") rows.push(...sectionRows(change));
    else if (key.startsWith("budget.sources") || key.startsWith("budget.structure"))
      rows.push([`预算情况·${BUDGET_ROWS[key] ?? "其他行"}`, rowText(change.after)]);
    else rows.push([NAMES[key] ?? key, showValue(change.after)]);
  }
  return rows;
}

/** "新增 2 行，更新 1 行" with the rows' names, and the rows left as they were. */
function mergeText(merge: IndicatorMerge, total: number): string {
  const names = (list: readonly string[]) =>
    list.length === 0 ? "" : `（${list.slice(0, 3).join("、")}${list.length > 3 ? "等" : ""}）`;
  return [
    `新增 ${merge.added.length} 行${names(merge.added)}，更新 ${merge.updated.length} 行${names(merge.updated)}`,
    merge.kept > 0 ? `其余 ${merge.kept} 行保留不变` : "",
    `现共 ${total} 个三级指标（见下表）`,
  ]
    .filter((t) => t !== "")
    .join("；");
}

function rowText(value: Json | undefined): string {
  const o = asObject(value);
  return ["initial", "adjusted", "executed", "reportedRate"].map((k) => String(o[k] ?? "—")).join(" / ");
}

function sectionRows(change: Change): string[][] {
  const before = new Set(asArray(change.before).map((s) => JSON.stringify(s)));
  return asArray(change.after)
    .filter((s) => !before.has(JSON.stringify(s)))
    .map((s) => {
      const text = String(asObject(s).text ?? "");
      return [
        String(asObject(s).title ?? ""),
        text === "" ? "（空）" : `${text.length} 字：${text.slice(0, 24)}${text.length > 24 ? "…" : ""}`,
      ];
    });
}

function indicatorTable(doc: Json): Reply {
  const refs = indicatorRefs(doc);
  return {
    type: "table",
    title: `绩效指标（${refs.length} 个三级指标）`,
    columns: ["序号", "一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
    rows: refs.map((r) => [
      String(r.n),
      r.block,
      r.name,
      String(r.row.target ?? "—"),
      String(r.row.actual ?? "—"),
      String(r.row.weight ?? "—"),
      String(r.row.score ?? "—"),
    ]),
  };
}

/** Rows listed in a notice; the rest are counted. */
const MAX_LISTED = 10;

function listed(lines: readonly string[]): string {
  const more = lines.length > MAX_LISTED ? `\n……另有 ${lines.length - MAX_LISTED} 行` : "";
  return `${lines.slice(0, MAX_LISTED).join("\n")}${more}`;
}

/**
 * The rows of a paste not taken into the report: "其中…" breakdowns of the indicator above (understood,
 * kept as detail, not scored) under a neutral line, and the rows really not read under a warning.
 * A reason that already names its line ("第3行…") is not prefixed again.
 */
export function unreadNotices(unread: readonly UnreadRow[]): Reply[] {
  const details = unread.filter((u) => u.detail === true);
  const rest = unread.filter((u) => u.detail !== true);
  const replies: Reply[] = [];
  if (details.length > 0) {
    const lines = details.map((u) => {
      const [name, ...values] = u.text.split(" | ");
      return `第${u.line}行“${name ?? ""}”${values.length > 0 ? `（${values.join("，")}）` : ""}`;
    });
    replies.push({
      type: "notice",
      level: "info",
      text: `另有 ${details.length} 行是上一指标的“其中”分项，作为明细不单独计分：\n${listed(lines)}`,
    });
  }
  if (rest.length > 0) {
    const lines = rest.map((u) =>
      u.reason.startsWith(`第${u.line}行`) ? u.reason : `第${u.line}行：${u.reason}`,
    );
    replies.push({
      type: "notice",
      level: "warn",
      text: `有 ${rest.length} 行没有读懂（未保存这些行）：\n${listed(lines)}`,
    });
  }
  return replies;
}
