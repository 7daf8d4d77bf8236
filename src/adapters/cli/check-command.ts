import { SEVERITY_LABEL, severityCounts } from "../../core/finding.ts";
import { fmt } from "../../scoring/rounding.ts";
import { type CheckedReport, checkLoaded } from "../../services/check-loaded.ts";
import type { CopyCorpus } from "../../services/copy-corpus.ts";
import { loadReports } from "../../services/load-reports.ts";
import type { ReportIdentity } from "../../services/report-identity.ts";
import { installedSchemes } from "../../services/scheme-files.ts";
import { type CliIo, EXIT } from "./output.ts";

/** One checked report, as `--json` prints it (see `checkLoaded`). */
export type { CheckedReport };

/** Options of `ziping check`. */
export interface CheckOptions {
  scheme?: string;
  json: boolean;
  /** The corpus copied passages are searched in; null when there is none. */
  corpus: CopyCorpus | null;
  /** What the files do not say (`--name`, `--year`, `--kind`). */
  identity?: ReportIdentity;
}

/**
 * `ziping check <file...> [--scheme ID] [--corpus PATH] [--json]`: every finding on each report in
 * the files (report JSON or any importable file), most serious first, with where it is, a quote and
 * how to fix it. A report is never refused for what it lacks: a missing unit, year, kind, table or a
 * garbled value is a `report.*` finding, and the checks that cannot run are named. Exit 2 only when
 * a file cannot be read at all (missing, empty, binary, not what its name says); findings themselves
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
    const loaded = await loadReports(file, options.identity ?? {});
    if (!loaded.ok) {
      io.err(loaded.error.message);
      failed = true;
      continue;
    }
    for (const entry of loaded.value) {
      await options.corpus?.prepare?.(entry.completed.report);
      const result = checkLoaded(entry, {
        schemes: schemes.value,
        override: options.scheme,
        searchCopies: (r) => options.corpus?.search(r) ?? [],
      });
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

function printChecked(io: CliIo, checked: CheckedReport): void {
  const { report, scheme, score: s, findings } = checked;
  io.out(`\n== ${checked.file}【${checked.label}】${checkedTitle(report)}`);
  io.out(`评分方案：${scheme.name}（${scheme.id}；${scheme.reason}）`);
  const reported = s.reported === undefined ? "" : `；报告填报${fmt(s.reported)}分`;
  io.out(
    s.total === null
      ? `按规则得分：不计算（${s.withheld ?? "没有可计分的指标"}）${reported}`
      : `按规则得分：${fmt(s.total)}分（${s.grade}）${reported}`,
  );
  if (checked.fromOcr === true)
    io.out("这份报告的文字由扫描件 OCR 识别而来，数字可能有误读，请对照原件核实；下列发现都标有（OCR 识别）");
  io.out(`发现 ${findings.length} 项：${severityCounts(findings)}`);
  for (const skipped of checked.notRun) io.out(`未能核查：${skipped.what}（${skipped.why}）`);
  for (const f of findings) {
    const quote = f.where.quote ? `  “${f.where.quote}”` : "";
    io.out(`- [${SEVERITY_LABEL[f.severity]}] ${f.code}  ${f.where.label}${quote}`);
    io.out(`  ${f.message}${f.fromOcr === true ? "（OCR 识别）" : ""}`);
  }
}

/** "南县财政局 2020年度 部门整体绩效自评", with what the file does not say named as such. */
function checkedTitle(report: CheckedReport["report"]): string {
  const unit = report.unit ?? "（未读出单位）";
  const year = report.year === null ? "（未读出年度）" : `${report.year}年度`;
  const kind = report.kind === "department" ? "部门整体绩效自评" : "项目支出绩效自评";
  const assumed = report.kindAssumed === true ? "（类型未写明，按此核查）" : "";
  const project = report.project === undefined ? "" : `（${report.project}）`;
  return `${unit} ${year} ${kind}${project}${assumed}`;
}
