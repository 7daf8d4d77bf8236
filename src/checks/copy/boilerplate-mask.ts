import { K, kgramHashes } from "./winnow.ts";

/** Shortest boilerplate piece (between two slots) that is matched on its own. */
export const MIN_PIECE = 4;

/**
 * Which normalised characters of `text` are boilerplate: those inside a K-gram whose hash is in the
 * boilerplate set, or inside an exact copy of a short boilerplate piece (MIN_PIECE … K − 1
 * characters between two slots, such as "万元，调整预算数为"), which `boilerplateHashes` stores as
 * the hash of the whole piece. 1 marks boilerplate.
 */
export function boilerplateMask(text: string, isBoilerplate: (hash: number) => boolean): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (let length = MIN_PIECE; length <= K; length++) {
    kgramHashes(text, length).forEach((h, i) => {
      if (isBoilerplate(h)) mask.fill(1, i, i + length);
    });
  }
  return mask;
}

/** How many of `mask[from, to)` are marked. */
export function markedCount(mask: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && i < mask.length; i++) n += mask[i] ?? 0;
  return n;
}
