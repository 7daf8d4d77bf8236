import { type CheckNotRun, isSuppressed, readingFindings } from "../checks/check-reading.ts";
import type { PassageMatch } from "../checks/copy/copy-search.ts";
import { type Finding, sortFindings } from "../core/finding.ts";
import { UNNAMED_BLOCK } from "../core/indicators.ts";
import type { Report } from "../core/report.ts";
import { ok, type Result } from "../core/result.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { unscorableWhy } from "../scoring/scorable.ts";
import { checkWithScheme } from "./check-with-scheme.ts";
import type { LoadedReport } from "./load-reports.ts";

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
  /**
   * The score by the rules; null when no indicator table was read or it was cut short, when no row has
   * a 分值, or when no scheme fits; then `withheld` says why in Chinese.
   */
  score: { total: number | null; grade: string | null; reported?: number; withheld?: string };
  /** Checks that could not run on what was read, and why. */
  notRun: CheckNotRun[];
  /** Set when some of the text was read by OCR from a scan (see `readByOcr`). */
  fromOcr?: true;
  /** Most serious first; each marked `fromOcr` when the report was read by OCR (it may rest on a misread). */
  findings: CheckedFinding[];
}

/** A finding of a checked report, marked when the text it rests on came from OCR. */
export type CheckedFinding = Finding & { fromOcr?: true };

/**
 * True when the importer read some of the file's text by OCR from a scan (its `ocr` provenance
 * names the pages read). Every finding of such a report may rest on text that was misread.
 */
function readByOcr(entry: LoadedReport): boolean {
  return entry.ocr !== undefined && entry.ocr.read > 0;
}

/**
 * Checks one report as a file gave it, whatever it lacks: the check pipeline (`checkWithScheme`) on
 * the completed report, then what the reading could not give — the `report.*` findings, the checks
 * that could not run (their findings withheld, not reported against placeholders), a last-resort
 * scheme that fits nothing (`report.scheme_unfit`: no total, no "missing block" errors) — and no
 * total where no rows sit under a named 一级指标.
 */
export function checkLoaded(
  entry: LoadedReport,
  options: {
    schemes: readonly Scheme[];
    override: string | undefined;
    searchCopies: (report: Report) => PassageMatch[];
  },
): Result<CheckedReport> {
  const { report, missing } = entry.completed;
  const reading = readingFindings(entry.completed, entry.unread, {
    annex: entry.label !== "主报告" && entry.label !== "报告文件",
    tableCut: entry.tableCut,
  });
  const checked = checkWithScheme(report, {
    text: entry.text,
    override: options.override,
    schemes: options.schemes,
    searchCopies: options.searchCopies,
  });
  if (!checked.ok) return checked;
  const { scheme, reason, card, findings, fitted } = checked.value;
  const unfit = fitted ? [] : schemeUnfit(report, scheme);
  // Under a scheme nothing tied to the report, "the report has no rows for the scheme's block X" says
  // more about the guess than about the report: those findings give way to report.scheme_unfit.
  // A table with no 分值 at all is one finding (report.weights_unread, from the reading), whose
  // notRun entry withholds the weight sums.
  const kept = findings.filter(
    (f) =>
      !isSuppressed(f.code, reading) &&
      !(unfit.length > 0 && f.code === "weights.block_sum" && f.where.path === "indicators"),
  );
  // No total without rows the scheme's blocks can hold: none read, or none under a named 一级指标;
  // nor without a single 分值 (a table of 得分 alone scores 0 under any scheme, which says nothing);
  // nor from a table cut short, whose missing rows would count as points lost.
  const scorable =
    unfit.length === 0 &&
    !entry.tableCut &&
    unscorableWhy(report) === undefined &&
    report.indicators.some((b) => b.name !== UNNAMED_BLOCK);
  const sorted = sortFindings([...kept, ...reading.findings, ...unfit]);
  const ocr = readByOcr(entry);
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
      // The total the report claims: its 自评得分, else its table's 合计/总分 row.
      ...((card.reported.total ?? card.reported.totalRow) === undefined
        ? {}
        : { reported: card.reported.total ?? card.reported.totalRow }),
      ...(scorable ? {} : { withheld: withheldWhy(report, unfit.length > 0, entry.tableCut) }),
    },
    notRun: reading.notRun,
    ...(ocr ? { fromOcr: true as const } : {}),
    findings: ocr ? sorted.map((f) => ({ ...f, fromOcr: true as const })) : sorted,
  });
}

/** Why no total is given: no table, a scheme that fits none of its blocks, a cut table, no 分值, no 一级指标 column. */
function withheldWhy(report: Report, unfit: boolean, cut: boolean): string {
  const unscorable = unscorableWhy(report);
  if (report.indicators.length === 0 && unscorable !== undefined) return unscorable;
  if (unfit) return "暂用的评分方案与报告的一级指标对不上，见 report.scheme_unfit";
  if (unscorable !== undefined) return unscorable;
  if (cut) return "绩效指标表在文件中断，缺少的行会被当作失分，见 report.table_cut";
  return "指标表没有一级指标列，各行不知属于哪个一级指标";
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
