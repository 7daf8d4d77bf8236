import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Scans made in a test: a page of a text PDF drawn to pixels (its fonts are embedded, so no system
 * font is needed), and a PDF of pages that are only pictures (no text layer), as a scanner makes.
 */

const root = join(import.meta.dirname, "../../..");

/** Page `page` (from 1) of the PDF `file` (from the project root) drawn at 200 dpi on white. */
export async function renderFixturePage(file: string, page: number) {
  const pdfjsRoot = join(root, "node_modules/pdfjs-dist/");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(join(root, file))),
    cMapUrl: `${pdfjsRoot}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsRoot}standard_fonts/`,
    wasmUrl: `${pdfjsRoot}wasm/`,
  }).promise;
  const p = await doc.getPage(page);
  const viewport = p.getViewport({ scale: 200 / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await p.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
  await doc.destroy();
  return canvas;
}

/**
 * A PDF of A4-wide pages: a JPEG picture alone (no text layer), or a line of text in Helvetica.
 */
export function scanPdf(
  pages: ReadonlyArray<{ jpeg: Buffer; width: number; height: number } | { text: string }>,
): Buffer {
  const objects: Array<string | Buffer> = ["<< /Type /Catalog /Pages 2 0 R >>", ""];
  const kids: number[] = [];
  for (const page of pages) {
    const w = 595;
    const h = "text" in page ? 842 : Math.round((595 * page.height) / page.width);
    const pageId = objects.length + 1;
    kids.push(pageId);
    const content =
      "text" in page ? `BT /F1 14 Tf 72 760 Td (${page.text}) Tj ET` : `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    const resources =
      "text" in page
        ? `<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>`
        : `<< /XObject << /Im0 ${pageId + 2} 0 R >> >>`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources ${resources} /Contents ${pageId + 1} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
    if (!("text" in page)) {
      objects.push(
        Buffer.concat([
          Buffer.from(
            `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${page.jpeg.length} >>\nstream\n`,
          ),
          page.jpeg,
          Buffer.from("\nendstream"),
        ]),
      );
    }
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let at = 9;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.from(body),
      Buffer.from("\nendobj\n"),
    ]);
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const entries = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref)]);
}

/** The budget lines of seed 000's page 2 as OCR lays them out (the figures exactly as printed). */
export const BUDGET_LINES = [
  "预算情况\t年初预算数\t调整预算数\t预算执行数\t预算执行率\t分值\t得分",
  "部门预算总额\t561.41\t561.41\t545.06\t97% 10\t9\t",
];

/** Page 2 of seed 000's text PDF (its budget table) scanned: a PDF of that one picture, no text layer. */
export async function scannedSeedPage(): Promise<Buffer> {
  const canvas = await renderFixturePage("fixtures/pdf/seed-000-text.pdf", 2);
  return scanPdf([{ jpeg: canvas.toBuffer("image/jpeg", 95), width: canvas.width, height: canvas.height }]);
}
