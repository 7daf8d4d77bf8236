import type { Reply } from "../conversation/replies.ts";
import type { ReportSummary } from "../core/report-summary.ts";
import type { ReportRow } from "../storage/index.ts";

/**
 * A report as every listing shows it (`ziping reports`, the chat's 我的报告, Slack's App Home):
 * the stored report without its document. The one listing type.
 */
export interface ReportListing extends ReportSummary {
  id: string;
  createdBy: string;
  /** ISO date-times as stored. */
  createdAt: string;
  updatedAt: string;
}

/** The listing columns of a stored report. */
export function listingOf(row: ReportRow): ReportListing {
  const { doc: _doc, ...listing } = row;
  return listing;
}

/** "我的报告": the officer's reports with progress and score, numbered for "切换到报告 N". */
export function reportsTable(rows: readonly ReportListing[]): Reply {
  if (rows.length === 0) return { type: "text", text: "还没有报告。" };
  return {
    type: "table",
    title: "我的报告（回复“切换到报告 序号”继续填写）",
    columns: ["序号", "编号", "单位", "年度", "进度", "得分"],
    rows: rows.map((r, i) => [
      String(i + 1),
      r.id,
      r.unitName ?? "（未填）",
      r.year === null ? "—" : String(r.year),
      `${r.progressDone}/${r.progressTotal}`,
      r.score === null ? "—" : `${r.score}（${r.grade ?? ""}）`,
    ]),
  };
}

/** Every report with its creator, for an administrator: the reports table with a 创建人 column. */
export function allReportsTable(rows: readonly ReportListing[]): Reply {
  const table = reportsTable(rows);
  if (table.type !== "table") return table;
  return {
    type: "table",
    title: "全部报告（管理员）",
    columns: [...table.columns, "创建人"],
    rows: table.rows.map((row, i) => [...row, rows[i]?.createdBy ?? ""]),
  };
}
