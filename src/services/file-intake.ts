import { fail, ok, type Result } from "../core/result.ts";
import { contentText } from "../importing/files/document-content.ts";
import { formatSize, maxFileBytes } from "../importing/files/file-limits.ts";
import { extensionOf, fileMessage } from "../importing/files/file-problems.ts";
import { readDocument } from "../importing/files/read-document.ts";
import type { InboundFile } from "./channel-port.ts";
import { paddleOcr } from "./ocr/paddle-ocr.ts";

/** The extensions an officer may upload in a conversation. */
const ACCEPTED = new Set(["xlsx", "docx", "pdf", "txt", "md"]);
const TEXT = new Set(["txt", "md"]);
/** Old Office formats: downloaded anyway, so the reader can say exactly how to convert them. */
const LEGACY = new Set(["xls", "doc", "wps", "et"]);

/**
 * A file shared in a conversation, on any channel, as conversation text: the type and size are
 * checked on the platform's metadata before anything is downloaded, then the bytes go through the
 * importer, which checks that the content is what the name says (a renamed PDF is not a .docx).
 * Tables come out as tab-separated lines, so the engine reads them as a paste and asks to confirm
 * before saving.
 */
export async function fileAsText(file: InboundFile): Promise<Result<string>> {
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
      `文件 ${file.name} 实际大小超过${TEXT.has(ext) ? "文本文件" : ext === "pdf" ? " PDF 文件" : " Word/Excel 文件"}的上限 ${formatSize(limit)}（与 ${file.platform} 标注的大小不符），未读取。请删去与报告无关的内容后重新上传，例如 ${TEXT.has(ext) ? "自评报告.txt" : "自评报告.docx"}`,
      file.name,
    );
  if (!bytes.ok) return bytes;
  const content = await readDocument(file.name, bytes.value, { ocr: paddleOcr });
  if (!content.ok) return content;
  const text = contentText(content.value).trim();
  if (text === "") return fail("file.empty", fileMessage(file.name, "file.empty"), file.name);
  return ok(text);
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
