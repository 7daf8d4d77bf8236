import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Rule } from "./pdf-grid.ts";
import type { PdfPage } from "./pdf-layout.ts";
import type { TextPiece } from "./pdf-text-lines.ts";

/**
 * What pdf.js gives for one page, as pdf-layout.ts takes it: the text pieces with their positions
 * and the straight segments drawn on the page (table borders), in page coordinates with y from the
 * top. Borders are stroked lines or thin filled rectangles (Word draws them either way).
 */

type Matrix = [number, number, number, number, number, number];

/** The pdf.js operator codes needed (`OPS` of pdfjs-dist 5.4). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number[];
  fill: number[];
}

/** Path drawing codes inside a `constructPath` (pdf.js DrawOPS, not exported by pdfjs-dist 5.4). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 3;
/** A filled rectangle at most this thick (points) is a border line. */
const THIN = 3;

/** Reads the text pieces and the drawn segments of one page. */
export async function readPdfPage(page: PDFPageProxy, ops: PathOps, withRules: boolean): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const content = await page.getTextContent();
  const pieces: TextPiece[] = [];
  for (const item of content.items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    const m = multiply(view, item.transform as Matrix);
    const size = Math.hypot(m[2], m[3]);
    if (size <= 0) continue;
    pieces.push({ text: item.str, x: m[4], y: m[5], width: item.width * viewport.scale, size });
  }
  const rules = withRules && pieces.length > 0 ? await pageRules(page, ops, view) : [];
  return { width: viewport.width, height: viewport.height, pieces, rules };
}

async function pageRules(page: PDFPageProxy, ops: PathOps, view: Matrix): Promise<Rule[]> {
  const list = await page.getOperatorList();
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args !== null) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.constructPath && args !== null) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | null)?.[0];
      if (data === undefined) continue;
      const stroke = ops.stroke.includes(paint);
      if (!stroke && !ops.fill.includes(paint)) continue;
      const m = multiply(view, ctm);
      for (const path of subpaths(data)) {
        const points = path.map(([x, y]) => apply(m, x, y));
        rules.push(...(stroke ? strokes(points) : thinFill(points)));
      }
    }
  }
  return rules;
}

/** The subpaths of pdf.js path data, each as its points (a closed one ends with its first point). */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const paths: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i];
    if (op === MOVE_TO) {
      if (current.length > 0) paths.push(current);
      current = [[data[i + 1] ?? 0, data[i + 2] ?? 0]];
      i += 3;
    } else if (op === LINE_TO) {
      current.push([data[i + 1] ?? 0, data[i + 2] ?? 0]);
      i += 3;
    } else if (op === CURVE_TO) {
      // A curve is not a border: the subpath is broken there.
      if (current.length > 0) paths.push(current);
      current = [[data[i + 5] ?? 0, data[i + 6] ?? 0]];
      i += 7;
    } else if (op === CLOSE_PATH) {
      const first = current[0];
      if (first !== undefined) current.push(first);
      i += 1;
    } else {
      break;
    }
  }
  if (current.length > 0) paths.push(current);
  return paths;
}

function strokes(points: readonly [number, number][]): Rule[] {
  const out: Rule[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a !== undefined && b !== undefined) out.push({ x1: a[0], y1: a[1], x2: b[0], y2: b[1] });
  }
  return out;
}

/** A filled shape that is a thin bar (a border drawn as a rectangle): its middle line. */
function thinFill(points: readonly [number, number][]): Rule[] {
  if (points.length < 4) return [];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x1 = Math.min(...xs);
  const x2 = Math.max(...xs);
  const y1 = Math.min(...ys);
  const y2 = Math.max(...ys);
  if (y2 - y1 <= THIN && x2 - x1 > THIN) return [{ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 }];
  if (x2 - x1 <= THIN && y2 - y1 > THIN) return [{ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 }];
  return [];
}

function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}
