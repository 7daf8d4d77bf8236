import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { contentRows, contentText } from "../../../src/importing/files/document-content.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("xlsx content", () => {
  it("trims the empty margin, keeps inner blanks, blanks merged cells and shows formatted values", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("预算");
      sheet.getCell("B2").value = "预算情况";
      sheet.mergeCells("B2:C2");
      sheet.getCell("D2").value = "执行率";
      sheet.getCell("B3").value = "资金来源";
      sheet.mergeCells("B3:B4");
      sheet.getCell("C3").value = "财政资金";
      sheet.getCell("D3").value = 0.9566;
      sheet.getCell("D3").numFmt = "0.00%";
      sheet.getCell("C4").value = "其他资金";
      sheet.getCell("D4").value = { formula: "D3-D3", result: 0 };
      sheet.getCell("D4").numFmt = "0%";
      sheet.getCell("C6").value = new Date(Date.UTC(2022, 2, 31));
      sheet.getCell("C6").numFmt = 'yyyy"年"m"月"d"日"';
      sheet.getCell("D6").value = { richText: [{ text: "多" }, { text: "段\n文字" }] };
      sheet.getCell("F8").value = " ";
      sheet.getRow(10).height = 30;
      workbook.addWorksheet("空白");
      workbook.addWorksheet("隐藏", { state: "veryHidden" }).getCell("A1").value = "不读";
    });
    const read = await readDocument("预算.xlsx", bytes);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value).toEqual({
      format: "xlsx",
      blocks: [
        {
          type: "table",
          sheet: "预算",
          rows: [
            ["预算情况", "", "执行率"],
            ["资金来源", "财政资金", "95.66%"],
            ["", "其他资金", "0%"],
            ["", "", ""],
            ["", "2022年3月31日", "多段\n文字"],
          ],
        },
      ],
    });
    expect(contentText(read.value)).toBe(
      '预算情况\t\t执行率\n资金来源\t财政资金\t95.66%\n\t其他资金\t0%\n\t\t\n\t2022年3月31日\t"多段\n文字"',
    );
    expect(contentRows(read.value).map((r) => [r.line, r.lastLine])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [5, 6],
    ]);
  });

  it("sets sheets apart with a blank line and numbers rows across them", async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet("一").addRows([["指标", "得分"]]);
      workbook.addWorksheet("二").addRows([["合计", 100]]);
    });
    const read = await readDocument("两表.xlsx", bytes);
    if (!read.ok) throw new Error(read.error.message);
    expect(contentText(read.value)).toBe("指标\t得分\n\n合计\t100");
    expect(contentRows(read.value)).toEqual([
      { line: 1, lastLine: 1, cells: ["指标", "得分"], plain: false },
      { line: 3, lastLine: 3, cells: ["合计", "100"], plain: false },
    ]);
  });
});
