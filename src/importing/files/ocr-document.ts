import { ok, type Result } from "../../core/result.ts";
import type { DocumentContent } from "./document-content.ts";
import {
  MAX_OCR_PAGES,
  OCR_FILE_TIME_LIMIT_MS,
  OCR_PAGE_TIME_LIMIT_MS,
  PDF_HEAP_LIMIT_MB,
} from "./file-limits.ts";
import type { FileProblemCode, ProblemFacts } from "./file-problems.ts";
import { type OcrLimits, ocrPages, type UnreadPages } from "./ocr-pages.ts";
import type { OcrSource } from "./ocr-port.ts";
import type { PdfLimits } from "./pdf-content.ts";
import { pdfLayout } from "./pdf-layout.ts";
import { openPdfScan, pictureImage } from "./scan-images.ts";

/**
 * A scan read by OCR into document content: a PDF without a text layer (its pages rendered one by
 * one) or a .png/.jpg picture of a page. The content carries `ocr` (the engine, the pages read,
 * the pages and figures that could not be read) so that what is found in it can say it came from
 * OCR. Without an engine the file is listed as a scan not read, with how to install one; when no
 * page gives text the reasons are listed page by page.
 */

/** The scan to read: a picture (size already checked) or a scanned PDF of `pages` pages. */
export type ScanSource =
  | { kind: "picture"; bytes: Uint8Array; maxPixels: number }
  | { kind: "pdf"; bytes: Uint8Array; pages: number; limits: PdfLimits };

const OCR_LIMITS: OcrLimits = {
  maxPages: MAX_OCR_PAGES,
  pageTimeMs: OCR_PAGE_TIME_LIMIT_MS,
  fileTimeMs: OCR_FILE_TIME_LIMIT_MS,
};

/** Reads a scan with the engine `ocr` gives; `problem` makes the failed result of a code. */
export async function readScan(
  source: ScanSource,
  ocr: OcrSource | undefined,
  problem: (code: FileProblemCode, facts?: ProblemFacts) => Result<never>,
): Promise<Result<DocumentContent>> {
  const pages = source.kind === "pdf" ? { pages: source.pages } : {};
  if (ocr === undefined) return problem("file.ocr_unavailable", { ...pages, detail: "未配置 OCR 引擎" });
  const available = await ocr();
  if (!available.ok) return problem("file.ocr_unavailable", { ...pages, detail: available.missing });
  const engine = available.engine;
  let read: Awaited<ReturnType<typeof ocrPages>>;
  if (source.kind === "picture") {
    read = await ocrPages(1, () => pictureImage(source.bytes, source.maxPixels), engine, OCR_LIMITS);
  } else {
    const scan = await openPdfScan(source.bytes, source.limits.heapLimitMb ?? PDF_HEAP_LIMIT_MB);
    if ("reason" in scan) return problem("file.ocr_unreadable", { detail: scan.reason });
    try {
      read = await ocrPages(scan.pages, scan.pageImage, engine, OCR_LIMITS);
    } finally {
      await scan.close();
    }
  }
  if (read.pages.length === 0) {
    const detail = read.provenance.unreadPages.map((u) => `${pageLabel(u)}：${u.reason}`).join("；");
    return problem("file.ocr_unreadable", { detail });
  }
  return ok({
    format: source.kind === "pdf" ? "pdf" : "image",
    blocks: pdfLayout(read.pages),
    ocr: read.provenance,
  });
}

/** "第3页" or "第61–300页". */
export function pageLabel(u: UnreadPages): string {
  return u.last === undefined ? `第${u.page}页` : `第${u.page}–${u.last}页`;
}
