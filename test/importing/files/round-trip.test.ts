import { describe, expect, it } from "vitest";
import {
  contentRows,
  contentText,
  type DocumentContent,
} from "../../../src/importing/files/document-content.ts";
import { OFFICE_ZIP_LIMITS } from "../../../src/importing/files/file-limits.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { scanZip } from "../../../src/importing/files/zip-reader.ts";
import { textToGrid } from "../../../src/importing/grid/text-grid.ts";
import { readPastedTables, readTablesFromRows } from "../../../src/importing/tables/pasted-tables.ts";
import { seedDocx, seedTableText, seedXlsx } from "./seed-documents.ts";

/** The seed's tables read from the pasted text: what every file format must give too. */
const fromText = readPastedTables(seedTableText());

async function read(fileName: string, bytes: Uint8Array): Promise<DocumentContent> {
  const result = await readDocument(fileName, bytes);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The tables found and how many rows each gave, without their lines (which differ by format). */
const tablesRead = (reads: ReturnType<typeof readPastedTables>["reads"]) =>
  reads.map(({ table, rows }) => ({ table, rows }));

describe("seed 000's 自评表 read from .txt, .docx and .xlsx gives the same report fragment", () => {
  it("the text version reads every table with nothing unread (the reference)", () => {
    expect(fromText.unread).toEqual([]);
    expect(tablesRead(fromText.reads)).toEqual([
      { table: "header", rows: 6 },
      { table: "tasks", rows: 8 },
      { table: "budget", rows: 5 },
      { table: "indicators", rows: 32 },
      { table: "summary", rows: 5 },
    ]);
  });

  it("reads a .txt upload exactly as the paste", async () => {
    const content = await read("自评表.txt", new TextEncoder().encode(seedTableText()));
    expect(contentRows(content)).toEqual(textToGrid(seedTableText()).rows);
    expect(contentText(content)).toBe(seedTableText());
    expect(readTablesFromRows(contentRows(content))).toEqual(fromText);
  });

  it("reads a .docx with real Word tables (vertical and horizontal merges) the same", async () => {
    const bytes = await seedDocx();
    const scanned = scanZip(bytes, OFFICE_ZIP_LIMITS, (name) => name === "word/document.xml");
    const xml = scanned.ok ? new TextDecoder().decode(scanned.value.get("word/document.xml")) : "";
    expect(xml.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(54);
    expect(xml).toContain('<w:gridSpan w:val="3"/>');
    const content = await read("自评报告.docx", bytes);
    expect(content.format).toBe("docx");
    const tables = content.blocks.filter((b) => b.type === "table");
    expect(tables).toHaveLength(2);
    const result = readTablesFromRows(contentRows(content));
    expect(result.fragment).toEqual(fromText.fragment);
    expect(result.unread).toEqual([]);
    expect(tablesRead(result.reads)).toEqual(tablesRead(fromText.reads));
  });

  it("reads an .xlsx with merged cells, numbers, percentages and a formula the same", async () => {
    const content = await read("自评表.xlsx", await seedXlsx());
    expect(content.format).toBe("xlsx");
    expect(content.blocks.map((b) => (b.type === "table" ? b.sheet : b.type))).toEqual([
      "自评表",
      "得分情况",
    ]);
    const result = readTablesFromRows(contentRows(content));
    expect(result.fragment).toEqual(fromText.fragment);
    expect(result.unread).toEqual([]);
    expect(tablesRead(result.reads)).toEqual(tablesRead(fromText.reads));
  });

  it("shows merged cells as blanks and formatted numbers as Excel shows them", async () => {
    const rows = contentRows(await read("自评表.xlsx", await seedXlsx()));
    const cells = (first: string) => rows.find((r) => r.cells[0] === first)?.cells;
    expect(cells("任务1: 计算机、网络设备等办公设备及耗材购买和维修")).toEqual([
      "任务1: 计算机、网络设备等办公设备及耗材购买和维修",
      "计算机、网络设备等办公设备及耗材购买和维修",
      "",
      "20",
      "20",
      "完成",
      "19.13",
      "19.13",
      "95.66%",
    ]);
    expect(cells("任务7: 中心机房消防及环动改造项目")?.[8]).toBe("98.10%");
    // The 得分情况 sheet is four columns wide: its title is merged across A:I, but only A holds text.
    expect(cells("合计")).toEqual(["合计", "100", "100", "95%"]);
    const indicators = rows.findIndex((r) => r.cells[0] === "一级指标");
    expect(rows[indicators + 2]?.cells.slice(0, 3)).toEqual(["", "", "工作任务科学性"]);
  });

  it("numbers docx rows by the lines of contentText, and textToGrid reads that text back into the rows", async () => {
    const content = await read("自评报告.docx", await seedDocx());
    const text = contentText(content);
    const lines = text.split("\n");
    const rows = contentRows(content);
    for (const row of rows) {
      const line = lines[row.line - 1] ?? "";
      expect(row.plain ? [line.trim()] : line.split("\t").map((c) => c.trim())).toEqual(row.cells);
    }
    expect(textToGrid(text).rows).toEqual(rows);
    expect(readPastedTables(text).fragment).toEqual(fromText.fragment);
  });
});
