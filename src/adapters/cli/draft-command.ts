import { existsSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { Report } from "../../core/report.ts";
import { fail, ok, type Result } from "../../core/result.ts";
import { validateReport } from "../../core/validate-report.ts";
import { prepareOutputFolders, writeDraftFiles } from "../../services/draft-files.ts";
import { loadReports } from "../../services/load-reports.ts";
import type { Ziping } from "../../services/ziping.ts";
import { type CliAccess, reportNotFound } from "./cli-access.ts";
import { deliveryLines } from "./delivery-text.ts";
import { type CliIo, EXIT } from "./output.ts";

/** Options of `ziping draft`. */
export interface DraftCommandOptions {
  /** FILE.md or FILE.docx; absent: both, under out/. */
  out?: string;
  scheme?: string;
  /** The database path, named in messages. */
  db: string;
  /** Who asks: a report id is drafted only for a user who may open it, or an administrator. */
  access: CliAccess;
  notes?: string;
  keepOfficerText: boolean;
}

/** A report to draft: from a file (JSON or any importable document) or from the database by id. */
async function findReport(
  ziping: Ziping,
  ref: string,
  db: string,
  access: CliAccess,
): Promise<Result<{ report: Report; text: string; name: string }>> {
  if (existsSync(ref)) {
    const loaded = await loadReports(ref);
    if (!loaded.ok) return loaded;
    const complete = loaded.value.find((entry) => entry.report.ok);
    const first = loaded.value[0];
    if (complete === undefined || !complete.report.ok)
      return first === undefined || first.report.ok
        ? fail("report.empty", `${ref} 中没有读到报告。`)
        : first.report;
    return ok({ report: complete.report.value, text: complete.text, name: basename(ref, extname(ref)) });
  }
  if (!/^r[0-9a-z]{8}$/.test(ref))
    return fail(
      "report.not_found",
      `找不到文件“${ref}”。请给出报告文件（.json/.docx/.xlsx/.pdf/.txt），或报告编号（例如 r1a2b3c4d，用 ziping reports 查看）。`,
    );
  const row = await ziping.report(ref, access);
  if (row === undefined)
    return fail(
      "report.not_found",
      access.admin
        ? `数据库 ${db} 中没有编号为“${ref}”的报告。用 ziping reports 查看所有报告的编号。`
        : reportNotFound(ref, access, db),
    );
  const report = validateReport(row.doc, "report.incomplete", `报告 ${ref} 还不完整：`);
  return report.ok ? ok({ report: report.value, text: "", name: ref }) : report;
}

/**
 * `ziping draft <report.json|file|report-id> [--out FILE.md|FILE.docx] [--llm on|off]`: drafts the
 * report's narrative and writes Markdown and/or Word. Exit 2 when the report, scheme or output path
 * is bad input; nothing is written then.
 */
export async function draftCommand(
  io: CliIo,
  ziping: Ziping,
  ref: string,
  options: DraftCommandOptions,
): Promise<number> {
  const found = await findReport(ziping, ref, options.db, options.access);
  if (!found.ok) {
    io.err(found.error.message);
    return EXIT.badInput;
  }
  const outputs =
    options.out === undefined
      ? [join("out", `${found.value.name}.md`), join("out", `${found.value.name}.docx`)]
      : [options.out];
  for (const path of outputs) {
    const ext = extname(path).toLowerCase();
    if (ext !== ".md" && ext !== ".docx") {
      io.err(`--out 应以 .md 或 .docx 结尾，例如 --out out/自评报告.docx（读到“${path}”）。`);
      return EXIT.badInput;
    }
  }
  const folders = prepareOutputFolders(outputs);
  if (!folders.ok) {
    io.err(folders.error.message);
    return EXIT.badInput;
  }
  if (ziping.model !== undefined) io.out(`正在请模型 ${ziping.model} 起草叙述部分……`);
  const drafted = await ziping.draftFiles({
    report: found.value.report,
    text: found.value.text,
    names: outputs,
    now: new Date(),
    keepOfficerText: options.keepOfficerText,
    ...(options.scheme === undefined ? {} : { scheme: options.scheme }),
    ...(options.notes === undefined ? {} : { notes: options.notes }),
    ...(/^r[0-9a-z]{8}$/.test(ref) ? { reportId: ref } : {}),
  });
  if (!drafted.ok) {
    io.err(drafted.error.message);
    return EXIT.badInput;
  }
  const written = writeDraftFiles(drafted.value.files);
  if (!written.ok) {
    io.err(written.error.message);
    return EXIT.badInput;
  }
  for (const line of deliveryLines(drafted.value.summary, written.value)) io.out(line);
  return EXIT.ok;
}
