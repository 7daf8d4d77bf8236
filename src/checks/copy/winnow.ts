/**
 * k-gram hashing and robust winnowing (Schleimer, Wilkerson & Aiken, "Winnowing: local algorithms
 * for document fingerprinting", SIGMOD 2003 — the algorithm behind MOSS) over normalised text.
 */

/**
 * k-gram length in normalised characters. Chinese carries about one word per 1.5–2 characters, so
 * 12 characters are 6–8 words: long enough that two unrelated reports seldom share one by chance
 * (stock phrases such as "预算执行率" or "绩效自评工作开展情况" are 5–10 characters, and the
 * document-frequency filter takes care of longer ones), short enough that a copied clause of 20
 * characters already shares several k-grams.
 */
export const K = 12;

/**
 * Winnowing window in k-grams. The guarantee threshold is t = K + W − 1 = 24 normalised characters:
 * any common run of ≥ 24 normalised characters shares at least one fingerprint, and any run of
 * ≥ K − 1 + 2W = 37 shares at least two (two disjoint windows each select one), which is what the
 * search asks of a candidate document. A 50-character window of report prose is 45 normalised
 * characters at the median and 38–41 at the 5th percentile (measured on the four seeds; the rest is
 * punctuation), so a 50-character copy is found. The expected density is 2 / (W + 1) ≈ 14 %:
 * about 1,300 fingerprints for a 10,000-character report.
 */
export const W = 13;

/** One selected fingerprint: the k-gram's hash and where the k-gram starts in the normalised text. */
export interface Fingerprint {
  /** Signed 32-bit hash (fits SQLite INTEGER in 4 bytes). */
  hash: number;
  /** Normalised index of the k-gram's first character. */
  pos: number;
}

/**
 * The hash of every k-gram: `hashes[i]` covers `text[i, i + k)`. FNV-1a over the UTF-16 code units
 * followed by the MurmurHash3 finaliser (so the low and high bits both mix, which matters when the
 * minimum of a window is taken), as a signed 32-bit integer. Deterministic across runs and
 * platforms; empty when the text is shorter than k.
 */
export function kgramHashes(text: string, k: number = K): Int32Array {
  const n = text.length - k + 1;
  if (n <= 0) return new Int32Array(0);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + k; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[i] = h | 0;
  }
  return out;
}

/** The rightmost position of the smallest hash in `hashes[from, to)`. */
function rightmostMin(hashes: Int32Array, from: number, to: number): number {
  let at = from;
  for (let i = from + 1; i < to; i++) if ((hashes[i] ?? 0) <= (hashes[at] ?? 0)) at = i;
  return at;
}

/**
 * Robust winnowing: in each window of `w` consecutive k-gram hashes select the minimum; while the
 * previous selection is still inside the window a tie keeps it (so a run of equal hashes yields one
 * fingerprint, not one per window), otherwise the rightmost minimum is taken. A position is
 * recorded once, when it is first selected. A text with fewer than `w` k-grams is one window.
 * Every window has a selected position, which gives the guarantee documented at {@link W}.
 */
export function winnow(hashes: Int32Array, w: number = W): Fingerprint[] {
  const n = hashes.length;
  if (n === 0) return [];
  const out: Fingerprint[] = [];
  if (n <= w) {
    const at = rightmostMin(hashes, 0, n);
    return [{ hash: hashes[at] ?? 0, pos: at }];
  }
  let min = -1;
  for (let end = w; end <= n; end++) {
    const start = end - w;
    if (min < start) {
      min = rightmostMin(hashes, start, end);
    } else if ((hashes[end - 1] ?? 0) < (hashes[min] ?? 0)) {
      min = end - 1;
    } else {
      continue;
    }
    const last = out.at(-1);
    if (last === undefined || last.pos !== min) out.push({ hash: hashes[min] ?? 0, pos: min });
  }
  return out;
}

/** The winnowed fingerprints of a normalised text, in position order. */
export function fingerprints(normalized: string): Fingerprint[] {
  return winnow(kgramHashes(normalized));
}
