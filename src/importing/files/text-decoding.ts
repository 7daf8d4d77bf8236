/**
 * Decoding of uploaded text files. Chinese Windows tools often save text as GBK rather than UTF-8,
 * and Notepad's "Unicode" is UTF-16 with a byte-order mark, so the encoding is found from the bytes:
 * a UTF-16 mark, else UTF-8 when the bytes are valid UTF-8 (a UTF-8 mark is dropped), else GB18030
 * (a superset of GBK and GB2312).
 */

/** The encodings told apart. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** Decoded text and the encoding it was read in; null when the bytes are not text (binary). */
export type DecodedText = { text: string; encoding: TextEncoding } | null;

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
    return { text: new TextDecoder("gb18030").decode(body), encoding: "gb18030" };
  }
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
