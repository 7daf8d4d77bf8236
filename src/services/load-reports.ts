import { extname } from "node:path";
import type { Report } from "../core/report.ts";
import { ok, type Result } from "../core/result.ts";
import type { OcrProvenance } from "../importing/files/ocr-pages.ts";
import { type CompletedReport, completeReport } from "../importing/report/complete-report.ts";
import type { ImportNote } from "../importing/report/import-document.ts";
import type { UnreadRow } from "../importing/tables/table-reading.ts";
import { importFile } from "./import-file.ts";
import { reportFromJson } from "./report-files.ts";
import type { ReportIdentity } from "./report-identity.ts";
import { readJsonFile } from "./scheme-files.ts";

/** A report from a file: the model (or why it is incomplete), the file's text, and what import read. */
export interface LoadedReport {
  file: string;
  /** "主报告", an annex title, or "报告文件" for JSON. */
  label: string;
  report: Result<Report>;
  /** The report completed for checking, whatever it lacks (see `completeReport`). */
  completed: CompletedReport;
  /** True when the file ends inside the indicator table, so its sums cannot be checked. */
  tableCut: boolean;
  /** The document's text, for the scheme guess (empty for JSON). */
  text: string;
  reads: ImportNote[];
  unread: UnreadRow[];
  /** Set when the file is a scan read by OCR: what is found in it should say "（OCR 识别）". */
  ocr?: OcrProvenance;
}

/**
 * Reads the reports in a file: report JSON (as `ziping export` and `ziping import --out` write it)
 * is validated; any other file goes through the importer. A file that cannot be read is a failed
 * result; a file read gives one entry per report found, complete or not.
 */
export async function loadReports(
  path: string,
  identity: ReportIdentity = {},
): Promise<Result<LoadedReport[]>> {
  if (extname(path).toLowerCase() === ".json") {
    const data = readJsonFile(path);
    if (!data.ok) return data;
    const completed = completeReport(
      (typeof data.value === "object" && data.value !== null ? data.value : {}) as object,
    );
    return ok([
      {
        file: path,
        label: "报告文件",
        report: reportFromJson(data.value, path),
        completed,
        tableCut: false,
        text: "",
        reads: [],
        unread: [],
      },
    ]);
  }
  const imported = await importFile(path, {}, identity);
  if (!imported.ok) return imported;
  return ok(
    imported.value.reports.map((r) => ({
      file: path,
      label: r.label,
      report: r.report,
      completed: r.completed,
      tableCut: r.tableCut,
      text: imported.value.text,
      reads: r.reads,
      unread: r.unread,
      ...(imported.value.ocr === undefined ? {} : { ocr: imported.value.ocr }),
    })),
  );
}
