import type { Finding } from "../../core/finding.ts";
import { SEVERITY_LABEL, severityCounts } from "../../core/finding.ts";
import type { Report } from "../../core/report.ts";
import { ok, type Result } from "../../core/result.ts";
import { fmt } from "../../scoring/rounding.ts";
import type { Scheme } from "../../scoring/scheme.ts";
import { checkWithScheme } from "../../services/check-with-scheme.ts";
import type { CopyCorpus } from "../../services/copy-corpus.ts";
import { type LoadedReport, loadReports } from "../../services/load-reports.ts";
import { installedSchemes } from "../../services/scheme-files.ts";
import { reportTitle } from "./load-scored.ts";
import { type CliIo, EXIT } from "./output.ts";

/** Options of `ziping check`. */
export interface CheckOptions {
  scheme?: string;
  json: boolean;
  /** The corpus copied passages are searched in; null when there is none. */
  corpus: CopyCorpus | null;
}

/** One checked report, as `--json` prints it. */
export interface CheckedReport {
  file: string;
  label: string;
  report: { unit: string; year: number; kind: Report["kind"]; project?: string };
  scheme: { id: string; name: string; reason: string };
  score: { total: number; grade: string; reported?: number };
  findings: Finding[];
}

/**
 * `ziping check <file...> [--scheme ID] [--corpus PATH] [--json]`: every finding on each report in
 * the files (report JSON or any importable file), most serious first, with where it is, a quote and
 * how to fix it. Exit 2 when a file cannot be read or holds no complete report; findings themselves
 * are the output, not a failure.
 */
export async function checkCommand(
  io: CliIo,
  files: readonly string[],
  options: CheckOptions,
): Promise<number> {
  const schemes = installedSchemes();
  if (!schemes.ok) {
    io.err(schemes.error.message);
    return EXIT.badInput;
  }
  const checked: CheckedReport[] = [];
  let failed = false;
  for (const file of files) {
    const loaded = await loadReports(file);
    if (!loaded.ok) {
      io.err(loaded.error.message);
      failed = true;
      continue;
    }
    for (const entry of loaded.value) {
      const result = checkOne(entry, schemes.value, options);
      if (result.ok) checked.push(result.value);
      else {
        io.err(`${file}【${entry.label}】${result.error.message}`);
        failed = true;
      }
    }
  }
  if (options.json) io.out(JSON.stringify(checked, null, 2));
  else {
    if (options.corpus !== null) io.out(`对照语料库：${options.corpus.size} 份报告`);
    for (const report of checked) printChecked(io, report);
  }
  return failed ? EXIT.badInput : EXIT.ok;
}

function checkOne(
  entry: LoadedReport,
  schemes: readonly Scheme[],
  options: CheckOptions,
): Result<CheckedReport> {
  if (!entry.report.ok) return entry.report;
  const report = entry.report.value;
  const checked = checkWithScheme(report, {
    text: entry.text,
    override: options.scheme,
    schemes,
    searchCopies: (r) => options.corpus?.search(r) ?? [],
  });
  if (!checked.ok) return checked;
  const { scheme, reason, card, findings } = checked.value;
  return ok({
    file: entry.file,
    label: entry.label,
    report: {
      unit: report.unit.name,
      year: report.year,
      kind: report.kind,
      ...(report.project === undefined ? {} : { project: report.project }),
    },
    scheme: { id: scheme.id, name: scheme.name, reason },
    score: {
      total: card.total,
      grade: card.grade,
      ...(card.reported.total === undefined ? {} : { reported: card.reported.total }),
    },
    findings,
  });
}

function printChecked(io: CliIo, checked: CheckedReport): void {
  const { report, scheme, score: s, findings } = checked;
  const title = reportTitle({ ...report, unit: { name: report.unit } });
  io.out(`\n== ${checked.file}【${checked.label}】${title}`);
  io.out(`评分方案：${scheme.name}（${scheme.id}；${scheme.reason}）`);
  const reported = s.reported === undefined ? "" : `；报告填报${fmt(s.reported)}分`;
  io.out(`按规则得分：${fmt(s.total)}分（${s.grade}）${reported}`);
  io.out(`发现 ${findings.length} 项：${severityCounts(findings)}`);
  for (const f of findings) {
    const quote = f.where.quote ? `  “${f.where.quote}”` : "";
    io.out(`- [${SEVERITY_LABEL[f.severity]}] ${f.code}  ${f.where.label}${quote}`);
    io.out(`  ${f.message}`);
  }
}
