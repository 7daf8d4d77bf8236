/** What a scan of bytes as UTF-8 found: multi-byte characters that are valid, and where bytes are not. */
export interface Utf8Scan {
  /** Valid sequences of two to four bytes (Chinese text is mostly these). */
  multiByte: number;
  /** Byte offsets where a byte starts no valid UTF-8 sequence, in order. */
  invalid: number[];
}

/** The second byte's range after the lead bytes with a narrower one (no overlong forms, no surrogates). */
const SECOND: Readonly<Record<number, readonly [number, number]>> = {
  224: [0xa0, 0xbf],
  237: [0x80, 0x9f],
  240: [0x90, 0xbf],
  244: [0x80, 0x8f],
};

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Scans bytes as UTF-8 in one pass: counts the valid multi-byte characters and lists the offset of
 * every byte that starts no valid sequence (a stray continuation byte, a truncated or overlong
 * sequence, a surrogate).
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const invalid: number[] = [];
  let multiByte = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceLength(lead);
    const [low, high] = SECOND[lead] ?? [0x80, 0xbf];
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) {
      const b = bytes[i + k] ?? 0;
      valid = k === 1 ? b >= low && b <= high : b >= 0x80 && b <= 0xbf;
    }
    if (valid) {
      multiByte += 1;
      i += length;
    } else {
      invalid.push(i);
      i += 1;
    }
  }
  return { multiByte, invalid };
}
