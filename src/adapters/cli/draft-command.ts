import { existsSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { Finding } from "../../core/finding.ts";
import { SEVERITY_LABEL, severityCounts } from "../../core/finding.ts";
import type { Report } from "../../core/report.ts";
import { fail, ok, type Result } from "../../core/result.ts";
import { validateReport } from "../../core/validate-report.ts";
import { fmt } from "../../scoring/rounding.ts";
import { writeDraftFiles } from "../../services/draft-files.ts";
import type { DraftEnv, DraftedReport } from "../../services/draft-report.ts";
import { draftReport } from "../../services/draft-report.ts";
import { loadReports } from "../../services/load-reports.ts";
import { openApp } from "../../services/open-app.ts";
import { pickScheme } from "../../services/pick-scheme.ts";
import { installedSchemes } from "../../services/scheme-files.ts";
import { type CliAccess, reportNotFound } from "./cli-access.ts";
import { type CliIo, EXIT } from "./output.ts";

/** Options of `ziping draft`. */
export interface DraftCommandOptions {
  /** FILE.md or FILE.docx; absent: both, under out/. */
  out?: string;
  scheme?: string;
  db: string;
  /** Who asks: a report id is drafted only for a user who may open it, or an administrator. */
  access: CliAccess;
  notes?: string;
  keepOfficerText: boolean;
  env: DraftEnv;
}

/** A report to draft: from a file (JSON or any importable document) or from the database by id. */
async function findReport(
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
  const app = openApp(db);
  try {
    const row = app.store.getReport(ref);
    if (!access.admin && (row === undefined || !app.store.canAccess(ref, access.user)))
      return fail("report.not_found", reportNotFound(ref, access, db));
    if (row === undefined)
      return fail(
        "report.not_found",
        `数据库 ${db} 中没有编号为“${ref}”的报告。用 ziping reports 查看所有报告的编号。`,
      );
    const report = validateReport(row.doc, "report.incomplete", `报告 ${ref} 还不完整：`);
    return report.ok ? ok({ report: report.value, text: "", name: ref }) : report;
  } finally {
    app.close();
  }
}

/** The lines the terminal prints after a draft: files, who drafted, score, findings, missing figures. */
export function draftSummary(drafted: DraftedReport, files: readonly string[]): string[] {
  const lines = files.map((f) => `已写入：${f}`);
  const { card, view, findings } = drafted;
  lines.push(`起草方式：${view.drafter}`);
  lines.push(`按规则得分：${fmt(card.total)}分（${card.grade}）；评分方案：${card.schemeName}`);
  const by = (who: string) => drafted.draft.sections.filter((s) => s.by === who).map((s) => s.id);
  const officer = by("officer");
  if (officer.length > 0) lines.push(`保留了您自己写的 ${officer.length} 节；其余由 ziping 起草。`);
  const title = (id: string) => drafted.report.narrative.find((n) => n.id === id)?.title ?? id;
  for (const s of drafted.draft.sections.filter((x) => (x.rejected ?? []).length > 0))
    lines.push(`  “${title(s.id)}”的模型稿未采用，已按数据起草：${(s.rejected ?? []).join("；")}`);
  if (drafted.draft.missing.length > 0)
    lines.push(
      `待补充数据 ${drafted.draft.missing.length} 项：${drafted.draft.missing.map((m) => m.label).join("、")}`,
    );
  if (!drafted.chart.fontFound)
    lines.push("提示：未找到中文字体（建议安装 fonts-noto-cjk），得分率图表中的文字可能无法显示。");
  lines.push(...findingLines(findings));
  return lines;
}

/** Findings in a few lines: counts, then one line each. */
export function findingLines(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ["核查：草稿未发现问题。"];
  return [
    `核查发现 ${findings.length} 项（${severityCounts(findings)}），已列在文末：`,
    ...findings.map((f) => `- [${SEVERITY_LABEL[f.severity]}] ${f.where.label}：${f.message}`),
  ];
}

/**
 * `ziping draft <report.json|file|report-id> [--out FILE.md|FILE.docx] [--llm on|off]`: drafts the
 * report's narrative and writes Markdown and/or Word. Exit 2 when the report, scheme or output path
 * is bad input; nothing is written then.
 */
export async function draftCommand(io: CliIo, ref: string, options: DraftCommandOptions): Promise<number> {
  const found = await findReport(ref, options.db, options.access);
  if (!found.ok) {
    io.err(found.error.message);
    return EXIT.badInput;
  }
  const installed = installedSchemes();
  const scheme = installed.ok
    ? pickScheme(found.value.report, found.value.text, options.scheme, installed.value)
    : installed;
  if (!scheme.ok) {
    io.err(scheme.error.message);
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
  if (options.env.llm !== undefined) io.out(`正在请模型 ${options.env.llm.port.model} 起草叙述部分……`);
  const drafted = await draftReport(found.value.report, scheme.value.scheme, options.env, {
    keepOfficerText: options.keepOfficerText,
    ...(options.notes === undefined ? {} : { notes: options.notes }),
    ...(/^r[0-9a-z]{8}$/.test(ref) ? { reportId: ref } : {}),
  });
  if (!drafted.ok) {
    io.err(drafted.error.message);
    return EXIT.badInput;
  }
  const written = await writeDraftFiles(drafted.value, outputs, options.env.now());
  if (!written.ok) {
    io.err(written.error.message);
    return EXIT.badInput;
  }
  for (const line of draftSummary(drafted.value, written.value)) io.out(line);
  return EXIT.ok;
}
