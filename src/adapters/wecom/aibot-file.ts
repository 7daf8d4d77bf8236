import { fail, ok, type Result } from "../../core/result.ts";
import { MAX_OFFICE_FILE_BYTES, MAX_PDF_FILE_BYTES } from "../../importing/files/file-limits.ts";
import type { InboundFile } from "../../services/channel-port.ts";
import { readBodyWithin } from "../../services/file-intake.ts";
import { weComDecrypt } from "./wecom-aes.ts";

/** Bytes downloaded, and the file's name when the server gave one (Content-Disposition). */
export interface Downloaded {
  bytes: Uint8Array;
  name?: string;
}

/** Downloads `url`, refusing more than `limit` bytes while streaming. Injected so tests and retries stay at the edge. */
export type Download = (url: string, limit: number) => Promise<Result<Downloaded>>;

/**
 * The largest file the AI bot's download is allowed to be: the largest accepted upload (a PDF or a
 * scanned picture, 50 MB) plus one padding block; the message names neither size nor type, so the
 * file's own limit is applied once it is decrypted and named.
 */
const DOWNLOAD_LIMIT = Math.max(MAX_OFFICE_FILE_BYTES, MAX_PDF_FILE_BYTES) + 32;

/** The name in a Content-Disposition header: `filename*=UTF-8''…` first, then `filename="…"`. */
export function dispositionName(header: string | null): string | undefined {
  if (header === null) return undefined;
  const star = /filename\*=UTF-8''([^;\s]+)/i.exec(header)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(header)?.[1];
  const raw = star ?? plain;
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw).trim() || undefined;
  } catch {
    return raw.trim() || undefined;
  }
}

/** Downloads with fetch (no credentials: the address itself is the five-minute grant). */
export const fetchDownload: Download = async (url, limit) => {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    return fail("file.download_failed", "下载文件时网络出错，请稍后重新发送文件。");
  }
  if (!response.ok || response.body === null)
    return fail(
      "file.download_failed",
      `下载文件失败（HTTP ${response.status}）。企业微信的文件地址 5 分钟内有效，请重新发送文件。`,
    );
  const bytes = await readBodyWithin(response.body, limit);
  if (!bytes.ok) return bytes;
  const name = dispositionName(response.headers.get("content-disposition"));
  return ok(name === undefined ? { bytes: bytes.value } : { bytes: bytes.value, name });
};

/**
 * A WeCom file as the channel port's inbound file. Neither the AI bot's message (an encrypted
 * address and its key) nor a callback message (a media id) carries a size, and the AI bot's none
 * a name, so the file is downloaded first (up to the largest accepted size) and decrypted when a
 * key is given; its name is the one the message gave or the download's Content-Disposition, and
 * the size checked against the type's limit is the decrypted size.
 */
export async function weComInboundFile(
  id: string,
  download: (limit: number) => Promise<Result<Downloaded>>,
  options: { aeskey?: string; name?: string } = {},
): Promise<Result<InboundFile>> {
  const got = await download(DOWNLOAD_LIMIT);
  if (!got.ok) return got;
  const name = options.name ?? got.value.name;
  if (name === undefined)
    return fail(
      "file.no_name",
      "企业微信没有给出这个文件的文件名，无法判断类型。请把文件另存为带扩展名的文件后重新发送，例如 自评报告.docx",
    );
  let bytes: Uint8Array = got.value.bytes;
  if (options.aeskey !== undefined) {
    const plain = weComDecrypt(Buffer.from(options.aeskey, "base64"), bytes);
    if (plain === null)
      return fail(
        "file.decrypt_failed",
        `文件 ${name} 无法解密（可能下载不完整或已过期），请重新发送，例如 自评报告.docx`,
        name,
      );
    bytes = plain;
  }
  const held = bytes;
  return ok({
    id,
    name,
    size: held.length,
    platform: "企业微信",
    fetch: (limit) =>
      Promise.resolve(
        held.length > limit
          ? fail("file.too_large", `文件超过 ${Math.round(limit / 1024 / 1024)} MB 的上限，未读取。`)
          : ok(held),
      ),
  });
}
