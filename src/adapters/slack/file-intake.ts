import { fail, ok, type Result } from "../../core/result.ts";
import { contentText } from "../../importing/files/document-content.ts";
import { formatSize, maxFileBytes } from "../../importing/files/file-limits.ts";
import { extensionOf, fileMessage } from "../../importing/files/file-problems.ts";
import { readDocument } from "../../importing/files/read-document.ts";
import type { SlackFile } from "./payloads.ts";

/** The extensions an officer may upload in a conversation. */
const ACCEPTED = new Set(["xlsx", "docx", "pdf", "txt", "md"]);
const TEXT = new Set(["txt", "md"]);
/** Old Office formats: downloaded anyway, so the reader can say exactly how to convert them. */
const LEGACY = new Set(["xls", "doc", "wps", "et"]);

/** Downloads a Slack file with the bot token: `url` → bytes, or a failure. Injected so tests and retries stay at the edge. */
export type Download = (url: string, token: string, limit: number) => Promise<Result<Uint8Array>>;

/**
 * An uploaded file as conversation text: the type and size are checked on Slack's metadata before
 * anything is downloaded, then the bytes go through the importer, which checks that the content is
 * what the name says (a renamed PDF is not a .docx). Tables come out as tab-separated lines, so the
 * engine reads them as a paste and asks to confirm before saving.
 */
export async function fileAsText(
  file: SlackFile,
  token: string,
  download: Download,
): Promise<Result<string>> {
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
  const url = file.url_private_download ?? file.url_private;
  if (url === undefined)
    return fail(
      "file.no_url",
      `文件 ${file.name} 没有下载地址（可能已被删除），请重新上传，例如 自评报告.docx`,
    );
  const bytes = await download(url, token, limit);
  if (!bytes.ok && bytes.error.code === "file.too_large")
    return fail(
      "file.too_large",
      `文件 ${file.name} 实际大小超过${TEXT.has(ext) ? "文本文件" : ext === "pdf" ? " PDF 文件" : " Word/Excel 文件"}的上限 ${formatSize(limit)}（与 Slack 标注的大小不符），未读取。请删去与报告无关的内容后重新上传，例如 ${TEXT.has(ext) ? "自评报告.txt" : "自评报告.docx"}`,
      file.name,
    );
  if (!bytes.ok) return bytes;
  const content = await readDocument(file.name, bytes.value);
  if (!content.ok) return content;
  const text = contentText(content.value).trim();
  if (text === "") return fail("file.empty", fileMessage(file.name, "file.empty"), file.name);
  return ok(text);
}

/**
 * Downloads with fetch and the bot token, refusing more than `limit` bytes while streaming (Slack's
 * size field is not trusted) and a redirect to a login page (an HTML answer means the token lacks
 * files:read).
 */
export const fetchDownload: Download = async (url, token, limit) => {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, redirect: "follow" });
  } catch {
    return fail("file.download_failed", "下载文件时网络出错，请稍后重新上传。");
  }
  if (!response.ok || response.body === null)
    return fail("file.download_failed", `下载文件失败（HTTP ${response.status}），请重新上传。`);
  if ((response.headers.get("content-type") ?? "").startsWith("text/html"))
    return fail(
      "file.download_forbidden",
      "无法下载文件：Slack 返回了登录页面。请确认应用已添加 files:read 权限并重新安装到工作区。",
    );
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.length;
    if (total > limit)
      return fail("file.too_large", `文件超过 ${Math.round(limit / 1024 / 1024)} MB 的上限，未读取。`);
    chunks.push(chunk);
  }
  return ok(Buffer.concat(chunks));
};
