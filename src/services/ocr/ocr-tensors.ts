import type { OcrChar, OcrImage } from "../../importing/files/ocr-port.ts";

/**
 * Pixels to the input tensors of the PaddleOCR models and their output back to text: a region of
 * an RGBA page resized (bilinear) into planar BGR floats normalized by a mean and a standard
 * deviation per channel (PaddleOCR reads images as BGR), and the greedy CTC decoding of the
 * recognizer's output keeping each character's probability.
 */

/** A region of the page, in page pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Normalization of each channel (B, G, R): (value / 255 − mean) / std. */
export interface Normalization {
  mean: readonly [number, number, number];
  std: readonly [number, number, number];
}

/** The region resized to `outWidth` × `outHeight`, as a 1×3×H×W float tensor's data. */
export function regionTensor(
  image: OcrImage,
  region: Region,
  outWidth: number,
  outHeight: number,
  norm: Normalization,
): Float32Array {
  const plane = outWidth * outHeight;
  const out = new Float32Array(3 * plane);
  const sx = region.width / outWidth;
  const sy = region.height / outHeight;
  const { rgba, width } = image;
  const maxX = region.x + region.width - 1;
  const maxY = region.y + region.height - 1;
  for (let oy = 0; oy < outHeight; oy++) {
    const fy = Math.min(maxY, Math.max(region.y, region.y + (oy + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(maxY, y0 + 1);
    const wy = fy - y0;
    for (let ox = 0; ox < outWidth; ox++) {
      const fx = Math.min(maxX, Math.max(region.x, region.x + (ox + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(maxX, x0 + 1);
      const wx = fx - x0;
      const a = (y0 * width + x0) * 4;
      const b = (y0 * width + x1) * 4;
      const c = (y1 * width + x0) * 4;
      const d = (y1 * width + x1) * 4;
      for (let ch = 0; ch < 3; ch++) {
        // RGBA channel 2 − ch: blue first.
        const k = 2 - ch;
        const top = (rgba[a + k] as number) * (1 - wx) + (rgba[b + k] as number) * wx;
        const bottom = (rgba[c + k] as number) * (1 - wx) + (rgba[d + k] as number) * wx;
        const v = (top * (1 - wy) + bottom * wy) / 255;
        out[ch * plane + oy * outWidth + ox] = (v - (norm.mean[ch] as number)) / (norm.std[ch] as number);
      }
    }
  }
  return out;
}

/**
 * Greedy CTC decoding of `steps` × `classes` probabilities: the most likely class at each step,
 * blanks (class 0) dropped and repeats collapsed; a character's confidence is the highest
 * probability over the steps that gave it. `dictionary[k - 1]` is class k.
 */
export function ctcDecode(
  probs: Float32Array,
  steps: number,
  classes: number,
  dictionary: readonly string[],
): OcrChar[] {
  const chars: OcrChar[] = [];
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    const base = t * classes;
    for (let k = 0; k < classes; k++) {
      const p = probs[base + k] as number;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    if (best !== 0 && best === previous) {
      const last = chars[chars.length - 1];
      if (last !== undefined && bestP > last.confidence) last.confidence = bestP;
    } else if (best !== 0) {
      chars.push({ text: dictionary[best - 1] ?? "\uFFFD", confidence: bestP });
    }
    previous = best;
  }
  return chars;
}
