import type { Reply } from "../../conversation/replies.ts";
import { reportsTable } from "../../services/chat-service.ts";
import { openApp } from "../../services/open-app.ts";
import type { ReportRow } from "../../storage/index.ts";
import { type CliAccess, reportNotFound } from "./cli-access.ts";
import { type CliIo, EXIT } from "./output.ts";
import { renderReplies } from "./render-text.ts";

function open(io: CliIo, db: string): ReturnType<typeof openApp> | null {
  try {
    return openApp(db);
  } catch (e) {
    io.err(`无法打开数据库 ${db}：${(e as Error).message}`);
    return null;
  }
}

/**
 * Every report with its creator, for an administrator: the reports table with a 创建人 column.
 */
function allReportsTable(rows: readonly ReportRow[]): Reply {
  const table = reportsTable(rows);
  if (table.type !== "table") return table;
  return {
    type: "table",
    title: "全部报告（管理员）",
    columns: [...table.columns, "创建人"],
    rows: table.rows.map((row, i) => [...row, rows[i]?.createdBy ?? ""]),
  };
}

/**
 * `ziping reports`: the reports the user may open (as a member or through their unit) with
 * progress and current score; an administrator sees every report and who created it.
 */
export function reportsCommand(io: CliIo, db: string, json: boolean, access: CliAccess): number {
  const app = open(io, db);
  if (app === null) return EXIT.badInput;
  try {
    const rows = access.admin ? app.store.listReports() : app.store.listReports(access.user);
    if (json) {
      const list = rows.map(({ doc: _doc, ...row }) => row);
      io.out(JSON.stringify(list, null, 2));
    } else io.out(renderReplies([access.admin ? allReportsTable(rows) : reportsTable(rows)]));
    return EXIT.ok;
  } finally {
    app.close();
  }
}

/** `ziping export <id>`: the report JSON (the model `ziping score` and `explain` read). */
export function exportCommand(io: CliIo, db: string, id: string, access: CliAccess): number {
  const app = open(io, db);
  if (app === null) return EXIT.badInput;
  try {
    const row = app.store.getReport(id);
    if (!access.admin && (row === undefined || !app.store.canAccess(id, access.user))) {
      io.err(reportNotFound(id, access, db));
      return EXIT.badInput;
    }
    if (row === undefined) {
      io.err(`没有编号为“${id}”的报告。用 ziping reports --db ${db} 查看所有报告的编号。`);
      return EXIT.badInput;
    }
    io.out(JSON.stringify(row.doc, null, 2));
    return EXIT.ok;
  } finally {
    app.close();
  }
}
