import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { afterAll, describe, expect, it } from "vitest";
import { docxImageCount, isImagesOnly } from "../../../src/importing/files/docx-images.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { run, writeIn } from "../../adapters/cli/cli-harness.ts";

/** A Word document whose 自评表 is a picture: a 1×1 PNG in a table cell, a title above it. */

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

function picture(): ImageRun {
  return new ImageRun({ type: "png", data: PNG, transformation: { width: 400, height: 300 } });
}

async function pictureDocx(paragraphs: string[]): Promise<Uint8Array> {
  const table = new Table({
    rows: [
      new TableRow({ children: [new TableCell({ children: [new Paragraph({ children: [picture()] })] })] }),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          ...paragraphs.map((t) => new Paragraph(t)),
          table,
          new Paragraph({ children: [picture()] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const dir = mkdtempSync(join(tmpdir(), "ziping-docx-images-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a .docx whose tables are pictures", () => {
  it("is refused with a Chinese message naming the file and what to provide", async () => {
    const bytes = await pictureDocx(["2021年度项目支出绩效自评表"]);
    const result = await readDocument("自评表截图.docx", bytes);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "file.docx_images_only",
        message:
          "文件 自评表截图.docx 中的表格是图片，无法读取文字（文档里只有图片，没有可读取的表格或正文）。请提供可编辑的 Word 表格或 Excel，例如 自评表.xlsx",
        path: "自评表截图.docx",
      },
    });
  });

  it("ziping import writes nothing and exits 2 with that message", async () => {
    const file = writeIn(dir, "截图.docx", await pictureDocx([]));
    const out = join(dir, "截图.json");
    const r = await run("import", file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("中的表格是图片，无法读取文字");
    expect(r.err).toContain("截图.docx");
    expect(out).not.toSatisfy(existsSync);
  });

  it("a report with pictures and a readable narrative or table is read, not refused", () => {
    const narrative = "一、基本情况\n".concat("本单位2021年度认真履行职责，完成了各项工作任务。".repeat(5));
    expect(isImagesOnly([{ type: "paragraph", text: narrative }], 2)).toBe(false);
    expect(isImagesOnly([{ type: "table", rows: [["项目名称", "市民中心运行维护费"]] }], 2)).toBe(false);
    expect(isImagesOnly([{ type: "paragraph", text: "指标\t分值\t得分" }], 2)).toBe(false);
    expect(isImagesOnly([{ type: "paragraph", text: "绩效自评表" }], 0)).toBe(false);
    expect(
      isImagesOnly(
        [
          { type: "paragraph", text: "绩效自评表" },
          { type: "table", rows: [[""]] },
        ],
        1,
      ),
    ).toBe(true);
  });

  it("counts DrawingML and VML pictures", () => {
    expect(
      docxImageCount(
        '<w:p><w:r><w:drawing><wp:inline/></w:drawing></w:r><w:r><w:pict w:id="1"/></w:r></w:p>',
      ),
    ).toBe(2);
    expect(docxImageCount("<w:p><w:r><w:t>无图</w:t></w:r></w:p>")).toBe(0);
  });
});
