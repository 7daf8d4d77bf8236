/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), for repeatable synthetic texts. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PUNCTUATION = "，。、；：";

/**
 * `length` characters of unrelated "Chinese": uniform CJK ideographs with a punctuation mark about
 * one character in eight, never at the start or the end (so a planted passage starts and ends on a
 * character that survives normalising).
 */
export function randomText(random: () => number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) {
    const punct = i > 0 && i < length - 1 && random() < 0.125;
    s += punct
      ? (PUNCTUATION[Math.floor(random() * PUNCTUATION.length)] ?? "，")
      : String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000));
  }
  return s;
}
