import { existsSync, readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { PassageMatch } from "../checks/copy/copy-search.ts";
import { reportText } from "../checks/report-text.ts";
import type { Report } from "../core/report.ts";
import { fail, ok, type Result } from "../core/result.ts";
import type { NewCorpusDocument } from "../storage/corpus-store.ts";
import { loadReports } from "./load-reports.ts";

/** The reports copied passages are searched in, whichever way they were given. */
export interface CopyCorpus {
  /** Documents in the corpus. */
  readonly size: number;
  /**
   * Fetches what `search` will answer for this report, where the corpus is a database round trip
   * away (PostgreSQL); callers await it before checking the report. Absent: `search` reads at once.
   */
  prepare?(report: Report): Promise<void>;
  /** Passages of the report's narrative found in other agencies' reports. */
  search(report: Report): PassageMatch[];
  close(): void;
}

const REPORT_FILE = /\.(txt|md|markdown|docx|xlsx|pdf|json)$/i;

/** The corpus document of a report: its narrative, by its unit and year. */
export function corpusDocument(report: Report, source: string, title: string): NewCorpusDocument {
  return {
    agency: report.unit.name,
    year: report.year,
    title,
    source,
    kind: report.kind,
    text: reportText(report).text,
  };
}

/** The corpus documents read from report files, and the reports with no narrative text to add. */
export interface CorpusFiles {
  docs: NewCorpusDocument[];
  /** Titles of reports read well whose narrative is empty (tables alone): not added. */
  withoutText: string[];
  /** With skipUnreadable: why each file that could not be added was left out. */
  skipped: string[];
}

/** Report files named directly or found in a folder (not recursive), in name order; a missing path fails. */
export function reportFilesIn(paths: readonly string[]): Result<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path))
      return fail(
        "file.not_found",
        `找不到文件 ${path}。请检查路径；也可以给出存放报告的文件夹，例如 fixtures/seeds`,
      );
    if (!statSync(path).isDirectory()) files.push(path);
    else
      files.push(
        ...readdirSync(path)
          .filter((name) => REPORT_FILE.test(name))
          .sort()
          .map((name) => join(path, name)),
      );
  }
  return ok(files);
}

/**
 * Reads report files into corpus documents, every report of every file, or fails naming every file
 * that cannot be read or holds an incomplete report (all of them at once, so one run shows what to
 * fix) and how many read well, so a corpus is never half-loaded. `skipUnreadable` (`corpus add
 * --skip-unreadable`): those files are listed in `skipped` instead, and the rest is added.
 */
export async function corpusDocumentsFromFiles(
  paths: readonly string[],
  skipUnreadable = false,
): Promise<Result<CorpusFiles>> {
  const files = reportFilesIn(paths);
  if (!files.ok) return files;
  const docs: NewCorpusDocument[] = [];
  const withoutText: string[] = [];
  const problems: { code: string; message: string }[] = [];
  let good = 0;
  for (const file of files.value) {
    const loaded = await loadReports(file);
    if (!loaded.ok) {
      problems.push(loaded.error);
      continue;
    }
    const bad = loaded.value.flatMap((entry) => (entry.report.ok ? [] : [entry.report.error]));
    if (bad.length > 0) {
      problems.push(...bad);
      continue;
    }
    good += 1;
    for (const entry of loaded.value) {
      if (!entry.report.ok) continue;
      const title = extname(file) === ".json" ? file : `${file}（${entry.label}）`;
      const doc = corpusDocument(entry.report.value, file, title);
      // A report of tables alone has no wording to copy or be copied: nothing to compare with.
      if (doc.text.trim() === "") withoutText.push(title);
      else docs.push(doc);
    }
  }
  const [first] = problems;
  if (first === undefined || skipUnreadable)
    return ok({ docs, withoutText, skipped: problems.map((p) => p.message) });
  const summary =
    files.value.length === 1
      ? ""
      : `\n共 ${files.value.length} 个文件：${good} 个可以加入，${files.value.length - good} 个不能（见上）。加入是整批的：请补全或移走上面的文件后重新运行，例如报告缺单位名称时在正文开头写明单位全称；或加 --skip-unreadable 只加入能读的 ${good} 个。`;
  return fail(first.code, `${problems.map((p) => p.message).join("\n")}${summary}`);
}
