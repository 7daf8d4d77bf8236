import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { MessageChannel, Worker } from "node:worker_threads";
import type { PDFDocumentLoadingTask } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Opens a PDF with pdf.js (pdfjs-dist 5.4, legacy build for Node; it needs @napi-rs/canvas for
 * DOMMatrix) whose parser runs in a worker thread of its own (pdf-thread.mjs) with a heap limit,
 * so that a file that makes the parser loop or grow is stopped by terminating the thread. No font
 * is turned into a font face or compiled to code, fonts without embedded glyphs are read through
 * the CMaps and standard font data shipped with pdfjs-dist, a damaged object is skipped rather
 * than failing the whole file, and images over `maxImageSize` pixels are never decoded (1 when
 * only text is read; the page-pixel limit when pages are rendered for OCR).
 */

/** The pdf.js module. */
export type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

/** An open PDF: pdf.js, the loading task, the parser's thread, and how to release them all. */
export interface OpenPdf {
  pdfjs: PdfJs;
  task: PDFDocumentLoadingTask;
  thread: Worker;
  close(): Promise<void>;
}

let pdfjsModule: Promise<PdfJs> | null = null;
/** pdf.js, loaded on first use (it is large, and most files are not PDFs). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsModule;
}

/** The folder of pdfjs-dist's data files (cmaps/, standard_fonts/, wasm/), with a trailing slash. */
function dataFolder(name: string): string {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return `${join(root, name)}/`;
}

/** Starts reading `bytes` in a parser thread limited to `heapLimitMb` of heap. */
export async function openPdf(
  bytes: Uint8Array,
  options: { heapLimitMb: number; maxImageSize: number },
): Promise<OpenPdf> {
  const pdfjs = await loadPdfJs();
  const { port1, port2 } = new MessageChannel();
  const thread = new Worker(new URL("./pdf-thread.mjs", import.meta.url), {
    workerData: { port: port2 },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: options.heapLimitMb, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  });
  port1.start();
  // pdf.js talks to a web Worker port through addEventListener/postMessage, which a Node
  // MessagePort has too; its type names the DOM Worker, not a Node one.
  const worker = new pdfjs.PDFWorker({ port: port1 as never });
  const task = pdfjs.getDocument({
    worker,
    // pdf.js takes over (detaches) the buffer it is given: it gets a copy.
    data: new Uint8Array(bytes),
    cMapUrl: dataFolder("cmaps"),
    cMapPacked: true,
    standardFontDataUrl: dataFolder("standard_fonts"),
    wasmUrl: dataFolder("wasm"),
    maxImageSize: options.maxImageSize,
    disableFontFace: true,
    isEvalSupported: false,
    stopAtErrors: false,
    enableXfa: false,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const close = async () => {
    await thread.terminate();
    port1.close();
    task.destroy().catch(() => undefined);
    worker.destroy();
  };
  return { pdfjs, task, thread, close };
}
