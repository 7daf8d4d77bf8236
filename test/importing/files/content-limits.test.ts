import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Result } from "../../../src/core/result.ts";
import { textExcess, XLSX_LIMITS, xlsxExcess } from "../../../src/importing/files/content-limits.ts";
import {
  contentRows,
  contentText,
  type DocumentContent,
} from "../../../src/importing/files/document-content.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { importDocument } from "../../../src/importing/report/import-document.ts";
import { docxWithBody, writeZip } from "./zip-writer.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

function failure(result: Result<DocumentContent>): { code: string; message: string; path?: string } {
  if (result.ok) throw new Error("expected a failure");
  return result.error;
}

/** A workbook of five rows "指标1 | 完成" … "指标5 | 完成": 6 shared strings, 10 cells, 5 rows. */
async function fiveRows(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("自评表");
  for (let i = 1; i <= 5; i += 1) sheet.addRow([`指标${i}`, "完成"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const SHEETS = "请只保留自评表所在的工作表（删去其他工作表和表格以外的行列）后另存再导入，例如 自评表.xlsx";

describe("a workbook over its content limits is refused before it is parsed", () => {
  it("names the file, what it has, the limit and what to do (limits made small for the test)", async () => {
    const bytes = await fiveRows();
    const refusal = async (xlsx: object) => failure(await readDocument("大表.xlsx", bytes, { xlsx }));
    expect(await refusal({ sharedStrings: 5 })).toEqual({
      code: "file.too_large",
      message: `文件 大表.xlsx 有 6 个共享字符串（不同的单元格文字），超过上限 5 个，未读取。${SHEETS}`,
      path: "大表.xlsx",
    });
    expect((await refusal({ cells: 9 })).message).toBe(
      `文件 大表.xlsx 的工作表共有 10 个单元格，超过上限 9 个，未读取。${SHEETS}`,
    );
    expect((await refusal({ rows: 4 })).message).toBe(
      `文件 大表.xlsx 的工作表共有 5 行，超过上限 4 行，未读取。${SHEETS}`,
    );
    const read = await readDocument("大表.xlsx", bytes, { xlsx: { sharedStrings: 6, cells: 10, rows: 5 } });
    expect(read.ok && read.value.blocks).toEqual([
      { type: "table", sheet: "自评表", rows: [1, 2, 3, 4, 5].map((i) => [`指标${i}`, "完成"]) },
    ]);
  });

  it("refuses on the sheet sizes the zip directory declares, before inflating anything", async () => {
    const sheet = `<worksheet><sheetData>${"<row><c><v>1</v></c></row>".repeat(100)}</sheetData></worksheet>`;
    const bytes = writeZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: "<workbook/>" },
      { name: "xl/worksheets/sheet1.xml", data: sheet },
      { name: "xl/sharedStrings.xml", data: "<sst/>" },
    ]);
    expect(sheet.length + "<sst/>".length).toBe(22 + 26 * 100 + 24 + 6);
    expect(failure(await readDocument("宽表.xlsx", bytes, { xlsx: { xmlBytes: 2048 } })).message).toBe(
      `文件 宽表.xlsx 的工作表解压后共有 2.6 KB，超过上限 2 KB，未读取。${SHEETS}`,
    );
  });

  it("counts start tags with or without a namespace prefix, and no look-alike elements", () => {
    const parts = new Map([
      ["xl/sharedStrings.xml", utf8("<x:sst><x:si><x:t>甲</x:t></x:si><si><t>乙</t></si><si/></x:sst>")],
      [
        "xl/worksheets/sheet1.xml",
        utf8(
          '<worksheet><cols><col min="1"/></cols><sheetData><row r="1"><c r="A1"/><x:c r="B1">' +
            '<v>1</v></x:c></row><x:row r="2"><c r="A2"></c></x:row></sheetData><rowBreaks count="0"/></worksheet>',
        ),
      ],
    ]);
    const limits = { sharedStrings: 2, cells: 3, rows: 2, xmlBytes: 1000 };
    expect(xlsxExcess(parts, limits)).toEqual({ what: "sharedStrings", count: 3, limit: 2 });
    expect(xlsxExcess(parts, { ...limits, sharedStrings: 3, cells: 2 })).toEqual({
      what: "cells",
      count: 3,
      limit: 2,
    });
    expect(xlsxExcess(parts, { ...limits, sharedStrings: 3, rows: 1 })).toEqual({
      what: "rows",
      count: 2,
      limit: 1,
    });
    expect(xlsxExcess(parts, { ...limits, sharedStrings: 3 })).toBeNull();
  });

  it("the default limits: 50,000 shared strings, 100,000 cells, 50,000 rows, 10 MB of sheet XML", () => {
    expect(XLSX_LIMITS).toEqual({
      sharedStrings: 50_000,
      cells: 100_000,
      rows: 50_000,
      xmlBytes: 10_485_760,
    });
  });
});

