import { ok, type Result } from "../../core/result.ts";
import {
  blocksExcess,
  declaredExcess,
  isSheetPart,
  MAX_DOCUMENT_XML_BYTES,
  TEXT_LIMITS,
  type TextLimits,
  textExcess,
  XLSX_LIMITS,
  type XlsxLimits,
  xlsxExcess,
} from "./content-limits.ts";
import type { ContentBlock, DocumentContent } from "./document-content.ts";
import { docxBlocks } from "./docx-content.ts";
import { docxImageCount, isImagesOnly } from "./docx-images.ts";
import {
  MAX_IMAGE_PIXELS,
  MAX_OFFICE_FILE_BYTES,
  MAX_PDF_FILE_BYTES,
  MAX_TEXT_FILE_BYTES,
  OFFICE_ZIP_LIMITS,
} from "./file-limits.ts";
import { extensionOf, fileProblem } from "./file-problems.ts";
import { imageHeader } from "./image-header.ts";
import { readScan } from "./ocr-document.ts";
import type { OcrSource } from "./ocr-port.ts";
import { looksLikePdf, type PdfLimits, readPdf } from "./pdf-content.ts";
import { decodeText } from "./text-decoding.ts";
import { xlsxBlocks } from "./xlsx-content.ts";
import { listZip, looksLikeZip, scanZip, type ZipEntry } from "./zip-reader.ts";

/**
 * Reads an uploaded report file into document content. The format is decided by the extension and
 * checked against the content: .txt/.md must be text (UTF-8, UTF-16 with a mark, or GB18030);
 * .docx/.xlsx must be zip archives holding `word/document.xml` or `xl/workbook.xml` (what the
 * archive holds decides which of the two it is). Old binary Office files (.doc, .xls, WPS) are
 * refused with the advice to save them in the new format. Sizes are checked before anything is
 * decoded, and every zip entry is inflated under hard limits before a word of it is read. A .pdf,
 * or any file that starts with `%PDF-`, is read from its text layer (pdf-content.ts) within page and
 * time limits.
 */

/** The extensions read as text. */
const TEXT_EXTENSIONS = new Set(["txt", "md", "markdown"]);
/** The extensions read as Office Open XML (zip) files. */
const OFFICE_EXTENSIONS = new Set(["docx", "xlsx"]);
/** Old binary formats (OLE2 compound files): Excel 97-2003, Word 97-2003, WPS. */
const LEGACY_EXTENSIONS = new Set(["xls", "doc", "wps", "et"]);
/** Pictures of pages, read by OCR. */
const IMAGE_EXTENSIONS = new Set(["png", "jpg", "jpeg"]);
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const DOCUMENT_PART = "word/document.xml";
const WORKBOOK_PART = "xl/workbook.xml";

/**
 * Reads a .txt, .md, .docx, .xlsx or .pdf file. Fails with a stable code and a Chinese message
 * naming the file: `file.empty`, `file.too_large`, `file.not_text`, `file.not_zip`, `file.zip_bomb`,
 * `file.legacy_office`, `file.encrypted`, `file.unsupported_type`, `file.corrupt`, and for PDFs
 * `file.not_pdf`, `file.pdf_encrypted`, `file.pdf_scanned`, `file.pdf_no_text`,
 * `file.pdf_too_many_pages`, `file.pdf_timeout`, `file.pdf_corrupt`; `file.docx_images_only` for a
 * Word document of pictures, no text to read. A workbook over its shared string, cell, row or sheet
 * XML limits, a text or Word document over its line or character limits (or a document.xml over
 * 20 MB), is `file.too_large` (content-limits.ts).
 * `limits` narrows the PDF, workbook and text limits (tests).
 */
