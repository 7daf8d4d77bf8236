import type { ZipLimits } from "./zip-reader.ts";

/**
 * Size limits for uploaded files. A report's text is well under a megabyte and a 自评表 workbook a
 * few hundred kilobytes; the limits leave ample room and stop a runaway upload before it is decoded.
 */

const MB = 1024 * 1024;

/** Largest .txt/.md file read (5 MB): larger ones are refused before decoding. */
export const MAX_TEXT_FILE_BYTES = 5 * MB;
/** Largest .docx/.xlsx file read (20 MB, pictures included). */
export const MAX_OFFICE_FILE_BYTES = 20 * MB;
/** Most that all entries of a .docx/.xlsx may inflate to together (100 MB). */
const MAX_UNZIPPED_BYTES = 100 * MB;
/** Most that one entry of a .docx/.xlsx may inflate to (50 MB). */
const MAX_UNZIPPED_ENTRY_BYTES = 50 * MB;
/** Most entries (files) in a .docx/.xlsx archive. */
const MAX_ZIP_ENTRIES = 10_000;
/**
 * Highest compression ratio (uncompressed / compressed) of an entry larger than
 * `RATIO_FLOOR_BYTES`. Office XML compresses 5–30×, very repetitive sheets up to ~100×; deflate
 * tops out near 1030×, which is what a zip bomb of zeros reaches.
 */
const MAX_COMPRESSION_RATIO = 200;
/** Entries that inflate to at most this (1 MB) are not held to the compression ratio. */
const RATIO_FLOOR_BYTES = MB;

/** The zip safety limits above, as the zip reader takes them. */
export const OFFICE_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: MAX_UNZIPPED_BYTES,
  maxEntryBytes: MAX_UNZIPPED_ENTRY_BYTES,
  maxEntries: MAX_ZIP_ENTRIES,
  maxRatio: MAX_COMPRESSION_RATIO,
  ratioFloorBytes: RATIO_FLOOR_BYTES,
};

/** A size for messages: "5 MB", "12.5 MB", "300 KB", "800 字节". */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

/** Largest .pdf file read (50 MB: scans and pictures make PDFs larger than Word files). */
export const MAX_PDF_FILE_BYTES = 50 * MB;
/**
 * Most pages of a PDF read (300). A self-evaluation report has 5–60 pages, an annual compilation of
 * a department's reports a few hundred; a longer file is refused as a whole, with the advice to
 * save the report's pages on their own, rather than read in part.
 */
export const MAX_PDF_PAGES = 300;
/** Longest a PDF is read (60 s wall clock) before its parser thread is terminated. */
export const PDF_TIME_LIMIT_MS = 60_000;
/** Most heap the PDF parser's thread may use (1 GB); past it the thread is stopped. */
export const PDF_HEAP_LIMIT_MB = 1024;

/** The size limit of a file by its name: text, PDF or scanned picture, or Word/Excel (and anything else). */
export function maxFileBytes(fileName: string): number {
  if (/\.(txt|md|markdown)$/i.test(fileName)) return MAX_TEXT_FILE_BYTES;
  if (/\.(pdf|png|jpe?g)$/i.test(fileName)) return MAX_PDF_FILE_BYTES;
  return MAX_OFFICE_FILE_BYTES;
}

/**
 * Most pages of a scan read by OCR (60; at 4–12 s a page on two cores that is several minutes).
 * A longer scan has its first pages read and the rest listed as not read.
 */
export const MAX_OCR_PAGES = 60;
/**
 * Most pixels of a picture read by OCR (40 million: an A4 page scanned at 600 dpi is 35 million).
 * A picture declaring more is refused before it is decoded (an image bomb).
 */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Resolution a scanned PDF page is rendered at for OCR (dots per inch). */
export const OCR_RENDER_DPI = 200;
/** Longest OCR may take on one page (120 s: 4–12 s on two idle cores, several times that on a busy machine) before the page is given up as unreadable. */
export const OCR_PAGE_TIME_LIMIT_MS = 120_000;
/** Longest OCR may take on one file (15 min); pages left when it is spent are listed as not read. */
export const OCR_FILE_TIME_LIMIT_MS = 900_000;
