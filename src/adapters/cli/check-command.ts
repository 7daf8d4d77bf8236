import { type CheckNotRun, isSuppressed, readingFindings } from "../../checks/check-reading.ts";
import type { Finding } from "../../core/finding.ts";
import { SEVERITY_LABEL, severityCounts, sortFindings } from "../../core/finding.ts";
import { UNNAMED_BLOCK } from "../../core/indicators.ts";
import type { Report } from "../../core/report.ts";
import { ok, type Result } from "../../core/result.ts";
import { fmt } from "../../scoring/rounding.ts";
import type { Scheme } from "../../scoring/scheme.ts";
import { checkWithScheme } from "../../services/check-with-scheme.ts";
import type { CopyCorpus } from "../../services/copy-corpus.ts";
import { type LoadedReport, loadReports } from "../../services/load-reports.ts";
import type { ReportIdentity } from "../../services/report-identity.ts";
import { installedSchemes } from "../../services/scheme-files.ts";
import { type CliIo, EXIT } from "./output.ts";

/** Options of `ziping check`. */
export interface CheckOptions {
  scheme?: string;
  json: boolean;
  /** The corpus copied passages are searched in; null when there is none. */
  corpus: CopyCorpus | null;
  /** What the files do not say (`--name`, `--year`, `--kind`). */
  identity?: ReportIdentity;
}

/** One checked report, as `--json` prints it. */
export interface CheckedReport {
  file: string;
  label: string;
  /** What identifies the report; null where the file does not say (see the `report.*` findings). */
  report: {
    unit: string | null;
    year: number | null;
    kind: Report["kind"];
    /** True when the file states no kind and the checks assumed `kind`. */
    kindAssumed?: true;
    project?: string;
  };
  scheme: { id: string; name: string; reason: string };
  /** The score by the rules; null when no indicator table was read, so there is nothing to score. */
  score: { total: number | null; grade: string | null; reported?: number };
  /** Checks that could not run on what was read, and why. */
  notRun: CheckNotRun[];
  findings: Finding[];
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
  const { report, missing } = entry.completed;
  const reading = readingFindings(entry.completed, entry.unread, {
    annex: entry.label !== "主报告" && entry.label !== "报告文件",
  });
  const checked = checkWithScheme(report, {
    text: entry.text,
    override: options.scheme,
    schemes,
    searchCopies: (r) => options.corpus?.search(r) ?? [],
  });
  if (!checked.ok) return checked;
  const { scheme, reason, card, findings, fitted } = checked.value;
  const unfit = fitted ? [] : schemeUnfit(report, scheme);
  // Under a scheme nothing tied to the report, "the report has no rows for the scheme's block X" says
  // more about the guess than about the report: those findings give way to report.scheme_unfit.
  const kept = findings.filter(
    (f) =>
      !isSuppressed(f.code, reading) &&
      !(unfit.length > 0 && f.code === "weights.block_sum" && f.where.path === "indicators"),
  );
  // No total without rows the scheme's blocks can hold: none read, or none under a named 一级指标.
  const scorable = unfit.length === 0 && report.indicators.some((b) => b.name !== UNNAMED_BLOCK);
  return ok({
    file: entry.file,
    label: entry.label,
    report: {
      unit: missing.includes("unit") ? null : report.unit.name,
      year: missing.includes("year") ? null : report.year,
      kind: report.kind,
      ...(missing.includes("kind") ? { kindAssumed: true as const } : {}),
      ...(report.project === undefined ? {} : { project: report.project }),
    },
    scheme: { id: scheme.id, name: scheme.name, reason },
    score: {
      total: scorable ? card.total : null,
      grade: scorable ? card.grade : null,
      ...(card.reported.total === undefined ? {} : { reported: card.reported.total }),
    },
    notRun: reading.notRun,
    findings: sortFindings([...kept, ...reading.findings, ...unfit]),
  });
}

function printChecked(io: CliIo, checked: CheckedReport): void {
  const { report, scheme, score: s, findings } = checked;
  io.out(`\n== ${checked.file}【${checked.label}】${checkedTitle(report)}`);
  io.out(`评分方案：${scheme.name}（${scheme.id}；${scheme.reason}）`);
  const reported = s.reported === undefined ? "" : `；报告填报${fmt(s.reported)}分`;
  io.out(
    s.total === null
      ? `按规则得分：无法计算（没有读到按一级指标分列的绩效指标表，或评分方案与之对不上）${reported}`
      : `按规则得分：${fmt(s.total)}分（${s.grade}）${reported}`,
  );
  io.out(`发现 ${findings.length} 项：${severityCounts(findings)}`);
  for (const skipped of checked.notRun) io.out(`未能核查：${skipped.what}（${skipped.why}）`);
  for (const f of findings) {
    const quote = f.where.quote ? `  “${f.where.quote}”` : "";
    io.out(`- [${SEVERITY_LABEL[f.severity]}] ${f.code}  ${f.where.label}${quote}`);
    io.out(`  ${f.message}`);
  }
}

/**
 * `report.scheme_unfit` when the scheme was a last resort and none of its 一级指标 has rows in the
 * report; nothing otherwise (a report with no indicator table already says so).
 */
function schemeUnfit(report: Report, scheme: Scheme): Finding[] {
  const own = report.indicators.map((b) => b.name).filter((n) => n !== UNNAMED_BLOCK);
  if (own.length === 0) return [];
  return [
    {
      code: "report.scheme_unfit",
      severity: "warn",
      where: { path: "schemeId", label: "评分方案" },
      message: `报告没有写明评分办法，指标表和地区也无从判断：报告的一级指标（${own.join("、")}）与暂用的“${scheme.name}”（${scheme.blocks.map((b) => b.name).join("、")}）对不上，所以不按它计算总分，也不把方案中有、报告中没有的一级指标列为错误；各行的得分照常核查。请用 --scheme 指定本地区的评分办法（ziping schemes 查看全部）。`,
    },
  ];
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
