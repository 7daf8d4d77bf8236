import { readFileSync } from "node:fs";
import { readReportArchive } from "../../services/report-archive-file.ts";
import type { Ziping } from "../../services/ziping.ts";
import { type CliAccess, reportNotFound } from "./cli-access.ts";
import { type CliIo, EXIT, type WithZiping } from "./output.ts";

/**
 * `ziping export <id> --with-events`: the whole report as JSON (document, listing columns,
 * members, event log), which `ziping import-report` loads back. A user who is not an
 * administrator gets only a report they may open; any other id is answered as missing.
 */
export async function exportArchiveCommand(
  io: CliIo,
  ziping: Ziping,
  db: string,
  id: string,
  now: Date,
  access: CliAccess,
): Promise<number> {
  const archive = await ziping.exportArchive(id, now, access);
  if (archive === undefined) {
    io.err(
      access.admin
        ? `没有编号为“${id}”的报告。用 ziping reports --db ${db} 查看所有报告的编号。`
        : reportNotFound(id, access, db),
    );
    return EXIT.badInput;
  }
  io.out(JSON.stringify(archive, null, 2));
  return EXIT.ok;
}

/**
 * `ziping import-report <file>`: loads a report exported with `--with-events`, its members and
 * its event log, into the database. An id already there is refused and nothing changes.
 */
export function importReportCommand(
  io: CliIo,
  withZiping: WithZiping,
  db: string,
  file: string,
  now: Date,
): number | Promise<number> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    io.err(
      missing
        ? `文件 ${file} 不存在。`
        : `${file} 不是有效的 JSON 文件，应为 ziping export r1a2b3c4d --with-events > 报告.json 导出的文件。`,
    );
    return EXIT.badInput;
  }
  const archive = readReportArchive(data, file);
  if (!archive.ok) {
    io.err(archive.error.message);
    return EXIT.badInput;
  }
  return withZiping(async (ziping) => {
    const loaded = await ziping.importArchive(archive.value, now);
    if (!loaded.ok) {
      io.err(loaded.error.message);
      return EXIT.badInput;
    }
    const r = archive.value.report;
    io.out(
      `已导入报告 ${r.id}（${r.unitName ?? "未写单位"}${r.year === null ? "" : `，${r.year}年度`}）及修改记录 ${loaded.value.events} 条到 ${db}。`,
    );
    return EXIT.ok;
  });
}
