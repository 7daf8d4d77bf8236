/**
 * Decoding of uploaded text files. Chinese Windows tools often save text as GBK rather than UTF-8,
 * and Notepad's "Unicode" is UTF-16 with a byte-order mark, so the encoding is found from the bytes:
 * a UTF-16 mark, else UTF-8 when the bytes are valid UTF-8 (a UTF-8 mark is dropped), else GB18030
 * (a superset of GBK and GB2312). Bytes that are mostly valid UTF-8 with a few bad ones stay UTF-8:
 * the bad bytes are named as unreadable (shown as �) instead of the whole file being read as GB18030
 * mojibake.
 */
import { scanUtf8 } from "./utf8-scan.ts";

/** The encodings told apart. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** A byte that is not valid UTF-8 in a file read as UTF-8: its offset in the file (from 0) and its line (from 1). */
export interface UnreadableByte {
  offset: number;
  line: number;
}

/**
 * Decoded text and the encoding it was read in; null when the bytes are not text (binary).
 * `unreadable` lists the bytes of a UTF-8 file that are not valid UTF-8 (each shown as U+FFFD).
 */
export type DecodedText = { text: string; encoding: TextEncoding; unreadable?: UnreadableByte[] } | null;

/** UTF-8 despite bad bytes when there are at least this many valid multi-byte characters per bad byte (GBK text gives about 0.3). */
const UTF8_PER_BAD_BYTE = 3;

/** How much of the start is checked for control characters. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of control characters (other than tab, line breaks, form feed, escape) that marks binary data. */
const MAX_CONTROL_SHARE = 0.05;

/** Decodes the bytes of a text file; null for binary data (NUL bytes, many control characters). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, "utf-16be");
  if (looksBinary(bytes)) return null;
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body),
      encoding: "utf-8",
    };
  } catch {
    const scan = scanUtf8(body);
    if (scan.multiByte < scan.invalid.length * UTF8_PER_BAD_BYTE)
      return { text: new TextDecoder("gb18030").decode(body), encoding: "gb18030" };
    const start = bytes.length - body.length;
    return {
      text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(body),
      encoding: "utf-8",
      unreadable: withLines(body, scan.invalid).map((b) => ({ ...b, offset: b.offset + start })),
    };
  }
}

/**
 * The unreadable bytes as rows a reader reports, one per line: "第3行有2个字节不是有效的 UTF-8 编码
 * （文件第120、121字节）…". `lines` are the file's lines (the text as decoded).
 */
export function unreadableByteRows(
  bytes: readonly UnreadableByte[],
  lines: readonly string[],
): Array<{ line: number; text: string; reason: string }> {
  const byLine = new Map<number, number[]>();
  for (const b of bytes) byLine.set(b.line, [...(byLine.get(b.line) ?? []), b.offset]);
  return [...byLine].map(([line, offsets]) => {
    const shown = offsets.slice(0, 5).map(String).join("、") + (offsets.length > 5 ? "等" : "");
    return {
      line,
      text: lines[line - 1] ?? "",
      reason: `第${line}行有${offsets.length}个字节不是有效的 UTF-8 编码（文件第${shown}字节，从0数起），无法读取，显示为“\uFFFD”；文件其余部分按 UTF-8 读取。请检查这一行，或用 UTF-8 重新保存文件（例如记事本“另存为”时编码选 UTF-8）`,
    };
  });
}

/** The line (from 1) of each offset, in one pass over the bytes; `offsets` are in order. */
function withLines(bytes: Uint8Array, offsets: readonly number[]): UnreadableByte[] {
  const out: UnreadableByte[] = [];
  let line = 1;
  let at = 0;
  for (const offset of offsets) {
    for (; at < offset; at++) if (bytes[at] === 0x0a) line += 1;
    out.push({ offset, line });
  }
  return out;
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): DecodedText {
  const text = new TextDecoder(encoding).decode(bytes.subarray(2));
  return text.includes("\u0000") ? null : { text, encoding };
}

/** NUL bytes anywhere, or many control characters near the start. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) {
      control += 1;
    }
  }
  return control > sample.length * MAX_CONTROL_SHARE;
}
