/**
 * The text boxes of a PaddleOCR DB detection map: the map gives, for each pixel, the probability
 * that it lies in (the shrunk core of) a text region. Pixels over `threshold` are joined into
 * connected regions (4-neighbourhood, one union-find pass); a region whose mean probability is
 * under `boxThreshold` is noise; each kept region's bounding box is grown back by the DB "unclip"
 * distance (area × ratio / perimeter), as PaddleOCR does, since the model marks only the core of
 * each word. Boxes are axis-aligned: report pages are scanned upright.
 */

/** A box on the detection map, in map pixels. */
export interface MapBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The thresholds of PaddleOCR's DB post-processing (its defaults). */
export interface BoxOptions {
  threshold: number;
  boxThreshold: number;
  unclipRatio: number;
  minSize: number;
}

/** PaddleOCR's defaults: det_db_thresh 0.3, det_db_box_thresh 0.6, det_db_unclip_ratio 1.5. */
export const DB_DEFAULTS: BoxOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSize: 3 };

/** The text boxes of a `width` × `height` probability map, top to bottom then left to right. */
export function textBoxes(
  map: Float32Array,
  width: number,
  height: number,
  options: BoxOptions = DB_DEFAULTS,
): MapBox[] {
  const parent = new Int32Array(width * height).fill(-1);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    let j = i;
    while (parent[j] !== r) {
      const next = parent[j] as number;
      parent[j] = r;
      j = next;
    }
    return r;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if ((map[i] as number) <= options.threshold) continue;
      parent[i] = i;
      if (x > 0 && parent[i - 1] !== -1) parent[find(i)] = find(i - 1);
      if (y > 0 && parent[i - width] !== -1) {
        const a = find(i);
        const b = find(i - width);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const regions = new Map<
    number,
    { x0: number; y0: number; x1: number; y1: number; sum: number; n: number }
  >();
  for (let i = 0; i < parent.length; i++) {
    if (parent[i] === -1) continue;
    const root = find(i);
    const x = i % width;
    const y = (i - x) / width;
    const r = regions.get(root);
    const p = map[i] as number;
    if (r === undefined) regions.set(root, { x0: x, y0: y, x1: x, y1: y, sum: p, n: 1 });
    else {
      if (x < r.x0) r.x0 = x;
      if (x > r.x1) r.x1 = x;
      if (y < r.y0) r.y0 = y;
      if (y > r.y1) r.y1 = y;
      r.sum += p;
      r.n += 1;
    }
  }
  const boxes: MapBox[] = [];
  for (const r of regions.values()) {
    const w = r.x1 - r.x0 + 1;
    const h = r.y1 - r.y0 + 1;
    if (Math.min(w, h) < options.minSize || r.sum / r.n < options.boxThreshold) continue;
    const d = (w * h * options.unclipRatio) / (2 * (w + h));
    const x0 = Math.max(0, Math.floor(r.x0 - d));
    const y0 = Math.max(0, Math.floor(r.y0 - d));
    const x1 = Math.min(width, Math.ceil(r.x1 + 1 + d));
    const y1 = Math.min(height, Math.ceil(r.y1 + 1 + d));
    boxes.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }
  return boxes.sort((a, b) => a.y - b.y || a.x - b.x);
}
