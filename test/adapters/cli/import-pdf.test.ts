import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writePdf } from "../../importing/files/pdf-writer.ts";
import { docxWithBody } from "../../importing/files/zip-writer.ts";
import { run, writeIn } from "./cli-harness.ts";

/**
 * `ziping import` and `ziping check` on PDFs: a seed converted to PDF is read like its text, and a
 * PDF that cannot be read gets its Chinese message on stderr, exit 2, no stack trace and no file.
 */

const root = join(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "ziping-import-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, data: Uint8Array): string => writeIn(dir, name, data);
const image = { marks: [{ image: { width: 200, height: 280 } }] };

describe("ziping import on PDFs", () => {
  it("imports seed 000 as a PDF to the same unit, year, kind and score as the text", async () => {
    const pdf = join(root, "fixtures/converted/000_0839647822e00506.pdf");
    const out = join(dir, "seed-000.json");
    const r = await run("import", pdf, "--out", out);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(`读取 ${pdf}（PDF 文档）：找到 1 份报告`);
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      unit: { name: string };
      year: number;
      kind: string;
    };
    expect([report.unit.name, report.year, report.kind]).toEqual([
      "郑州市金水区电子政务中心",
      2021,
      "department",
    ]);
  });

  const cases: [string, () => string, RegExp][] = [
    [
      "an encrypted PDF",
      () => join(root, "fixtures/pdf/encrypted.pdf"),
      /^文件 encrypted\.pdf 设置了打开密码（已加密），无法读取。请取消密码后重新导出 PDF/,
    ],
    [
      "a .pdf that is really a zip",
      () => write("报告.pdf", docxWithBody("<w:p/>")),
      /^文件 报告\.pdf 不是有效的 PDF 文件（PDF 文件以“%PDF-”开头）：它实际是 zip 压缩包/,
    ],
    [
      "a 500-page PDF",
      () =>
        write(
          "汇编.pdf",
          writePdf(Array.from({ length: 500 }, () => ({ marks: [{ text: "x", x: 72, y: 700 }] }))),
        ),
      /^文件 汇编\.pdf 共 500 页，超过 PDF 的上限 300 页，未读取/,
    ],
    [
      "a scanned PDF of blank pages (read by OCR, no text found)",
      () => write("扫描件.pdf", writePdf([image, image, image])),
      /^文件 扫描件\.pdf 是扫描件，OCR 未能识别出文字（第1页：没有识别出文字（空白页，或图像太模糊、太小）；第2页：.*；第3页：.*）。/,
    ],
  ];

  it.each(cases)("import: %s — a message, exit 2, nothing written", async (_name, make, message) => {
    const out = join(dir, "out.json");
    const r = await run("import", make(), "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/内部错误|Error|at .*\.(ts|mjs|js):\d+/);
    expect(r.out).toBe("");
    expect(out).not.toSatisfy(existsSync);
  });

  it.each(cases)("check: %s — a message, exit 2, no report", async (_name, make, message) => {
    const r = await run("check", make(), "--json", "--db", join(dir, "none.db"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("[]");
  });

  it("import: a PDF with a huge image and a broken embedded font is read (no report in it: exit 0, it says what is missing, no trace)", async () => {
    const garbage = new Uint8Array(1 << 20).map((_, i) => (i * 7919) % 251);
    const file = write(
      "怪.pdf",
      writePdf(
        [
          {
            marks: [
              { image: { width: 100_000, height: 100_000 } },
              { text: "Font bomb", x: 72, y: 760, font: "embedded" },
            ],
          },
        ],
        { embeddedFont: garbage },
      ),
    );
    const r = await run("import", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`读取 ${file}（PDF 文档）：找到 1 份报告`);
    expect(r.out).toContain("  文件中没有写明：单位名称、年度、报告类型");
    expect(r.err).toBe("");
  });
});
