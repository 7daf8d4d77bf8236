/**
 * The port through which a scanned page is read: the importer renders or decodes a page to pixels
 * and hands them to an OCR engine; the engine (services/ocr) answers with the pieces of text it
 * found, each character with the engine's confidence. The importer never imports an engine: it is
 * given one (or told that none is installed) by the service that reads the file.
 */

/** The pixels of one page: RGBA, row by row, 4 bytes a pixel. */
export interface OcrImage {
  width: number;
  height: number;
  rgba: Uint8Array | Uint8ClampedArray;
}

/** One character read, with the engine's confidence in it (0–1). */
export interface OcrChar {
  text: string;
  confidence: number;
}

/** One piece of text found on a page: its box in pixels (y from the top) and its characters. */
export interface OcrPiece {
  x: number;
  y: number;
  width: number;
  height: number;
  chars: OcrChar[];
}

/** What an engine read from one page, or why it stopped: the page's deadline passed. */
export type OcrPageRead = { ok: true; pieces: OcrPiece[] } | { ok: false; reason: "timeout" };

/** An OCR engine: reads one page's pixels, giving up when the clock passes `deadline` (ms since epoch). */
export interface OcrEngine {
  /** The engine's name as people see it, e.g. "PaddleOCR PP-OCRv4". */
  name: string;
  readPage(image: OcrImage, deadline: number): Promise<OcrPageRead>;
}

/** The engine to read scans with, or what is missing and how to install it (Chinese). */
export type OcrAvailability = { ok: true; engine: OcrEngine } | { ok: false; missing: string };

/** Gives the engine on first need (loading models takes a moment and most files are not scans). */
export type OcrSource = () => Promise<OcrAvailability>;
