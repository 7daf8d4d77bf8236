import type { Finding } from "../core/finding.ts";
import { UNNAMED_BLOCK } from "../core/indicators.ts";
import type { CompletedReport } from "../importing/report/complete-report.ts";
import type { UnreadRow } from "../importing/tables/table-reading.ts";
import { staleCriterionYears, staleYearFinding } from "./check-criterion-year.ts";

/**
 * The `report.*` findings: what could not be read from a file (unit, year, kind, a table, a value,
 * a row) and so which checks could not run. They say what was tried and how to fix the file; they
 * are never a verdict on the report itself (domain §3).
 */

/** A check that could not run on a report, and why, for the reviewer to see plainly. */
export interface CheckNotRun {
  /** The finding codes that check gives, e.g. "year.mismatch". */
  codes: string[];
  /** What the check looks at, in Chinese. */
  what: string;
  why: string;
}

/** What the reading leaves out: the findings about it, the checks that could not run and the codes to suppress. */
export interface ReadingOutcome {
  findings: Finding[];
  notRun: CheckNotRun[];
  /** Finding codes that must not be reported: their check would read a placeholder or an absent table. */
  suppress: Set<string>;
}

/**
 * True when a finding's code belongs to a check that could not run (`notRun` codes may end in `.*`)
 * or is suppressed outright.
 */
export function isSuppressed(code: string, outcome: Pick<ReadingOutcome, "notRun" | "suppress">): boolean {
  if (outcome.suppress.has(code)) return true;
  return outcome.notRun.some((n) =>
    n.codes.some((c) => (c.endsWith(".*") ? code.startsWith(c.slice(0, -1)) : c === code)),
  );
}

const MAX_ROWS = 200;

/**
 * Findings on what the import of one report could not read. `unread` are the rows and cells the
 * readers left (each already says why in Chinese).
 */
