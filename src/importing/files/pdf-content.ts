import type { PDFDocumentLoadingTask, PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { ContentBlock } from "./document-content.ts";
import { MAX_PDF_PAGES, PDF_HEAP_LIMIT_MB, PDF_TIME_LIMIT_MS } from "./file-limits.ts";
import { type PdfPage, pdfLayout } from "./pdf-layout.ts";
import { openPdf, type PdfJs } from "./pdf-open.ts";
import { type PathOps, readPdfPage } from "./pdf-page-reader.ts";

/**
 * Reads the text layer of a PDF into paragraphs and tables with pdf.js (pdfjs-dist 5.4, legacy
 * build for Node; it needs @napi-rs/canvas for DOMMatrix). Only text and rules are read: no image is
 * decoded (`maxImageSize: 1`), no font is turned into a font face or compiled to code
 * (`disableFontFace`, `isEvalSupported: false`), fonts without embedded glyphs are read through the
 * CMaps and standard font data shipped with pdfjs-dist, and a damaged object is skipped rather than
 * failing the whole file (`stopAtErrors: false`). The parser runs in a worker thread of its own
 * (pdf-thread.mjs) with a heap limit, and is terminated when the read passes the wall-clock limit,
 * so no file can hang or exhaust the process; pages past the page limit are never read. A PDF
 * without any text is told apart as a scan (it holds images) or an empty one.
 */

/** Why a PDF was not read. */
export type PdfFailure =
  | { code: "file.pdf_encrypted" }
  | { code: "file.pdf_corrupt"; detail: string }
  | { code: "file.pdf_too_many_pages"; pages: number; limit: number }
  | { code: "file.pdf_timeout"; seconds: number }
  | { code: "file.pdf_too_complex"; megabytes: number }
  | { code: "file.pdf_scanned"; pages: number }
  | { code: "file.pdf_no_text"; pages: number };

/** What was read from a PDF. */
export type PdfRead =
  | {
      ok: true;
      blocks: ContentBlock[];
      pages: number;
      /** The pages as read, and those (from 1) without a text layer in a file holding images. */
      read: PdfPage[];
      scanned: number[];
    }
  | { ok: false; failure: PdfFailure };

/** The limits of one read; the defaults are those of file-limits.ts. */
export interface PdfLimits {
  maxPages?: number;
  timeLimitMs?: number;
  heapLimitMb?: number;
}

/** True when the bytes start like a PDF (`%PDF-` within the first kilobyte, as readers accept). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return head.includes("%PDF-");
}

/** Reads a PDF's text into content blocks, within the page, time and memory limits. */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits = {}): Promise<PdfRead> {
  const maxPages = limits.maxPages ?? MAX_PDF_PAGES;
  const timeLimit = limits.timeLimitMs ?? PDF_TIME_LIMIT_MS;
  const heapLimit = limits.heapLimitMb ?? PDF_HEAP_LIMIT_MB;
  const { pdfjs, task, thread, close } = await openPdf(bytes, { heapLimitMb: heapLimit, maxImageSize: 1 });
  let timer: NodeJS.Timeout | undefined;
  const stopped = new Promise<PdfRead>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ ok: false, failure: { code: "file.pdf_timeout", seconds: Math.round(timeLimit / 1000) } }),
      timeLimit,
    );
    thread.on("error", (error: Error & { code?: string }) =>
      resolve({
        ok: false,
        failure:
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? { code: "file.pdf_too_complex", megabytes: heapLimit }
            : { code: "file.pdf_corrupt", detail: error.message.slice(0, 120) },
      }),
    );
  });
  try {
    return await Promise.race([readAll(pdfjs, task, bytes, maxPages), stopped]);
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  } finally {
    clearTimeout(timer);
    await close();
  }
}

async function readAll(
  pdfjs: PdfJs,
  task: PDFDocumentLoadingTask,
  bytes: Uint8Array,
  maxPages: number,
): Promise<PdfRead> {
  const doc: PDFDocumentProxy = await task.promise;
  if (doc.numPages > maxPages) {
    return { ok: false, failure: { code: "file.pdf_too_many_pages", pages: doc.numPages, limit: maxPages } };
  }
  const ops = pathOps(pdfjs);
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    if (task.destroyed) break;
    const page = await doc.getPage(n);
    pages.push(await readPdfPage(page, ops, true));
    page.cleanup();
  }
  // A scan may carry a few characters of text (a scanner app's stamp, a page number added later).
  const images = holdsImages(bytes);
  if (
    pages.every((p) => p.pieces.length === 0) ||
    (images && pages.every((p) => textLength(p) < SCAN_TEXT_CHARS))
  ) {
    return {
      ok: false,
      failure: { code: images ? "file.pdf_scanned" : "file.pdf_no_text", pages: doc.numPages },
    };
  }
  const scanned = images ? pages.flatMap((p, i) => (textLength(p) < SCAN_TEXT_CHARS ? [i + 1] : [])) : [];
  return { ok: true, blocks: pdfLayout(pages), pages: doc.numPages, read: pages, scanned };
}

/** A page with fewer characters of text than this reads as a scanned page. */
const SCAN_TEXT_CHARS = 10;

function textLength(page: PdfPage): number {
  return page.pieces.reduce((n, p) => n + p.text.replace(/\s/g, "").length, 0);
}

function pathOps(pdfjs: PdfJs): PathOps {
  const o = pdfjs.OPS;
  return {
    save: o.save,
    restore: o.restore,
    transform: o.transform,
    constructPath: o.constructPath,
    stroke: [o.stroke, o.closeStroke, o.fillStroke, o.eoFillStroke, o.closeFillStroke, o.closeEOFillStroke],
    fill: [o.fill, o.eoFill],
  };
}

/**
 * True when the file holds image objects. Image dictionaries are streams, which PDF never puts in
 * compressed object streams, so their `/Subtype /Image` is plain in the file even when encrypted.
 */
function holdsImages(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return /\/Subtype\s*\/Image\b/.test(text) || /\bBI\s*\/(W|Width)\b/.test(text);
}

function failureOf(error: unknown): PdfFailure {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return { code: "file.pdf_encrypted" };
  const message = error instanceof Error ? error.message : String(error);
  return { code: "file.pdf_corrupt", detail: message.slice(0, 120) };
}
