import { MIN_PIECE } from "./boilerplate-mask.ts";
import { normalizeText } from "./normalize-text.ts";
import { type Fingerprint, K, kgramHashes, winnow } from "./winnow.ts";

/** The fingerprints a corpus document is indexed by: winnowed k-grams of its normalised text. */
export function documentPrints(text: string): Fingerprint[] {
  return winnow(kgramHashes(normalizeText(text).text));
}

/** A slot in a boilerplate text: `{年}`, `{单位}`, … (see boilerplate.ts). */
const SLOT = /\{[^{}]*\}/;

/**
 * The boilerplate hash set. Each text is cut at its `{…}` slots; a piece of at least K normalised
 * characters contributes every K-gram hash (not just the winnowed fingerprints, so a template counts
 * as template however the winnowing windows fall, and a template with a unit name swapped in keeps
 * every K-gram that does not touch the name); a shorter piece of at least MIN_PIECE characters (the
 * words between two figures) contributes the hash of the whole piece. See `boilerplateMask`.
 */
export function boilerplateHashes(texts: readonly string[]): Set<number> {
  const set = new Set<number>();
  for (const t of texts) {
    for (const piece of t.split(SLOT)) {
      const norm = normalizeText(piece).text;
      if (norm.length < MIN_PIECE) continue;
      for (const h of kgramHashes(norm, Math.min(K, norm.length))) set.add(h);
    }
  }
  return set;
}
