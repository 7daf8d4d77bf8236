import { inflateRawSync } from "node:zlib";
import { formatSize } from "./file-limits.ts";

/**
 * A small reader of zip archives (the container of .docx and .xlsx files): the central directory,
 * stored and deflated entries, and a safety scan that inflates every entry with a hard output limit.
 * The sizes declared in the zip headers are never trusted for safety: an entry is inflated with
 * `maxOutputLength` set to what it may still produce, so a zip bomb stops at the limit instead of
 * filling memory. ZIP64, encrypted entries and other compression methods are refused.
 */

/** One file in the archive, as the central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The uncompressed size the header declares (checked against what inflating gives, never trusted). */
  declaredSize: number;
  localOffset: number;
}

/** Limits of the safety scan, in bytes (ratio: uncompressed bytes per compressed byte). */
export interface ZipLimits {
  maxTotalBytes: number;
  maxEntryBytes: number;
  maxEntries: number;
  maxRatio: number;
  /** Entries that inflate to at most this many bytes are not held to `maxRatio`. */
  ratioFloorBytes: number;
}

/** Why an archive was refused: not a zip, damaged (or unsupported), or over a safety limit. */
export interface ZipFailure {
  code: "file.not_zip" | "file.corrupt" | "file.zip_bomb";
  /** Chinese detail for the user's message, e.g. "其中 word/document.xml 解压后超过 50 MB". */
  detail: string;
}

/** A result of this module: a value or a failure. */
export type ZipResult<T> = { ok: true; value: T } | { ok: false; failure: ZipFailure };

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;

const failure = <T>(code: ZipFailure["code"], detail: string): ZipResult<T> => ({
  ok: false,
  failure: { code, detail },
});

/** True when the bytes start like a zip archive (a local file header, or the end record of an empty one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && bytes[3] === bytes[2] + 1
  );
}

/** Reads the central directory: the entries (folders left out), without inflating anything. */
export function listZip(bytes: Uint8Array, maxEntries = Number.POSITIVE_INFINITY): ZipResult<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) return failure("file.not_zip", "找不到 zip 目录（文件不是 zip 压缩包，或被截断）");
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return failure("file.corrupt", "使用了不支持的 ZIP64 格式");
  if (count > maxEntries)
    return failure("file.zip_bomb", `压缩包含 ${count} 个文件，超过上限 ${maxEntries} 个`);
  if (offset + size > end) return failure("file.corrupt", "zip 目录超出文件范围（文件可能已损坏或被截断）");
  const entries: ZipEntry[] = [];
  const names = new TextDecoder("utf-8");
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      return failure("file.corrupt", "zip 目录已损坏");
    }
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (!name.endsWith("/")) {
      entries.push({
        name,
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        declaredSize: view.getUint32(at + 24, true),
        localOffset: view.getUint32(at + 42, true),
      });
    }
    at = next;
  }
  return { ok: true, value: entries };
}

/** The offset of the end-of-central-directory record, searching back over a possible comment; -1 if none. */
function findEnd(view: DataView): number {
  const last = view.byteLength - END_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at -= 1) {
    if (view.getUint32(at, true) === END_SIGNATURE) return at;
  }
  return -1;
}

/**
 * Inflates every entry within the limits and returns the data of the entries `keep` asks for. Fails
 * with `file.zip_bomb` when an entry would inflate past the entry limit, the total limit or the
 * compression ratio, and with `file.corrupt` when an entry cannot be read or does not inflate to the
 * size its header declares.
 */
export function scanZip(
  bytes: Uint8Array,
  limits: ZipLimits,
  keep: (name: string) => boolean = () => false,
): ZipResult<Map<string, Uint8Array>> {
  const listed = listZip(bytes, limits.maxEntries);
  if (!listed.ok) return listed;
  const kept = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of listed.value) {
    const data = entryData(bytes, entry);
    if (!data.ok) return data;
    const ratioCap = Math.max(limits.ratioFloorBytes, data.value.length * limits.maxRatio);
    const cap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total, ratioCap);
    const inflated = inflateEntry(entry, data.value, cap);
    if (!inflated.ok) {
      if (inflated.failure.code !== "file.zip_bomb") return inflated;
      return failure("file.zip_bomb", bombDetail(entry, limits, cap, ratioCap, total));
    }
    if (inflated.value.length !== entry.declaredSize) {
      return failure("file.corrupt", `其中 ${entry.name} 解压后的大小与压缩包记录的不符`);
    }
    total += inflated.value.length;
    if (keep(entry.name) && !kept.has(entry.name)) kept.set(entry.name, inflated.value);
  }
  return { ok: true, value: kept };
}

/** Which limit stopped the entry: the compression ratio, the total size, or the entry size. */
function bombDetail(
  entry: ZipEntry,
  limits: ZipLimits,
  cap: number,
  ratioCap: number,
  total: number,
): string {
  if (cap === ratioCap) return `其中 ${entry.name} 的压缩比超过 ${limits.maxRatio} 倍，疑似“压缩炸弹”`;
  if (cap === limits.maxTotalBytes - total) {
    return `解压后的内容合计超过 ${formatSize(limits.maxTotalBytes)}，疑似“压缩炸弹”`;
  }
  return `其中 ${entry.name} 解压后超过 ${formatSize(limits.maxEntryBytes)}，疑似“压缩炸弹”`;
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): ZipResult<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    return failure("file.corrupt", `其中 ${entry.name} 的文件头已损坏`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) {
    return failure("file.corrupt", `其中 ${entry.name} 超出文件范围（文件可能被截断）`);
  }
  if (entry.flags & 1) return failure("file.corrupt", `其中 ${entry.name} 已加密，无法读取`);
  return { ok: true, value: bytes.subarray(start, start + entry.compressedSize) };
}

/** Inflates (or copies) one entry, producing at most `cap` bytes. */
function inflateEntry(entry: ZipEntry, data: Uint8Array, cap: number): ZipResult<Uint8Array> {
  if (entry.method === STORED) {
    return data.length > cap ? failure("file.zip_bomb", "") : { ok: true, value: data };
  }
  if (entry.method !== DEFLATED) {
    return failure("file.corrupt", `其中 ${entry.name} 使用了不支持的压缩方式（${entry.method}）`);
  }
  try {
    return { ok: true, value: inflateRawSync(data, { maxOutputLength: Math.max(1, cap) }) };
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") return failure("file.zip_bomb", "");
    return failure("file.corrupt", `其中 ${entry.name} 无法解压（文件可能已损坏）`);
  }
}
