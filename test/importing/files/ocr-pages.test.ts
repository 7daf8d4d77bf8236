import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { imageHeader } from "../../../src/importing/files/image-header.ts";
import { ocrPages, type PageImage } from "../../../src/importing/files/ocr-pages.ts";
import type { OcrEngine, OcrPageRead } from "../../../src/importing/files/ocr-port.ts";

/** A 10×10 white page, 595 points wide. */
const page: PageImage = {
  ok: true,
  image: { width: 10, height: 10, rgba: new Uint8Array(400).fill(255) },
  widthPoints: 595,
};

/** An engine answering each page with the next of `answers` (the last one over and over). */
function engine(answers: OcrPageRead[]): OcrEngine {
  let n = 0;
  return {
    name: "测试引擎",
    readPage: async () => answers[Math.min(n++, answers.length - 1)] as OcrPageRead,
  };
}

const text = (s: string, confidence = 1): OcrPageRead => ({
  ok: true,
  pieces: [{ x: 1, y: 2, width: 5, height: 1, chars: [...s].map((c) => ({ text: c, confidence })) }],
});

describe("ocrPages", () => {
  it("reads the first pages up to the limit and lists the rest, each unreadable page with its reason", async () => {
    const answers = [text("预算执行率97%"), { ok: false as const, reason: "timeout" as const }, text("")];
    const limits = { maxPages: 3, pageTimeMs: 60_000, fileTimeMs: 600_000 };
    const numbers = [1, 2, 3, 4, 5];
    const read = await ocrPages(5, numbers, async () => page, engine(answers), limits);
    expect(read.pages.map((p) => [p.number, p.page.pieces])).toEqual([
      [1, [{ text: "预算执行率97%", x: 59.5, y: 178.5, width: 297.5, size: 59.5 }]],
    ]);
    expect(read.provenance).toEqual({
      engine: "测试引擎",
      pages: 5,
      read: 1,
      unreadPages: [
        { page: 2, reason: "识别超过 60 秒仍未完成，已放弃（图像可能过于复杂）" },
        { page: 3, reason: "没有识别出文字（空白页，或图像太模糊、太小）" },
        { page: 4, last: 5, reason: "超过 OCR 识别的上限 3 页，未识别（请只导出自评报告所在的页面）" },
      ],
      unclearFigures: [],
    });
  });

  it("stops when the file's time is spent and drops pieces the engine is unsure of as noise", async () => {
    let now = 0;
    const clock = () => now;
    const pageImage = async (n: number): Promise<PageImage> => {
      now = n * 400_000;
      return page;
    };
    const limits = { maxPages: 60, pageTimeMs: 60_000, fileTimeMs: 600_000 };
    const answers = [text("噪点噪点", 0.3), text("合计1O5万元")];
    const read = await ocrPages(4, [1, 2, 3, 4], pageImage, engine(answers), limits, clock);
    expect(read.provenance.unreadPages).toEqual([
      { page: 1, reason: "没有识别出文字（空白页，或图像太模糊、太小）" },
      { page: 3, last: 4, reason: "整个文件的识别时间已超过上限 10 分钟，未识别" },
    ]);
    expect(read.pages.map((p) => p.page.pieces[0]?.text)).toEqual(["合计\uFFFD万元"]);
    expect(read.provenance.unclearFigures).toEqual([
      { page: 2, seen: "1O5", why: "数字中夹有形似数字的字母“O”" },
    ]);
  });
});

describe("imageHeader", () => {
  it("reads the declared size of a PNG and of a JPEG without decoding them", () => {
    const canvas = createCanvas(321, 123);
    expect(imageHeader(canvas.toBuffer("image/png"))).toEqual({ type: "png", width: 321, height: 123 });
    expect(imageHeader(canvas.toBuffer("image/jpeg"))).toEqual({ type: "jpeg", width: 321, height: 123 });
    expect(imageHeader(Buffer.from("%PDF-1.4"))).toBe(null);
  });
});
