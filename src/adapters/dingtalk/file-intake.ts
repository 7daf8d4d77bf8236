import { fail, ok } from "../../core/result.ts";
import { formatSize } from "../../importing/files/file-limits.ts";
import type { InboundFile } from "../../services/channel-port.ts";
import type { DingTalkApi } from "./dingtalk-api.ts";
import { httpCall } from "./http-request.ts";

/**
 * A file sent to the robot as the channel port's inbound file. DingTalk states no size, so the
 * size is 0 and the limit is enforced while downloading: the downloadCode is exchanged for a
 * temporary address (/v1.0/robot/messageFiles/download), which is then read up to the limit.
 */
export function dingtalkFile(api: DingTalkApi, id: string, name: string, downloadCode: string): InboundFile {
  return {
    id,
    name,
    size: 0,
    platform: "钉钉",
    async fetch(limit) {
      const url = await api.downloadUrl(downloadCode);
      if (!url.ok) return url;
      let answer: Awaited<ReturnType<typeof httpCall>>;
      try {
        answer = await httpCall({ method: "GET", url: url.value, limit, timeoutMs: 120_000 });
      } catch {
        return fail("file.download_failed", `下载文件 ${name} 时网络出错，请稍后重新发送。`);
      }
      // Not "file.too_large": that message compares with a size DingTalk never stated.
      if (answer.tooLarge)
        return fail(
          "file.over_limit",
          `文件 ${name} 超过 ${formatSize(limit)} 的上限，未读取。请删去与报告无关的内容后重新发送，例如只保留自评表和文字部分的 自评报告.docx`,
          name,
        );
      if (answer.status !== 200)
        return fail("file.download_failed", `下载文件 ${name} 失败（HTTP ${answer.status}），请重新发送。`);
      return ok(new Uint8Array(answer.body));
    },
  };
}
