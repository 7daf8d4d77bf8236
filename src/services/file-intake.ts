import { fail, ok, type Result } from "../core/result.ts";
import { contentText } from "../importing/files/document-content.ts";
import { formatSize, maxFileBytes } from "../importing/files/file-limits.ts";
import { extensionOf, fileMessage } from "../importing/files/file-problems.ts";
import { pageLabel } from "../importing/files/ocr-document.ts";
import { UNREADABLE_MARK } from "../importing/files/ocr-figures.ts";
import type { OcrProvenance } from "../importing/files/ocr-pages.ts";
import { readDocument } from "../importing/files/read-document.ts";
import type { InboundFile } from "./channel-port.ts";
import { paddleOcr } from "./ocr/paddle-ocr.ts";

/** The extensions an officer may upload in a conversation. */
const ACCEPTED = new Set(["xlsx", "docx", "pdf", "txt", "md", "png", "jpg", "jpeg"]);
const TEXT = new Set(["txt", "md"]);
/** Photos or scans of a page, read by OCR. */
const PICTURES = new Set(["png", "jpg", "jpeg"]);
/** Old Office formats: downloaded anyway, so the reader can say exactly how to convert them. */
const LEGACY = new Set(["xls", "doc", "wps", "et"]);

/** A shared file read as conversation text, and a note (Chinese) when its text came from OCR of a scan. */
export interface SharedFileText {
  text: string;
  ocrNote?: string;
}

/**
 * A file shared in a conversation, on any channel, as conversation text: the type and size are
 * checked on the platform's metadata before anything is downloaded, then the bytes go through the
 * importer, which checks that the content is what the name says (a renamed PDF is not a .docx).
 * Tables come out as tab-separated lines, so the engine reads them as a paste and asks to confirm
 * before saving. A scan (a PDF without text layer, a .png/.jpg photo of a page) is read by OCR, and
 * the note says so, for the officer to check the figures against the paper before confirming.
 */
export async function fileAsText(file: InboundFile): Promise<Result<SharedFileText>> {
  const ext = extensionOf(file.name);
  if (!ACCEPTED.has(ext) && !LEGACY.has(ext))
    return fail("file.unsupported_type", fileMessage(file.name, "file.unsupported_type"), file.name);
  const limit = maxFileBytes(file.name);
  if (file.size > limit)
    return fail(
      "file.too_large",
      fileMessage(file.name, "file.too_large", { size: file.size, text: TEXT.has(ext) }),
      file.name,
    );
  const bytes = await file.fetch(limit);
  if (!bytes.ok && bytes.error.code === "file.too_large")
    return fail(
      "file.too_large",
      `文件 ${file.name} 实际大小超过${TEXT.has(ext) ? "文本文件" : ext === "pdf" ? " PDF 文件" : PICTURES.has(ext) ? "扫描图片" : " Word/Excel 文件"}的上限 ${formatSize(limit)}（与 ${file.platform} 标注的大小不符），未读取。请删去与报告无关的内容后重新上传，例如 ${TEXT.has(ext) ? "自评报告.txt" : "自评报告.docx"}`,
      file.name,
    );
  if (!bytes.ok) return bytes;
  const content = await readDocument(file.name, bytes.value, { ocr: paddleOcr });
  if (!content.ok) return content;
  const text = contentText(content.value).trim();
  if (text === "") return fail("file.empty", fileMessage(file.name, "file.empty"), file.name);
  const ocr = content.value.ocr;
  return ok(ocr === undefined ? { text } : { text, ocrNote: ocrNote(file.name, ocr, text) });
}

/** "文件 扫描页.png 是扫描件，文字和数字由 OCR（…）识别…": what was read by OCR, and what was not. */
function ocrNote(name: string, ocr: OcrProvenance, text: string): string {
  const pages = ocr.pages > 1 ? `（共 ${ocr.pages} 页，识别了 ${ocr.read} 页）` : "";
  const marks = text.split(UNREADABLE_MARK).length - 1;
  const unclear = marks === 0 ? "" : `有 ${marks} 处数字识别不清，显示为“${UNREADABLE_MARK}”，没有采用；`;
  const unread = ocr.unreadPages.map((u) => `${pageLabel(u)}未识别：${u.reason}；`).join("");
  return `文件 ${name} 是扫描件，文字和数字由 OCR（${ocr.engine}）识别${pages}，可能有误读。${unread}${unclear}请对照原件核对读到的数字后再确认。`;
}

/**
 * Reads a downloaded file's body, stopping as soon as it passes `limit` bytes (a platform's stated
 * size is not trusted): the bytes, or "file.too_large" naming the limit in Chinese.
 */
export async function readBodyWithin(
  body: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<Result<Uint8Array>> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > limit)
      return fail("file.too_large", `文件超过 ${Math.round(limit / 1024 / 1024)} MB 的上限，未读取。`);
    chunks.push(chunk);
  }
  return ok(Buffer.concat(chunks));
}