export async function readDocument(
  fileName: string,
  bytes: Uint8Array,
  limits: DocumentLimits = {},
): Promise<Result<DocumentContent>> {
  const { xlsx, text, ocr, maxImagePixels, ...pdfLimits } = limits;
  const problem = fileProblem(fileName);
  if (bytes.length === 0) return problem("file.empty");
  const ext = extensionOf(fileName);
  const ole = OLE2_MAGIC.every((b, i) => bytes[i] === b);
  if (ext === "pdf" || startsWith(bytes, PDF_MAGIC)) {
    if (bytes.length > MAX_PDF_FILE_BYTES) return problem("file.too_large", { size: bytes.length });
    if (!looksLikePdf(bytes)) {
      const detail = notPdfDetail(bytes, ole);
      return problem("file.not_pdf", detail === undefined ? {} : { detail });
    }
    return readPdfDocument(bytes, pdfLimits, problem, ocr);
  }
  if (IMAGE_EXTENSIONS.has(ext)) {
    if (bytes.length > MAX_PDF_FILE_BYTES) return problem("file.too_large", { size: bytes.length });
    const header = imageHeader(bytes);
    if (header === null) return problem("file.ocr_unreadable", { detail: "不是有效的 PNG 或 JPEG 图片" });
    const pixels = header.width * header.height;
    const most = maxImagePixels ?? MAX_IMAGE_PIXELS;
    if (pixels > most) {
      const size = `${header.width}×${header.height}`;
      const count = (n: number) => n.toLocaleString("en-US");
      const detail = `声明的尺寸为 ${size}（${count(pixels)} 像素），超过上限 ${count(most)} 像素，为安全起见未解码`;
      return problem("file.image_too_large", { detail });
    }
    return readScan({ kind: "picture", bytes, maxPixels: most }, ocr, problem);
  }
  if (TEXT_EXTENSIONS.has(ext)) {
    if (bytes.length > MAX_TEXT_FILE_BYTES) {
      return problem("file.too_large", { size: bytes.length, text: true });
    }
    return readText(bytes, { ...TEXT_LIMITS, ...text }, problem);
  }
  if (!OFFICE_EXTENSIONS.has(ext) && !LEGACY_EXTENSIONS.has(ext)) return problem("file.unsupported_type");
  if (bytes.length > MAX_OFFICE_FILE_BYTES) {
    return problem("file.too_large", { size: bytes.length, text: false });
  }
  if (ole) return problem(isEncryptedPackage(bytes) ? "file.encrypted" : "file.legacy_office");
  if (!looksLikeZip(bytes)) {
    return problem(LEGACY_EXTENSIONS.has(ext) ? "file.legacy_office" : "file.not_zip");
  }
  const listed = listZip(bytes, OFFICE_ZIP_LIMITS.maxEntries);
  if (!listed.ok) return problem(listed.failure.code, { detail: listed.failure.detail });
  const names = new Set(listed.value.map((e) => e.name));
  if (names.has(DOCUMENT_PART)) return readDocx(bytes, listed.value, { ...TEXT_LIMITS, ...text }, problem);
  if (names.has(WORKBOOK_PART)) return readXlsx(bytes, listed.value, { ...XLSX_LIMITS, ...xlsx }, problem);
  return names.has("[Content_Types].xml")
    ? problem("file.corrupt", { detail: `缺少 ${ext === "xlsx" ? WORKBOOK_PART : DOCUMENT_PART}` })
    : problem("file.unsupported_type", { detail: "是普通 zip 压缩包" });
}

/**
 * Narrower limits than the defaults, for tests: PDF time and heap, workbook and text content,
 * picture pixels; and the OCR engine that reads scans (without it a scan is not read).
 */
export interface DocumentLimits extends PdfLimits {
  xlsx?: Partial<XlsxLimits>;
  text?: Partial<TextLimits>;
  maxImagePixels?: number;
  ocr?: OcrSource;
}

type Problem = ReturnType<typeof fileProblem>;

const PDF_MAGIC = [...Buffer.from("%PDF-")];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** What a file named .pdf is instead, when it can be told (undefined: unknown or damaged). */
function notPdfDetail(bytes: Uint8Array, ole: boolean): string | undefined {
  if (looksLikeZip(bytes)) return "：它实际是 zip 压缩包，可能是改了扩展名的 Word 或 Excel 文件";
  if (ole) return "：它实际是旧版 Word/Excel 97-2003 文件";
  return decodeText(bytes) === null ? undefined : "：它实际是文本文件";
}