describe("a text file over its line or character limit is refused", () => {
  it("names the file, the count and the limit", async () => {
    const text = "第一行\n第二行\r\n第三行\r第四行";
    expect(textExcess(text, { lines: 4, chars: 100 })).toBeNull();
    expect(failure(await readDocument("长.txt", utf8(text), { text: { lines: 3 } }))).toEqual({
      code: "file.too_large",
      message:
        "文件 长.txt 有 4 行，超过文本文件的上限 3 行，未读取。请只保留报告正文和表格后再导入，例如 自评报告.txt",
      path: "长.txt",
    });
    expect(failure(await readDocument("长.md", utf8(text), { text: { chars: 15 } })).message).toBe(
      "文件 长.md 有 16 个字符，超过文本文件的上限 15 个字符，未读取。请只保留报告正文和表格后再导入，例如 自评报告.txt",
    );
  });
});

describe("a Word document over its limits is refused", () => {
  const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const ADVICE = "请只保留报告正文和表格，删去附件等其他内容后另存再导入，例如 自评报告.docx";

  it("counts paragraphs and table rows as lines, and the characters of both", async () => {
    const body = `${p("一、部门概况")}<w:tbl><w:tr><w:tc>${p("指标")}</w:tc><w:tc>${p("95%")}</w:tc></w:tr></w:tbl>`;
    const bytes = docxWithBody(body);
    expect(failure(await readDocument("报告.docx", bytes, { text: { lines: 1 } }))).toEqual({
      code: "file.too_large",
      message: `文件 报告.docx 有 2 段（段落和表格行），超过 Word 文档的上限 1 段，未读取。${ADVICE}`,
      path: "报告.docx",
    });
    expect(failure(await readDocument("报告.docx", bytes, { text: { chars: 10 } })).message).toBe(
      `文件 报告.docx 有 11 个字符，超过 Word 文档的上限 10 个字符，未读取。${ADVICE}`,
    );
    expect((await readDocument("报告.docx", bytes, { text: { lines: 2, chars: 11 } })).ok).toBe(true);
  });

  it("a document.xml declared over 20 MB is refused before it is inflated", async () => {
    const bytes = writeZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w:document/>", declaredSize: 21 * 1024 * 1024 },
    ]);
    expect(failure(await readDocument("巨大.docx", bytes)).message).toBe(
      `文件 巨大.docx 的正文解压后有 21 MB，超过 Word 文档的上限 20 MB，未读取。${ADVICE}`,
    );
  });
});

describe("a 1 MB text is read in one pass (a quadratic step would not finish)", () => {
  const reason = (line: number) =>
    `第${line}行不属于可识别的表格（自评表表头、年度主要任务、预算情况、绩效指标、各项指标得分情况表），未读取`;

  it("59,489 two-cell rows: each listed once as unread, in order, with its line", async () => {
    const rows = Array.from({ length: 59_489 }, (_, i) => `名称${i + 1}\t${i + 1}\n`);
    const bytes = utf8(rows.join(""));
    expect(bytes.length).toBe(1_048_590);
    const read = await readDocument("一兆.txt", bytes);
    if (!read.ok) throw new Error(read.error.message);
    const [report, ...others] = importDocument(contentRows(read.value), contentText(read.value));
    expect(others).toEqual([]);
    expect(report?.fragment).toEqual({});
    expect(report?.reads).toEqual([]);
    expect(report?.unread).toEqual(
      rows.map((_, i) => ({ line: i + 1, text: `名称${i + 1} | ${i + 1}`, reason: reason(i + 1) })),
    );
  }, 60_000);

  // The quadratic import took 52 s for 100,000 two-cell lines: 262,144 would take about six minutes.
  it("262,144 lines a<tab>b (the line limit widened): each listed once, in order", async () => {
    const bytes = utf8("a\tb\n".repeat(262_144));
    expect(bytes.length).toBe(1024 * 1024);
    const read = await readDocument("一兆.txt", bytes, { text: { lines: 300_000 } });
    if (!read.ok) throw new Error(read.error.message);
    const [report, ...others] = importDocument(contentRows(read.value), contentText(read.value));
    expect(others).toEqual([]);
    expect(report?.fragment).toEqual({});
    expect(report?.unread).toEqual(
      Array.from({ length: 262_144 }, (_, i) => ({ line: i + 1, text: "a | b", reason: reason(i + 1) })),
    );
  }, 60_000); // no timing asserted: room for a slow shared machine, far short of a quadratic pass
});
