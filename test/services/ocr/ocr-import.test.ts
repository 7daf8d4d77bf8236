import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { beforeAll, describe, expect, it } from "vitest";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { importFile } from "../../../src/services/import-file.ts";
import { loadReports } from "../../../src/services/load-reports.ts";
import { paddleOcr } from "../../../src/services/ocr/paddle-ocr.ts";
import { BUDGET_LINES, renderFixturePage, scanPdf } from "./scan-pages.ts";

/**
 * Scans made in the test: page 2 of a text PDF (the budget table of seed 000, fonts embedded, so
 * no system font is needed) drawn at 200 dpi, saved as a .png picture and wrapped as a JPEG in a
 * PDF without a text layer; both are imported through the import path and read by OCR.
 */

const dir = mkdtempSync(join(tmpdir(), "ziping-ocr-"));
let pagePng: Buffer;
let pageJpeg: { bytes: Buffer; width: number; height: number };

beforeAll(async () => {
  const canvas = await renderFixturePage("fixtures/pdf/seed-000-text.pdf", 2);
  pagePng = canvas.toBuffer("image/png");
  pageJpeg = { bytes: canvas.toBuffer("image/jpeg", 95), width: canvas.width, height: canvas.height };
}, 60_000);

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

  it("loads the engine once per process: every file read (a review's many scans) gets the same one", async () => {
    const first = paddleOcr();
    expect(paddleOcr()).toBe(first);
    const engine = await first;
    expect(await paddleOcr()).toBe(engine);
  }, 120_000);

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