async function readPdfDocument(
  bytes: Uint8Array,
  limits: PdfLimits,
  problem: Problem,
  ocr: OcrSource | undefined,
): Promise<Result<DocumentContent>> {
  const read = await readPdf(bytes, limits);
  if (read.ok) {
    const content: DocumentContent = { format: "pdf", blocks: read.blocks };
    if (read.scanned.length === 0 || ocr === undefined) return ok(content);
    // Pages without a text layer among pages with one (a stamped page scanned in): read by OCR.
    const only = { numbers: read.scanned, textPages: read.read };
    const scan = await readScan({ kind: "pdf", bytes, pages: read.pages, limits, only }, ocr, problem);
    return scan.ok ? scan : ok(content);
  }
  const f = read.failure;
  switch (f.code) {
    case "file.pdf_corrupt":
      return problem(f.code, { detail: "pdf.js 无法解析其结构" });
    case "file.pdf_too_many_pages":
      return problem(f.code, { pages: f.pages, limit: f.limit });
    case "file.pdf_timeout":
      return problem(f.code, { seconds: f.seconds });
    case "file.pdf_too_complex":
      return problem(f.code, { size: f.megabytes * 1024 * 1024 });
    case "file.pdf_scanned":
      if (ocr !== undefined) return readScan({ kind: "pdf", bytes, pages: f.pages, limits }, ocr, problem);
      return problem(f.code, { pages: f.pages });
    case "file.pdf_no_text":
      return problem(f.code, { pages: f.pages });
    case "file.pdf_encrypted":
      return problem(f.code);
  }
}

function readText(bytes: Uint8Array, limits: TextLimits, problem: Problem): Result<DocumentContent> {
  const decoded = decodeText(bytes);
  if (decoded === null) return problem("file.not_text");
  const excess = textExcess(decoded.text, limits);
  if (excess !== null) return problem("file.too_large", { excess });
  if (decoded.text.trim() === "") return problem("file.empty");
  const blocks: ContentBlock[] = [{ type: "paragraph", text: decoded.text }];
  return ok(
    decoded.unreadable === undefined
      ? { format: "text", blocks }
      : { format: "text", blocks, unreadableBytes: decoded.unreadable },
  );
}

function readDocx(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: TextLimits,
  problem: Problem,
): Result<DocumentContent> {
  const declared = entries.find((e) => e.name === DOCUMENT_PART)?.declaredSize ?? 0;
  if (declared > MAX_DOCUMENT_XML_BYTES) {
    const excess = { what: "documentBytes" as const, count: declared, limit: MAX_DOCUMENT_XML_BYTES };
    return problem("file.too_large", { excess });
  }
  const scanned = scanZip(bytes, OFFICE_ZIP_LIMITS, (name) => name === DOCUMENT_PART);
  if (!scanned.ok) return problem(scanned.failure.code, { detail: scanned.failure.detail });
  const part = scanned.value.get(DOCUMENT_PART);
  if (part === undefined) return problem("file.corrupt", { detail: `缺少 ${DOCUMENT_PART}` });
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(part);
  } catch {
    return problem("file.corrupt", { detail: `${DOCUMENT_PART} 不是有效的 UTF-8 文本` });
  }
  const blocks = docxBlocks(xml);
  const excess = blocksExcess(blocks, limits);
  if (excess !== null) return problem("file.too_large", { excess });
  if (isImagesOnly(blocks, docxImageCount(xml))) return problem("file.docx_images_only");
  return ok({ format: "docx", blocks });
}

async function readXlsx(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: XlsxLimits,
  problem: Problem,
): Promise<Result<DocumentContent>> {
  // The sizes the archive declares refuse a huge workbook before anything is inflated; a file that
  // understates them is still held to the sizes inflating gives (below, and in the zip scan).
  const declared = declaredExcess(entries, limits);
  if (declared !== null) return problem("file.too_large", { excess: declared });
  const scanned = scanZip(bytes, OFFICE_ZIP_LIMITS, isSheetPart);
  if (!scanned.ok) return problem(scanned.failure.code, { detail: scanned.failure.detail });
  // Counted before exceljs parses a byte: it holds every shared string and cell in memory.
  const excess = xlsxExcess(scanned.value, limits);
  scanned.value.clear();
  if (excess !== null) return problem("file.too_large", { excess });
  try {
    const read = await xlsxBlocks(bytes);
    if (!read.ok) return problem("file.too_large", { sheet: read.sheet, cells: read.cells });
    return ok({ format: "xlsx", blocks: read.blocks });
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    return problem("file.corrupt", { detail: `Excel 读取失败：${reason}` });
  }
}

/**
 * A password-protected .docx/.xlsx is an OLE2 compound file holding an "EncryptedPackage" stream;
 * its directory entry names are UTF-16LE.
 */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = Buffer.from("EncryptedPackage", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
