import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { importFile } from "../../../src/services/import-file.ts";
import { loadReports } from "../../../src/services/load-reports.ts";

/**
 * Scans made in the test: page 2 of a text PDF (the budget table of seed 000, fonts embedded, so
 * no system font is needed) drawn at 200 dpi, saved as a .png picture and wrapped as a JPEG in a
 * PDF without a text layer; both are imported through the import path and read by OCR.
 */

const dir = mkdtempSync(join(tmpdir(), "ziping-ocr-"));
let pagePng: Buffer;
let pageJpeg: { bytes: Buffer; width: number; height: number };

async function renderFixturePage(file: string, page: number) {
  const root = join(process.cwd(), "node_modules/pdfjs-dist/");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    cMapUrl: `${root}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${root}standard_fonts/`,
    wasmUrl: `${root}wasm/`,
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
function scanPdf(
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

beforeAll(async () => {
  const canvas = await renderFixturePage("fixtures/pdf/seed-000-text.pdf", 2);
  pagePng = canvas.toBuffer("image/png");
  pageJpeg = { bytes: canvas.toBuffer("image/jpeg", 95), width: canvas.width, height: canvas.height };
}, 60_000);

/** The budget lines of seed 000's page 2 as OCR lays them out (the figures exactly as printed). */
const BUDGET_LINES = [
  "预算情况\t年初预算数\t调整预算数\t预算执行数\t预算执行率\t分值\t得分",
  "部门预算总额\t561.41\t561.41\t545.06\t97% 10\t9\t",
];

describe("OCR through the import path", () => {
  it("reads a scanned page saved as .png: the budget figures exactly, marked as read by OCR", async () => {
    const path = join(dir, "扫描页.png");
    writeFileSync(path, pagePng);
    const read = await importFile(path);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.format).toBe("image");
    expect(read.value.ocr?.engine).toBe("PaddleOCR PP-OCRv4");
    expect(read.value.ocr?.read).toBe(1);
    const lines = read.value.text.split("\n");
    expect(lines.slice(0, 2)).toEqual(BUDGET_LINES);
    expect(lines).toContain("（2）项目支出\t307.88\t307.88\t291.53\t95%\t\t");
    expect(lines).toContain("2、资金结构：（1）基本支出\t\t253.53\t253.53\t253.53\t100%\t");
  }, 300_000);

  it("reads a PDF without a text layer page by page with the same figures", async () => {
    const path = join(dir, "扫描件.pdf");
    writeFileSync(path, scanPdf([{ jpeg: pageJpeg.bytes, width: pageJpeg.width, height: pageJpeg.height }]));
    const read = await importFile(path);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.format).toBe("pdf");
    expect(read.value.ocr?.pages).toBe(1);
    // What check and review load says so too, for findings to say "（OCR 识别）".
    const loaded = await loadReports(path);
    expect(loaded.ok ? loaded.value.map((r) => r.ocr?.engine) : []).toEqual(["PaddleOCR PP-OCRv4"]);
    expect(read.value.text.split("\n").slice(0, 2)).toEqual(BUDGET_LINES);
  }, 300_000);

  it("reads a scanned page among text pages by OCR and keeps the text pages as they are", async () => {
    const path = join(dir, "盖章页.pdf");
    const scanned = { jpeg: pageJpeg.bytes, width: pageJpeg.width, height: pageJpeg.height };
    writeFileSync(path, scanPdf([{ text: "Performance self-evaluation report 2021" }, scanned]));
    const read = await importFile(path);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.ocr).toMatchObject({ pages: 2, read: 1, unreadPages: [] });
    expect(read.value.text.split("\n").slice(0, 4)).toEqual([
      "Performance self-evaluation report 2021",
      "",
      ...BUDGET_LINES,
    ]);
  }, 300_000);

  it("refuses an image bomb on its declared size before decoding it", async () => {
    // A PNG signature and IHDR declaring 100000×100000 pixels, and nothing else.
    const bomb = Buffer.from("89504e470d0a1a0a0000000d49484452000186a0000186a00806000000", "hex");
    const read = await readDocument("炸弹.png", bomb, {
      ocr: () => Promise.reject(new Error("不应加载引擎")),
    });
    expect(read).toEqual({
      ok: false,
      error: {
        code: "file.image_too_large",
        message:
          "文件 炸弹.png 是图片，声明的尺寸为 100000×100000（10,000,000,000 像素），超过上限 40,000,000 像素，为安全起见未解码。请把扫描分辨率降到 300 dpi 以下后重新保存（例如 A4 页面 2480×3508 像素），或提供 Word 版本，例如 自评报告.docx",
        path: "炸弹.png",
      },
    });
  });

  it("lists a blank scanned page as unreadable with its reason, not a crash", async () => {
    const canvas = createCanvas(800, 1100);
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, 800, 1100);
    const path = join(dir, "空白页.png");
    writeFileSync(path, canvas.toBuffer("image/png"));
    const read = await importFile(path);
    expect(read).toEqual({
      ok: false,
      error: {
        code: "file.ocr_unreadable",
        message:
          "文件 空白页.png 是扫描件，OCR 未能识别出文字（第1页：没有识别出文字（空白页，或图像太模糊、太小））。请提供带文字的 PDF 或 Word 版本，例如 自评报告.docx",
        path: "空白页.png",
      },
    });
  }, 120_000);

  it("says how to install an OCR engine when none is available", async () => {
    const missing =
      "未安装 OCR 引擎（PaddleOCR 无法加载：Cannot find package 'onnxruntime-node'）。请运行 npm ci";
    const read = await readDocument("扫描页.png", pagePng, { ocr: async () => ({ ok: false, missing }) });
    expect(read.ok ? "" : read.error.message).toBe(
      `文件 扫描页.png 是扫描件，未能识别：${missing}；或提供带文字的 PDF 或 Word 版本，例如 自评报告.docx`,
    );
  });
});
