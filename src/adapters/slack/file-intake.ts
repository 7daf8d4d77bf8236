import { fail, type Result } from "../../core/result.ts";
import type { InboundFile } from "../../services/channel-port.ts";
import { readBodyWithin } from "../../services/file-intake.ts";
import type { SlackFile } from "./payloads.ts";

/** Downloads a Slack file with the bot token: `url` → bytes, or a failure. Injected so tests and retries stay at the edge. */
export type Download = (url: string, token: string, limit: number) => Promise<Result<Uint8Array>>;

/** A Slack file as the channel port's inbound file: its metadata, and a download with the bot token. */
export function inboundFile(file: SlackFile, token: string, download: Download): InboundFile {
  const url = file.url_private_download ?? file.url_private;
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    platform: "Slack",
    fetch: (limit) =>
      url === undefined
        ? Promise.resolve(
            fail(
              "file.no_url",
              `文件 ${file.name} 没有下载地址（可能已被删除），请重新上传，例如 自评报告.docx`,
            ),
          )
        : download(url, token, limit),
  };
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
  return readBodyWithin(response.body, limit);
};
