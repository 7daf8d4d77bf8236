import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Result } from "../../../src/core/result.ts";
import { contentText, type DocumentContent } from "../../../src/importing/files/document-content.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { writePdf } from "./pdf-writer.ts";
import { docxWithBody, writeZip } from "./zip-writer.ts";

/**
 * `readDocument` on PDFs: text in a standard font and in a Chinese font that is not embedded (read
 * through the CMaps pdfjs-dist ships), a ruled table with a merged cell, and every kind of bad PDF
 * refused with its code and a Chinese message naming the file and what to do.
 */

const root = join(import.meta.dirname, "../../..");
const fixture = (name: string) => new Uint8Array(readFileSync(join(root, "fixtures/pdf", name)));

function content(result: Result<DocumentContent>): DocumentContent {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure(result: Result<DocumentContent>): { code: string; message: string } {
  if (result.ok) throw new Error("expected a failure");
  return { code: result.error.code, message: result.error.message };
}

/** A ruled 3 × 3 table at x 72–372, y 700–640 (rows 20 high); the first row's last two cells merged. */
function ruledTable() {
  const h = [700, 680, 660, 640].map((y) => ({ line: [72, y, 372, y] as [number, number, number, number] }));
  const v = [
    { line: [72, 700, 72, 640] as [number, number, number, number] },
    { line: [172, 700, 172, 640] as [number, number, number, number] },
    // The rule between columns 2 and 3 stops under the first row: its two cells are one.
    { line: [272, 680, 272, 640] as [number, number, number, number] },
    { line: [372, 700, 372, 640] as [number, number, number, number] },
  ];
  const cell = (text: string, x: number, y: number, font: "cjk" | "latin" = "cjk") => ({ text, x, y, font });
  return [
    ...h,
    ...v,
    cell("项目", 76, 686),
    cell("预算情况（万元）", 180, 686),
    cell("年初预算数", 76, 666),
    cell("561.41", 176, 666, "latin"),
    cell("97%", 276, 666, "latin"),
    cell("全年执行数", 76, 646),
    cell("545.06", 176, 646, "latin"),
  ];
}

describe("readDocument reads the text layer of a PDF", () => {
  it("reads a non-embedded Chinese font through its CMap, Latin text, and a ruled table with a merged cell", async () => {
    const bytes = writePdf([
      {
        marks: [
          { text: "金水区电子政务中心", x: 72, y: 760, size: 16, font: "cjk" },
          { text: "2021", x: 72, y: 730, font: "latin" },
          { text: "年度部门整体绩效自评报告", x: 94.5, y: 730, font: "cjk" },
          ...ruledTable(),
        ],
      },
    ]);
    const read = content(await readDocument("报告.pdf", bytes));
    expect(read).toEqual({
      format: "pdf",
      blocks: [
        { type: "paragraph", text: "金水区电子政务中心" },
        { type: "paragraph", text: "2021年度部门整体绩效自评报告" },
        {
          type: "table",
          rows: [
            ["项目", "预算情况（万元）", ""],
            ["年初预算数", "561.41", "97%"],
            ["全年执行数", "545.06", ""],
          ],
        },
      ],
    });
  });

  it("reads a table whose borders are thin filled bars drawn cell by cell, as Word draws them", async () => {
    // Two rows of 20 and three columns of 100 from (72, 700) down; every cell draws its own borders.
    const bars: { bar: [number, number, number, number] }[] = [];
    for (const top of [700, 680]) {
      for (const x of [72, 172, 272]) {
        bars.push({ bar: [x, top - 0.25, 100, 0.5] }, { bar: [x, top - 20.25, 100, 0.5] });
        bars.push({ bar: [x - 0.25, top - 20, 0.5, 20] }, { bar: [x + 99.75, top - 20, 0.5, 20] });
      }
    }
    const cells = [
      { text: "预算执行率", x: 76, y: 686, font: "cjk" as const },
      { text: "分值", x: 176, y: 686, font: "cjk" as const },
      { text: "得分", x: 276, y: 686, font: "cjk" as const },
      { text: "97%", x: 76, y: 666 },
      { text: "10", x: 176, y: 666 },
      { text: "9", x: 276, y: 666 },
    ];
    expect(content(await readDocument("表.pdf", writePdf([{ marks: [...bars, ...cells] }]))).blocks).toEqual([
      {
        type: "table",
        rows: [
          ["预算执行率", "分值", "得分"],
          ["97%", "10", "9"],
        ],
      },
    ]);
  });

  it("reads a PDF under another name by its %PDF- start", async () => {
    const bytes = writePdf([{ marks: [{ text: "自评报告", x: 72, y: 760, font: "cjk" }] }]);
    expect(contentText(content(await readDocument("自评报告.docx", bytes)))).toBe("自评报告");
  });

  it("reads a PDF with only a permissions password (it opens without one)", async () => {
    const text = contentText(content(await readDocument("受限.pdf", fixture("restricted.pdf"))));
    expect(text.split("\n").slice(0, 3)).toEqual([
      "电子政务中心部门整体绩效自评报告",
      "一、基本情况",
      "(一)部门年度履职目标及主要任务。",
    ]);
  });

  it("reads the text next to a huge image without decoding it, and next to a font that is garbage", async () => {
    const huge = writePdf([
      {
        marks: [
          { image: { width: 100_000, height: 100_000 } },
          { text: "Text over a huge image", x: 72, y: 760 },
        ],
      },
    ]);
    expect(contentText(content(await readDocument("大图.pdf", huge)))).toBe("Text over a huge image");
    const garbage = new Uint8Array(4 << 20).map((_, i) => (i * 7919) % 251);
    const bomb = writePdf(
      [
        {
          marks: [
            { text: "Font bomb", x: 72, y: 760, font: "embedded" },
            { text: "Readable 2021", x: 72, y: 700 },
          ],
        },
      ],
      { embeddedFont: garbage },
    );
    expect(contentText(content(await readDocument("字体.pdf", bomb)))).toBe("Font bomb\nReadable 2021");
  });
});

describe("readDocument refuses a PDF it cannot read, naming the file and what to do", () => {
  it("file.pdf_encrypted: an open password (LibreOffice export) or a security handler it cannot open", async () => {
    const message =
      "文件 加密.pdf 设置了打开密码（已加密），无法读取。请取消密码后重新导出 PDF，或提供 Word 版本，例如 自评报告.docx";
    expect(failure(await readDocument("加密.pdf", fixture("encrypted.pdf")))).toEqual({
      code: "file.pdf_encrypted",
      message,
    });
    const handmade = writePdf([{ marks: [{ text: "x", x: 72, y: 700 }] }], { encrypted: true });
    expect(failure(await readDocument("加密.pdf", handmade))).toEqual({
      code: "file.pdf_encrypted",
      message,
    });
  });

  it("file.pdf_scanned: pages that are only images", async () => {
    const page = { marks: [{ image: { width: 200, height: 280 } }] };
    expect(failure(await readDocument("扫描件.pdf", writePdf([page, page])))).toEqual({
      code: "file.pdf_scanned",
      message:
        "文件 扫描件.pdf 共 2 页，都是图片，没有文字层，是扫描件，无法读取其中的文字（未启用 OCR 识别）。请提供带文字的 PDF 或 Word 版本，例如 自评报告.docx",
    });
  });

  it("file.pdf_no_text: pages with neither text nor images", async () => {
    const bytes = writePdf([{ marks: [{ line: [72, 700, 372, 700] }] }]);
    expect(failure(await readDocument("空白.pdf", bytes)).code).toBe("file.pdf_no_text");
  });

  it("file.pdf_too_many_pages: 500 pages, over the 300-page limit, refused before a page is read", async () => {
    const pages = Array.from({ length: 500 }, (_, i) => ({
      marks: [{ text: `Page ${i + 1}`, x: 72, y: 760 }],
    }));
    expect(failure(await readDocument("汇编.pdf", writePdf(pages)))).toEqual({
      code: "file.pdf_too_many_pages",
      message:
        "文件 汇编.pdf 共 500 页，超过 PDF 的上限 300 页，未读取（自评报告一般不超过 100 页）。请只导出自评报告所在的页面另存为 PDF 后再导入，例如 自评报告.pdf",
    });
  });

  it("file.pdf_timeout: a read that passes the time limit is given up", async () => {
    const bytes = writePdf([{ marks: [{ text: "slow", x: 72, y: 760 }] }]);
    expect(failure(await readDocument("慢.pdf", bytes, { timeLimitMs: 0 }))).toEqual({
      code: "file.pdf_timeout",
      message:
        "文件 慢.pdf 在 0 秒内未能读完（可能含有异常复杂的字体或图形），为安全起见已停止读取。请提供带文字的 PDF 或 Word 版本，例如 自评报告.docx",
    });
  });

  it("file.pdf_timeout: a content stream that inflates to 100 MB of operators is stopped mid-parse", async () => {
    // 25 million "q Q" operators in 100 KB: pdf.js would parse for many seconds; the limit is 1 s.
    const stream = deflateSync(Buffer.alloc(100 << 20, "q Q "), { level: 9 });
    const head = [
      "%PDF-1.4",
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >> endobj",
      `4 0 obj << /Length ${stream.length} /Filter /FlateDecode >> stream\n`,
    ].join("\n");
    const tail = "\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    const bytes = Buffer.concat([Buffer.from(head, "latin1"), stream, Buffer.from(tail, "latin1")]);
    expect(failure(await readDocument("炸弹.pdf", bytes, { timeLimitMs: 1000 })).message).toBe(
      "文件 炸弹.pdf 在 1 秒内未能读完（可能含有异常复杂的字体或图形），为安全起见已停止读取。请提供带文字的 PDF 或 Word 版本，例如 自评报告.docx",
    );
  });

  it("file.pdf_too_complex: the parser's thread passing its heap limit is stopped, the process goes on", async () => {
    const seed = readFileSync(join(root, "fixtures/converted/000_0839647822e00506.pdf"));
    expect(failure(await readDocument("复杂.pdf", seed, { heapLimitMb: 4 }))).toEqual({
      code: "file.pdf_too_complex",
      message:
        "文件 复杂.pdf 读取时占用的内存超过上限 4 MB（可能含有异常巨大的字体或图形），为安全起见已停止读取。请提供带文字的 PDF 或 Word 版本，例如 自评报告.docx",
    });
    // The same file within the usual limit is read.
    expect(contentText(content(await readDocument("复杂.pdf", seed))).split("\n")[0]).toBe(
      "电子政务中心部门整体绩效自评报告",
    );
  });

  it("file.not_pdf: a .pdf that is a zip (a renamed Word file), or text", async () => {
    expect(failure(await readDocument("报告.pdf", docxWithBody("<w:p/>")))).toEqual({
      code: "file.not_pdf",
      message:
        "文件 报告.pdf 不是有效的 PDF 文件（PDF 文件以“%PDF-”开头）：它实际是 zip 压缩包，可能是改了扩展名的 Word 或 Excel 文件。请用原来的程序打开它，另存为 PDF 或 Word（.docx）后再导入，例如 自评报告.pdf",
    });
    expect(failure(await readDocument("报告.pdf", writeZip([{ name: "a.txt", data: "x" }]))).code).toBe(
      "file.not_pdf",
    );
    expect(failure(await readDocument("报告.pdf", new TextEncoder().encode("自评报告"))).message).toContain(
      "：它实际是文本文件。",
    );
    expect(
      failure(await readDocument("报告.pdf", new Uint8Array([0xff, 0x00, 0x9c, 0x01]))).message,
    ).toContain("（PDF 文件以“%PDF-”开头），可能是改了扩展名的其他文件或已损坏。");
  });

  it("file.pdf_corrupt: the first half of a PDF", async () => {
    const seed = readFileSync(join(root, "fixtures/converted/000_0839647822e00506.pdf"));
    expect(failure(await readDocument("残缺.pdf", seed.subarray(0, seed.length >> 1))).code).toBe(
      "file.pdf_corrupt",
    );
  });

  it("file.too_large: a PDF over 50 MB is refused before pdf.js sees it", async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024 + 1);
    bytes.set(new TextEncoder().encode("%PDF-1.7"));
    expect(failure(await readDocument("巨大.pdf", bytes)).message).toBe(
      "文件 巨大.pdf 有 50 MB，超过 PDF 文件的上限 50 MB，未读取。请只导出自评报告部分的页面，或压缩其中的图片后另存再导入，例如 自评报告.pdf",
    );
  });
});
