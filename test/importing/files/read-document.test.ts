import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Result } from "../../../src/core/result.ts";
import type { DocumentContent } from "../../../src/importing/files/document-content.ts";
import { MAX_TEXT_FILE_BYTES } from "../../../src/importing/files/file-limits.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { docxWithBody, writeZip } from "./zip-writer.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Deterministic pseudo-random bytes (xorshift), so a test never depends on chance. */
function noise(length: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function failure(result: Result<DocumentContent>): { code: string; message: string; path?: string } {
  if (result.ok) throw new Error("expected a failure");
  return result.error;
}

function content(result: Result<DocumentContent>): DocumentContent {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("readDocument refuses what it cannot read safely, with a stable code and a Chinese message", () => {
  it("file.empty: no bytes, or nothing but blanks", async () => {
    expect(failure(await readDocument("自评报告.docx", new Uint8Array()))).toEqual({
      code: "file.empty",
      message:
        "文件 自评报告.docx 是空的，没有可读取的内容。请选择写有报告内容的文件，例如 自评报告.docx 或 自评表.xlsx",
      path: "自评报告.docx",
    });
    expect(failure(await readDocument("a.txt", utf8("\uFEFF \n\t\n"))).code).toBe("file.empty");
  });

  it("file.too_large: a 50 MB text is refused at once, without decoding it", async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const start = performance.now();
    const error = failure(await readDocument("报告.txt", big));
    const elapsed = performance.now() - start;
    expect(error.code).toBe("file.too_large");
    expect(error.message).toBe(
      "文件 报告.txt 有 50 MB，超过文本文件的上限 5 MB，未读取。请只保留报告正文和表格后再导入，例如 自评报告.txt",
    );
    expect(elapsed).toBeLessThan(50);
    // A text of exactly 5 MB is read (1,747,626 three-byte characters and "aa": under 2,000,000 characters).
    const atLimit = utf8(`${"一".repeat((MAX_TEXT_FILE_BYTES - 2) / 3)}aa`);
    expect(atLimit.length).toBe(MAX_TEXT_FILE_BYTES);
    expect(content(await readDocument("a.txt", atLimit)).format).toBe("text");
  });

  it("file.too_large: an office file over 20 MB", async () => {
    const error = failure(await readDocument("a.xlsx", new Uint8Array(21 * 1024 * 1024)));
    expect(error.code).toBe("file.too_large");
    expect(error.message).toContain("有 21 MB，超过 Word/Excel 文件的上限 20 MB");
  });

  it("file.not_zip: a text file or random bytes renamed .docx/.xlsx", async () => {
    const text = failure(await readDocument("改名.docx", utf8("部门整体绩效自评表\n单位：万元")));
    expect(text).toEqual({
      code: "file.not_zip",
      message:
        "文件 改名.docx 不是有效的 Word 文件：.docx 文件应是 zip 压缩包，这个文件不是，可能是改了扩展名的其他文件或已损坏。请用 Word 打开原文件，另存为 .docx 后再导入，例如 自评报告.docx",
      path: "改名.docx",
    });
    expect(failure(await readDocument("随机.docx", noise(4096))).code).toBe("file.not_zip");
    expect(failure(await readDocument("随机.xlsx", noise(4096))).message).toContain("不是有效的 Excel 文件");
  });

  it("file.not_zip: starts like a zip but has no central directory (truncated)", async () => {
    const truncated = docxWithBody("<w:p/>").subarray(0, 60);
    const error = failure(await readDocument("截断.docx", truncated));
    expect(error.code).toBe("file.not_zip");
    expect(error.message).toContain("（找不到 zip 目录（文件不是 zip 压缩包，或被截断））");
  });

  it("file.zip_bomb: a document.xml that declares 1 KB but inflates past the limit", async () => {
    const zeros = new Uint8Array(32 * 1024 * 1024);
    const bomb = writeZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: zeros, compressed: deflateRawSync(zeros), declaredSize: 1024 },
    ]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const start = performance.now();
    const error = failure(await readDocument("炸弹.docx", bomb));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(error).toEqual({
      code: "file.zip_bomb",
      message:
        "文件 炸弹.docx 解压后的内容异常巨大（其中 word/document.xml 的压缩比超过 200 倍，疑似“压缩炸弹”），为安全起见未读取。请用 Word 打开确认内容后重新另存为 .docx 再导入，例如 自评报告.docx",
      path: "炸弹.docx",
    });
    const xlsxBomb = writeZip([
      { name: "xl/workbook.xml", data: "<workbook/>" },
      { name: "xl/worksheets/sheet1.xml", data: zeros, compressed: deflateRawSync(zeros), declaredSize: 10 },
    ]);
    expect(failure(await readDocument("炸弹.xlsx", xlsxBomb)).code).toBe("file.zip_bomb");
  });

  it("file.legacy_office: Excel 97-2003 .xls, Word 97-2003 .doc, WPS, and a .doc renamed .docx", async () => {
    const ole = new Uint8Array([...OLE2, ...noise(2048)]);
    expect(failure(await readDocument("a.xls", ole))).toEqual({
      code: "file.legacy_office",
      message:
        "文件 a.xls 是旧版 Excel 97-2003 格式（.xls），无法读取。请在 Excel 中另存为 .xlsx 后再导入，例如 自评表.xlsx",
      path: "a.xls",
    });
    expect(failure(await readDocument("报告.doc", ole)).message).toBe(
      "文件 报告.doc 是旧版 Word 97-2003 格式（.doc），无法读取。请在 Word 中另存为 .docx 后再导入，例如 自评报告.docx",
    );
    expect(failure(await readDocument("报告.wps", ole)).message).toContain("WPS 文字格式（.wps）");
    expect(failure(await readDocument("报告.docx", ole)).message).toContain("实际是旧版 Word 97-2003 格式");
    expect(failure(await readDocument("网页.xls", utf8("<html><table></table></html>"))).code).toBe(
      "file.legacy_office",
    );
  });

  it("file.encrypted: a password-protected .docx (an OLE2 file holding EncryptedPackage)", async () => {
    const bytes = new Uint8Array([...OLE2, ...noise(512), ...Buffer.from("EncryptedPackage", "utf16le")]);
    const error = failure(await readDocument("加密.docx", bytes));
    expect(error.code).toBe("file.encrypted");
    expect(error.message).toContain("设置了打开密码");
  });

  it("file.unsupported_type: other extensions, no extension, a plain zip named .docx", async () => {
    expect(failure(await readDocument("报告.ofd", utf8("PK")))).toEqual({
      code: "file.unsupported_type",
      message:
        "文件 报告.ofd 的格式（.ofd）不支持。可导入 Word 文档（.docx）、Excel 工作簿（.xlsx）、带文字的 PDF（.pdf）或文本文件（.txt、.md），例如 自评报告.docx；扫描件（PDF 或 .png/.jpg 图片）经 OCR 识别",
      path: "报告.ofd",
    });
    expect(failure(await readDocument("README", utf8("text"))).message).toContain("没有扩展名");
    const plainZip = writeZip([{ name: "a.txt", data: "hello" }]);
    expect(failure(await readDocument("压缩包.docx", plainZip)).message).toBe(
      "文件 压缩包.docx 的内容不是 Word 或 Excel 文件（是普通 zip 压缩包）。可导入 Word 文档（.docx）、Excel 工作簿（.xlsx）、带文字的 PDF（.pdf）或文本文件（.txt、.md），例如 自评报告.docx；扫描件（PDF 或 .png/.jpg 图片）经 OCR 识别",
    );
  });

  it("file.corrupt: an Office zip without its main part, or with an entry that does not inflate", async () => {
    const noDocument = writeZip([{ name: "[Content_Types].xml", data: "<Types/>" }]);
    expect(failure(await readDocument("缺正文.docx", noDocument))).toEqual({
      code: "file.corrupt",
      message:
        "文件 缺正文.docx 已损坏或不完整，无法读取（缺少 word/document.xml）。请用 Word 打开后重新另存为 .docx 再导入，例如 自评报告.docx",
      path: "缺正文.docx",
    });
    const garbled = writeZip([
      { name: "word/document.xml", data: "<w:document/>", compressed: noise(64, 99), declaredSize: 13 },
    ]);
    expect(failure(await readDocument("坏.docx", garbled)).code).toBe("file.corrupt");
    const badWorkbook = writeZip([{ name: "xl/workbook.xml", data: "<workbook" }]);
    expect(failure(await readDocument("坏.xlsx", badWorkbook)).code).toBe("file.corrupt");
  });

  it("file.not_text: NUL bytes or binary data in a .txt", async () => {
    expect(failure(await readDocument("a.txt", new Uint8Array([0x61, 0x00, 0x62])))).toEqual({
      code: "file.not_text",
      message:
        "文件 a.txt 不是文本文件（含有二进制内容），无法按 .txt 读取。请导入纯文本文件，或原来的 Word（.docx）、Excel（.xlsx）文件，例如 自评报告.txt",
      path: "a.txt",
    });
    const random = noise(4096).map((b) => (b === 0 ? 1 : b));
    expect(failure(await readDocument("a.md", random)).code).toBe("file.not_text");
  });
});

