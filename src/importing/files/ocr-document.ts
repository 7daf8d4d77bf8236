import { ok, type Result } from "../../core/result.ts";
import type { DocumentContent } from "./document-content.ts";
import {
  MAX_OCR_PAGES,
  OCR_FILE_TIME_LIMIT_MS,
  OCR_PAGE_TIME_LIMIT_MS,
  PDF_HEAP_LIMIT_MB,
} from "./file-limits.ts";
import type { FileProblemCode, ProblemFacts } from "./file-problems.ts";
import { BLANK_PAGE, type OcrLimits, ocrPages, type UnreadPages } from "./ocr-pages.ts";
import type { OcrSource } from "./ocr-port.ts";
import type { PdfLimits } from "./pdf-content.ts";
import { type PdfPage, pdfLayout } from "./pdf-layout.ts";
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
  | {
      kind: "pdf";
      bytes: Uint8Array;
      pages: number;
      limits: PdfLimits;
      /** Only these pages are scans; the others were read from their text layer (`textPages`). */
      only?: { numbers: number[]; textPages: PdfPage[] };
    };

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
    read = await ocrPages(1, [1], () => pictureImage(source.bytes, source.maxPixels), engine, OCR_LIMITS);
  } else {
    const scan = await openPdfScan(source.bytes, source.limits.heapLimitMb ?? PDF_HEAP_LIMIT_MB);
    if ("reason" in scan) return problem("file.ocr_unreadable", { detail: scan.reason });
    try {
      const numbers = source.only?.numbers ?? Array.from({ length: scan.pages }, (_, i) => i + 1);
      read = await ocrPages(scan.pages, numbers, scan.pageImage, engine, OCR_LIMITS);
    } finally {
      await scan.close();
    }
  }
  if (source.kind === "pdf" && source.only !== undefined) return mixed(read, source.only.textPages);
  if (read.pages.length === 0) {
    const detail = read.provenance.unreadPages.map((u) => `${pageLabel(u)}：${u.reason}`).join("；");
    return problem("file.ocr_unreadable", { detail });
  }
  return ok({
    format: source.kind === "pdf" ? "pdf" : "image",
    blocks: pdfLayout(read.pages.map((p) => p.page)),
    ocr: read.provenance,
  });
}

/**
 * A PDF with text pages and scanned ones: the pages OCR read take the place of the scanned ones,
 * and the file is said to be partly read by OCR. A blank page among text pages is not listed as
 * unread; when OCR read no page, the failure tells the caller to keep the text pages alone.
 */
function mixed(
  read: Awaited<ReturnType<typeof ocrPages>>,
  textPages: readonly PdfPage[],
): Result<DocumentContent> {
  if (read.pages.length === 0) return { ok: false, error: { code: "file.ocr_unreadable", message: "" } };
  const pages = [...textPages];
  for (const p of read.pages) pages[p.number - 1] = p.page;
  const unreadPages = read.provenance.unreadPages.filter((u) => u.reason !== BLANK_PAGE);
  return ok({ format: "pdf", blocks: pdfLayout(pages), ocr: { ...read.provenance, unreadPages } });
}

/** "第3页" or "第61–300页". */
export function pageLabel(u: UnreadPages): string {
  return u.last === undefined ? `第${u.page}页` : `第${u.page}–${u.last}页`;
}