export function readingFindings(
  completed: CompletedReport,
  unread: readonly UnreadRow[],
  options: { annex?: boolean; tableCut?: boolean } = {},
): ReadingOutcome {
  const { report, missing } = completed;
  const findings: Finding[] = [];
  const notRun: CheckNotRun[] = [];
  const suppress = new Set<string>();
  if (missing.includes("unit")) {
    findings.push({
      code: "report.unit_missing",
      severity: "warn",
      where: { path: "unit.name", label: "单位名称" },
      message:
        "没有读出填报单位：标题（如“XX局2021年度部门整体支出绩效自评报告”“关于…的绩效自评报告”及其上一行）和自评表表头（部门名称、实施单位、填报单位）都没有写明单位。请在标题或表头写明单位全称，例如“宁德市数字宁德建设办公室”。",
    });
    notRun.push({
      codes: ["copy.foreign_agency"],
      what: "文中出现其他单位名称或职能",
      why: "不知道本单位是谁",
    });
    suppress.add("copy.foreign_agency");
  }
  if (missing.includes("year")) {
    findings.push({
      code: "report.year_missing",
      severity: "warn",
      where: { path: "year", label: "年度" },
      message:
        "没有读出报告年度：标题、“（2021年度）”一类的表头行和自评表标题都没有写明年度。请在标题写明，例如“2021年度项目支出绩效自评报告”。",
    });
    notRun.push({
      codes: ["year.mismatch"],
      what: "文中混入其他年度的文字或数据",
      why: "不知道报告是哪一年的",
    });
    suppress.add("year.mismatch");
  }
  if (missing.includes("kind") && completed.assumedKind !== undefined) {
    const { kind, why } = completed.assumedKind;
    const name = kind === "project" ? "项目支出" : "部门整体";
    findings.push({
      code: "report.kind_missing",
      severity: "warn",
      where: { path: "kind", label: "报告类型" },
      message: `没有读出报告类型（部门整体还是项目支出）：标题和表头都没有写明。暂按${name}核查（${why}）；评分办法随类型而定，请在标题写明，例如“2021年度部门整体支出绩效自评报告”。`,
    });
  }
  if (report.indicators.length === 0) {
    findings.push({
      code: "report.table_unread",
      severity: "warn",
      where: { path: "indicators", label: "绩效指标表" },
      message:
        "没有读到绩效指标表：找过含“一级指标/二级指标/三级指标”“指标值/实际完成值”“分值/得分”等列名的表格，以及逐行排列、连写或错位的同类表格。分值、得分和指标完成情况的核查没有运行。如报告有指标表，请提供Word或Excel原件，或把表格复制为每行一条、用制表符分隔的文字。",
    });
    notRun.push({
      codes: ["weights.*", "score.*", "target.*", "actual.*"],
      what: "分值、得分与指标完成情况",
      why: "没有读到绩效指标表",
    });
  }
  if (
    !hasAmount(report.budget) &&
    !report.tasks.some((t) => t.budget !== undefined || t.executed !== undefined)
  ) {
    findings.push({
      code: "report.table_unread",
      severity: "warn",
      where: { path: "budget", label: "预算执行情况" },
      message:
        "没有读到预算数和执行数：找过“年初预算数/全年预算数/全年执行数/执行率”等列的表格，以及叙述中的“年初预算…万元”“执行…万元”。预算执行率的核查没有运行。请在报告中写明年初预算数、调整后预算数和执行数，例如“年初预算150万元，调整后预算150万元，执行125.25万元”。",
    });
    notRun.push({ codes: ["budget.*"], what: "预算执行率", why: "没有读到预算数和执行数" });
  }
  if (options.tableCut === true && report.indicators.length > 0) {
    const last = report.indicators.at(-1)?.name;
    const named = last !== undefined && last !== UNNAMED_BLOCK;
    findings.push({
      code: "report.table_cut",
      severity: "warn",
      where: { path: "indicators", label: "绩效指标表", ...(named ? { quote: last } : {}) },
      message: `绩效指标表在文件末尾中断（${named ? `读到的最后一个一级指标是“${last}”，` : ""}没有总分/合计行），后面的指标没有读到。已读到的各行照常核查；各级分值合计与总分的核查没有运行。请提供完整的报告文件。`,
    });
    notRun.push({
      codes: [
        "weights.block_sum",
        "weights.group_sum",
        "weights.total",
        "score.block_sum",
        "score.total_mismatch",
        "score.total_over_max",
      ],
      what: "各级分值合计与总分",
      why: "绩效指标表不完整（文件在表中中断）",
    });
  }
  if (report.indicators.some((b) => b.name === UNNAMED_BLOCK))
    notRun.push({
      codes: ["weights.block_sum", "weights.total", "score.block_sum", "scheme.block_unknown"],
      what: "各一级指标的分值合计",
      why: "指标表没有一级指标列，各行不知属于哪个一级指标；各行的得分照常核查，但不计入总分",
    });
  if (report.narrative.length === 0 && options.annex !== true)
    notRun.push({
      codes: ["narrative.*"],
      what: "叙述部分（空话、照抄、前后矛盾）",
      why: "没有读到带标题的叙述章节",
    });
  for (const value of completed.dropped)
    findings.push({
      code: "report.value_unread",
      severity: "warn",
      where: { path: value.path, label: value.label, ...(value.value === "" ? {} : { quote: value.value }) },
      message: `${value.label}读到“${value.value}”，不能采用：${value.reason}。这一项按未填写核查，请核对原表。`,
    });
  const rows = uniqueRows(unread);
  // A row that could not be split into columns is still the report's text: a stale year in its
  // criterion is checked as written (unless the year itself is unknown).
  if (!missing.includes("year"))
    for (const row of rows)
      for (const hit of staleCriterionYears(row.text, report.year))
        findings.push(
          staleYearFinding(
            hit,
            report.year,
            { path: `line:${row.line}`, label: row.line > 0 ? `第${row.line}行` : "叙述部分" },
            true,
          ),
        );
  for (const row of rows.slice(0, MAX_ROWS))
    findings.push({
      code: "report.row_unread",
      severity: "info",
      where: {
        path: `line:${row.line}`,
        label: row.line > 0 ? `第${row.line}行` : "叙述部分",
        quote: clip(row.text),
      },
      message: row.reason,
    });
  if (rows.length > MAX_ROWS)
    findings.push({
      code: "report.row_unread",
      severity: "info",
      where: { path: "rows", label: "其余未读取的行" },
      message: `另有${rows.length - MAX_ROWS}处未读取，用 ziping import --json 查看全部。`,
    });
  return { findings, notRun, suppress };
}

function clip(text: string): string {
  const chars = [...text];
  return chars.length > 80 ? `${chars.slice(0, 80).join("")}…` : text;
}

/** True when any amount of the budget (total, sub-rows, 三公经费 …) was read. */
function hasAmount(node: unknown): boolean {
  if (typeof node !== "object" || node === null) return false;
  if ("wan" in node && typeof node.wan === "number") return true;
  return Object.values(node).some(hasAmount);
}

/** The same row reported twice by two readers is one finding. */
function uniqueRows(rows: readonly UnreadRow[]): UnreadRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.line}\u0000${r.text}\u0000${r.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
