import { reportsTable } from "../../services/chat-service.ts";
import { openApp } from "../../services/open-app.ts";
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

/** `ziping reports`: every report in the database with progress and current score. */
export function reportsCommand(io: CliIo, db: string, json: boolean): number {
  const app = open(io, db);
  if (app === null) return EXIT.badInput;
  try {
    const rows = app.store.listReports();
    if (json) {
      const list = rows.map(({ doc: _doc, ...row }) => row);
      io.out(JSON.stringify(list, null, 2));
    } else io.out(renderReplies([reportsTable(rows)]));
    return EXIT.ok;
  } finally {
    app.close();
  }
}

/** `ziping export <id>`: the report JSON (the model `ziping score` and `explain` read). */
export function exportCommand(io: CliIo, db: string, id: string): number {
  const app = open(io, db);
  if (app === null) return EXIT.badInput;
  try {
    const row = app.store.getReport(id);
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