describe("readDocument decodes text files", () => {
  const tableText = "指标\t权重分值\n预算执行\t10";

  it("reads GB18030 (GBK) bytes that are not valid UTF-8", async () => {
    const gbk = Buffer.from("d6b8b1ea09c8a8d6d8b7d6d6b50ad4a4cbe3d6b4d0d0093130", "hex");
    expect(content(await readDocument("gbk.txt", gbk))).toEqual({
      format: "text",
      blocks: [{ type: "paragraph", text: tableText }],
    });
  });

  it("drops a UTF-8 byte-order mark and reads UTF-16 with a mark", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(tableText)]);
    expect(content(await readDocument("a.md", bom)).blocks).toEqual([{ type: "paragraph", text: tableText }]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(tableText, "utf16le")]);
    expect(content(await readDocument("a.TXT", utf16)).blocks).toEqual([
      { type: "paragraph", text: tableText },
    ]);
  });

  it("keeps the text as written (line endings included) so it reads as the paste does", async () => {
    const crlf = "单位：万元\r\n指标\t得分\r\n";
    expect(content(await readDocument("a.txt", utf8(crlf))).blocks).toEqual([
      { type: "paragraph", text: crlf },
    ]);
  });

  it("takes a real .docx named .doc or .xls by its content", async () => {
    const docx = docxWithBody("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
    expect(content(await readDocument("其实是新版.doc", docx))).toEqual({
      format: "docx",
      blocks: [{ type: "paragraph", text: "正文" }],
    });
  });
});
