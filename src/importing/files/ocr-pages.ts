import { cleanFigures } from "./ocr-figures.ts";
import type { OcrEngine, OcrImage, OcrPiece } from "./ocr-port.ts";
import type { PdfPage } from "./pdf-layout.ts";
import type { TextPiece } from "./pdf-text-lines.ts";

/**
 * The pages of a scan read by OCR, as pdf-layout.ts takes pages: each piece of text the engine
 * found becomes a positioned text piece (pixels scaled to points), its figures held to the rule of
 * ocr-figures.ts. Within limits: the first `maxPages` pages, a deadline per page and one for the
 * whole file; a page that cannot be rendered, takes too long, or shows no text is listed as
 * unreadable with its reason, never guessed at, and the other pages are still read.
 */

/** A page's pixels and its width in points (to scale pixels to the units of pdf-layout.ts). */
export type PageImage = { ok: true; image: OcrImage; widthPoints: number } | { ok: false; reason: string };

/** Pages (from `page` to `last`, inclusive) not read, and why (Chinese). */
export interface UnreadPages {
  page: number;
  last?: number;
  reason: string;
}

/** That a document was read by OCR, and what it could not read: carried with its content. */
export interface OcrProvenance {
  engine: string;
  /** Pages in the file, and pages read by OCR with text. */
  pages: number;
  read: number;
  unreadPages: UnreadPages[];
  unclearFigures: Array<{ page: number; seen: string; why: string }>;
}

/** The limits of one file's OCR (file-limits.ts gives the defaults). */
export interface OcrLimits {
  maxPages: number;
  pageTimeMs: number;
  fileTimeMs: number;
}

/** A piece whose characters the engine is on average less sure of than this is noise. */
const MIN_PIECE_CONFIDENCE = 0.5;

/**
 * Reads the pages `numbers` (from 1, in order) of a file of `total` pages, rendered by `pageImage`,
 * with `engine`, within `limits`; the pages read come back in the order of `numbers`, with theirs.
 */
export async function ocrPages(
  total: number,
  numbers: readonly number[],
  pageImage: (page: number) => Promise<PageImage>,
  engine: OcrEngine,
  limits: OcrLimits,
  clock: () => number = Date.now,
): Promise<{ pages: Array<{ number: number; page: PdfPage }>; provenance: OcrProvenance }> {
  const provenance: OcrProvenance = {
    engine: engine.name,
    pages: total,
    read: 0,
    unreadPages: [],
    unclearFigures: [],
  };
  const pages: Array<{ number: number; page: PdfPage }> = [];
  const fileDeadline = clock() + limits.fileTimeMs;
  const taken = numbers.slice(0, limits.maxPages);
  for (const n of taken) {
    if (clock() >= fileDeadline) {
      const minutes = Math.round(limits.fileTimeMs / 60_000);
      const last = taken[taken.length - 1] ?? n;
      provenance.unreadPages.push({
        page: n,
        ...(last > n ? { last } : {}),
        reason: `整个文件的识别时间已超过上限 ${minutes} 分钟，未识别`,
      });
      break;
    }
    const read = await readOne(
      n,
      pageImage,
      engine,
      Math.min(clock() + limits.pageTimeMs, fileDeadline),
      limits,
    );
    if ("reason" in read) provenance.unreadPages.push({ page: n, reason: read.reason });
    else {
      pages.push({ number: n, page: read.page });
      provenance.read += 1;
      for (const f of read.unclear) provenance.unclearFigures.push({ page: n, ...f });
    }
  }
  const first = numbers[taken.length];
  if (first !== undefined) {
    const last = numbers[numbers.length - 1] ?? first;
    provenance.unreadPages.push({
      page: first,
      ...(last > first ? { last } : {}),
      reason: `超过 OCR 识别的上限 ${limits.maxPages} 页，未识别（请只导出自评报告所在的页面）`,
    });
  }
  return { pages, provenance };
}

/** Why a page that shows no text is unreadable (a blank page in a text PDF is not listed). */
export const BLANK_PAGE = "没有识别出文字（空白页，或图像太模糊、太小）";

type PageRead = { page: PdfPage; unclear: Array<{ seen: string; why: string }> } | { reason: string };

async function readOne(
  n: number,
  pageImage: (page: number) => Promise<PageImage>,
  engine: OcrEngine,
  deadline: number,
  limits: OcrLimits,
): Promise<PageRead> {
  const seconds = Math.round(limits.pageTimeMs / 1000);
  const rendered = await pageImage(n);
  if (!rendered.ok) return { reason: rendered.reason };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), Math.max(0, deadline - Date.now()) + 1000);
  });
  const read = await Promise.race([engine.readPage(rendered.image, deadline), late]);
  clearTimeout(timer);
  if (read === "late" || !read.ok)
    return { reason: `识别超过 ${seconds} 秒仍未完成，已放弃（图像可能过于复杂）` };
  const scale = rendered.widthPoints / rendered.image.width;
  const pieces: TextPiece[] = [];
  const unclear: Array<{ seen: string; why: string }> = [];
  for (const p of read.pieces) {
    if (meanConfidence(p) < MIN_PIECE_CONFIDENCE) continue;
    const clean = cleanFigures(p.chars);
    if (clean.text.trim() === "") continue;
    unclear.push(...clean.unclear);
    pieces.push({
      text: clean.text,
      x: p.x * scale,
      y: (p.y + p.height) * scale,
      width: p.width * scale,
      size: p.height * scale,
    });
  }
  const chars = pieces.reduce((k, p) => k + p.text.replace(/\s/g, "").length, 0);
  if (chars < 2) return { reason: BLANK_PAGE };
  const page: PdfPage = {
    width: rendered.widthPoints,
    height: rendered.image.height * scale,
    pieces,
    rules: [],
  };
  return { page, unclear };
}

function meanConfidence(piece: OcrPiece): number {
  return piece.chars.reduce((s, c) => s + c.confidence, 0) / Math.max(1, piece.chars.length);
}
