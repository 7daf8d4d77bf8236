import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { Report } from "../core/report.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { validateReport } from "../core/validate-report.ts";
import { contentRows, contentText, type DocumentContent } from "../importing/files/document-content.ts";
import { maxFileBytes } from "../importing/files/file-limits.ts";
import { fileMessage } from "../importing/files/file-problems.ts";
import type { OcrProvenance } from "../importing/files/ocr-pages.ts";
import { readDocument } from "../importing/files/read-document.ts";
import { unreadableByteRows } from "../importing/files/text-decoding.ts";
import {
  type CompletedReport,
  completeReport,
  nameUnnamedLevels,
} from "../importing/report/complete-report.ts";
import {
  type ImportedReport,
  type ImportOptions,
  importDocument,
} from "../importing/report/import-document.ts";
import { indicatorTableCut } from "../importing/report/table-cut.ts";
import { ocrUnreadRows } from "./ocr/ocr-unread-rows.ts";
import { paddleOcr } from "./ocr/paddle-ocr.ts";
import { applyIdentity, type ReportIdentity } from "./report-identity.ts";

/** A report read from a file: what the importer read, and the report model when it is complete. */
export interface FileReport extends ImportedReport {
  /** The validated report, or a Chinese list of what is missing or wrong. */
  report: Result<Report>;
  /** The same report completed for checking: placeholders for a missing unit/year/kind, bad values out. */
  completed: CompletedReport;
  /** True when the file ends inside the indicator table (see `indicatorTableCut`). */
  tableCut: boolean;
}

/** Everything read from one file. */
export interface ImportedFile {
  file: string;
  format: DocumentContent["format"];
  /** The document's text as a person sees it (tables as tab-separated lines). */
  text: string;
  reports: FileReport[];
  /** Set when the file is a scan read by OCR: findings in it say "（OCR 识别）". */
  ocr?: OcrProvenance;
}

/**
 * Reads a .txt/.md/.docx/.xlsx/.pdf report file into report models. A file that cannot be read at
 * all (missing, empty, too large, not what its name says, a zip bomb, an .xls, a scanned or
 * encrypted PDF) is a failed result with a
 * Chinese message; a file that was read gives every report found, each with what was read, what
 * could not be, and whether the model is complete enough to check.
 */
export async function importFile(
  path: string,
  options: ImportOptions = {},
  identity: ReportIdentity = {},
): Promise<Result<ImportedFile>> {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile())
      return fail("file.not_file", `${path} 不是文件。请给出报告文件，例如 自评报告.docx`, path);
    size = stat.size;
  } catch {
    return fail(
      "file.not_found",
      `找不到文件 ${path}。请检查路径，例如 fixtures/seeds/000_0839647822e00506.txt`,
    );
  }
  const name = basename(path);
  // Refused on its size before reading it: the limit and the advice are the ones for its kind.
  const text = /\.(txt|md|markdown)$/i.test(name);
  if (size > maxFileBytes(name))
    return fail("file.too_large", fileMessage(name, "file.too_large", { size, text }), path);
  const content = await readDocument(name, readFileSync(path), { ocr: paddleOcr });
  if (!content.ok) return content;
  const documentText = contentText(content.value);
  const reads = importDocument(contentRows(content.value), documentText, options);
  // Unit and year hold for the annexes too; the kind given is the main report's.
  for (const [i, read] of reads.entries())
    applyIdentity(read, i === 0 ? identity : { ...identity, kind: undefined });
  for (const read of reads) nameUnnamedLevels(read.fragment);
  // Bytes that are not UTF-8 in a UTF-8 file: named as unread on their lines, never guessed.
  const badBytes = content.value.unreadableBytes;
  if (badBytes !== undefined && reads[0] !== undefined)
    reads[0].unread.unshift(...unreadableByteRows(badBytes, documentText.split("\n")));
  const ocr = content.value.ocr;
  if (ocr !== undefined && reads[0] !== undefined)
    reads[0].unread.unshift(...ocrUnreadRows(ocr, documentText));
  const reports = reads.map((read) => ({
    ...read,
    report: validateReport(read.fragment, "import.incomplete", `${name}（${read.label}）读出的内容`),
    completed: completeReport(read.fragment, documentText),
    tableCut: indicatorTableCut(read.fragment, read.reads, documentText),
  }));
  const read: ImportedFile = { file: path, format: content.value.format, text: documentText, reports };
  return ok(ocr === undefined ? read : { ...read, ocr });
}
