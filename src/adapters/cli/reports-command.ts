import { allReportsTable, reportsTable } from "../../services/report-listing.ts";
import type { Ziping } from "../../services/ziping.ts";
import { type CliAccess, reportNotFound } from "./cli-access.ts";
import { type CliIo, EXIT } from "./output.ts";
import { renderReplies } from "./render-text.ts";

/**
 * `ziping reports`: the reports the user may open (as a member or through their unit) with
 * progress and current score; an administrator sees every report and who created it.
 */
export async function reportsCommand(
  io: CliIo,
  ziping: Ziping,
  json: boolean,
  access: CliAccess,
): Promise<number> {
  const rows = await ziping.listReports(access);
  if (json) io.out(JSON.stringify(rows, null, 2));
  else io.out(renderReplies([access.admin ? allReportsTable(rows) : reportsTable(rows)]));
  return EXIT.ok;
}

/** `ziping export <id>`: the report JSON (the model `ziping score` and `explain` read). */
export async function exportCommand(
  io: CliIo,
  ziping: Ziping,
  db: string,
  id: string,
  access: CliAccess,
): Promise<number> {
  const row = await ziping.report(id, access);
  if (row === undefined) {
    io.err(
      access.admin
        ? `没有编号为“${id}”的报告。用 ziping reports --db ${db} 查看所有报告的编号。`
        : reportNotFound(id, access, db),
    );
    return EXIT.badInput;
  }
  io.out(JSON.stringify(row.doc, null, 2));
  return EXIT.ok;
}
