import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from "docx";
import ExcelJS from "exceljs";
import { textToGrid } from "../../../src/importing/grid/text-grid.ts";

/**
 * Seed 000's 自评表 and 各项指标得分情况表 as the text the officer would paste, and as a Word document
 * and an Excel workbook holding the same tables as real tables: the 一级指标/二级指标 cells merged
 * vertically, label and value cells of the upper rows merged horizontally, numbers in the workbook
 * stored as numbers with their formats (0.9566 shown "0.00%") and one total as a formula. Any text
 * (the whole seed report, another seed) can be laid out the same way as a Word document (`textDocx`).
 */

const seedFile = join(import.meta.dirname, "../../../fixtures/seeds/000_0839647822e00506.txt");

/** The given 1-based, inclusive line ranges of a text, joined by a blank line. */
function cut(text: string, ...ranges: ReadonlyArray<readonly [number, number]>): string {
  const lines = text.split("\n");
  return ranges.map(([from, to]) => lines.slice(from - 1, to).join("\n")).join("\n\n");
}

/** The whole text of seed 000 (narrative, 自评表 and 各项指标得分情况表), as the seed file holds it. */
export function seedText(): string {
  return readFileSync(seedFile, "utf8");
}

/** Lines 13-83 (自评表 with its title, header lines and note) and 105-112 (各项指标得分情况表). */
export function seedTableText(): string {
  return cut(readFileSync(seedFile, "utf8"), [13, 83], [105, 112]);
}

/** Narrative before and after the tables, as a report has it (lines 3, 9 and 114, 118 of the seed). */
export function seedNarrative(): { before: string[]; after: string[] } {
  const lines = readFileSync(seedFile, "utf8").split("\n");
  const line = (n: number): string => (lines[n - 1] ?? "").replace(/^#+\s*/, "");
  return { before: [line(3), line(9)], after: [line(114), line(118)] };
}

/** A cell of a laid-out table: its text, how many grid columns it spans, and its vertical merge. */
export interface PlannedCell {
  text: string;
  column: number;
  span: number;
  merge?: "restart" | "continue";
}

/**
 * A block of a text: a paragraph (with its Markdown heading level, 1-6, and whether it was wholly
 * `**bold**`), or a table as rows of planned cells.
 */
export type PlannedBlock =
  | { paragraph: string; heading?: number; bold?: boolean }
  | { table: PlannedCell[][]; width: number };

/**
 * Any text as blocks: plain lines are paragraphs (Markdown heading marks and a `**…**` around the
 * whole line dropped, kept as the heading level and bold), runs of table rows (blank lines between
 * them do not end the run) are tables padded to one width. In an indicator table a blank
 * 一级指标/二级指标 cell continues the cell above (vertical merge); above it a filled cell followed by
 * blank cells spans them.
 */
export function planBlocks(text: string): PlannedBlock[] {
  const blocks: PlannedBlock[] = [];
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length > 0) blocks.push(planTable(rows));
    rows = [];
  };
  for (const row of textToGrid(text).rows) {
    if (row.plain) {
      flush();
      blocks.push(planParagraph(row.cells[0] ?? ""));
    } else rows.push(row.cells);
  }
  flush();
  return blocks;
}

/** Seed 000's tables (`seedTableText`) as blocks. */
export function planSeedBlocks(): PlannedBlock[] {
  return planBlocks(seedTableText());
}

function planParagraph(line: string): PlannedBlock {
  const marks = /^(#{1,6})\s*/.exec(line);
  let text = marks === null ? line : line.slice(marks[0].length);
  const bold = /^\*\*(.+)\*\*$/.exec(text);
  if (bold !== null) text = bold[1] ?? "";
  return {
    paragraph: text,
    ...(marks === null ? {} : { heading: marks[1]?.length ?? 1 }),
    ...(bold === null ? {} : { bold: true }),
  };
}

function planTable(rows: readonly string[][]): PlannedBlock {
  const width = Math.max(...rows.map((r) => r.length));
  const indicatorHeader = rows.findIndex((r) => r[0] === "一级指标");
  const planned = rows.map((cells, r) => {
    const padded = [...cells, ...Array<string>(width - cells.length).fill("")];
    const inIndicators = indicatorHeader >= 0 && r > indicatorHeader;
    const out: PlannedCell[] = [];
    for (let c = 0; c < width; c += 1) {
      const text = padded[c] ?? "";
      const last = out.at(-1);
      if (
        !inIndicators &&
        text === "" &&
        last !== undefined &&
        last.text !== "" &&
        last.merge === undefined
      ) {
        last.span += 1;
        continue;
      }
      const cell: PlannedCell = { text, column: c, span: 1 };
      if (inIndicators && c < 2) cell.merge = text === "" ? "continue" : "restart";
      out.push(cell);
    }
    return out;
  });
  return { table: planned, width };
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A planned block as a Word paragraph (headings in Word heading styles, bold as a bold run) or table. */
function wordBlock(block: PlannedBlock): Paragraph | Table {
  if ("paragraph" in block) {
    const heading = block.heading === undefined ? undefined : HEADINGS[block.heading - 1];
    return new Paragraph({
      ...(heading === undefined ? {} : { heading }),
      children: [new TextRun({ text: block.paragraph, ...(block.bold === true ? { bold: true } : {}) })],
    });
  }
  return new Table({
    rows: block.table.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (cell) =>
              new TableCell({
                children: [new Paragraph(cell.merge === "continue" ? "" : cell.text)],
                ...(cell.span > 1 ? { columnSpan: cell.span } : {}),
                ...(cell.merge === undefined
                  ? {}
                  : {
                      verticalMerge:
                        cell.merge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
                    }),
              }),
          ),
        }),
    ),
  });
}

async function wordDocument(children: ReadonlyArray<Paragraph | Table>): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [...children] }] })));
}

/** The planned blocks as a Word document, with narrative paragraphs before and after. */
export async function seedDocx(): Promise<Uint8Array> {
  const { before, after } = seedNarrative();
  return wordDocument([
    ...before.map((t) => new Paragraph(t)),
    ...planSeedBlocks().map(wordBlock),
    ...after.map((t) => new Paragraph(t)),
  ]);
}

/**
 * Any text as a Word document an officer would have typed: each plain line a paragraph, Markdown
 * headings as Word headings, each run of table rows a real Word table with the merges `planBlocks`
 * gives. With `emptyParagraphs`, every paragraph is followed by an empty one (spacing typed with
 * Enter, as many officers do).
 */
export async function textDocx(
  text: string,
  options: { emptyParagraphs?: boolean } = {},
): Promise<Uint8Array> {
  return wordDocument(
    planBlocks(text).flatMap((block) =>
      options.emptyParagraphs === true && "paragraph" in block
        ? [wordBlock(block), new Paragraph("")]
        : [wordBlock(block)],
    ),
  );
}

/** The whole of seed 000 as a Word document. */
export function wholeSeedDocx(): Promise<Uint8Array> {
  return textDocx(seedText());
}

/** A cell value as an officer's workbook stores it: numbers as numbers, percentages as fractions. */
function excelValue(text: string): { value: ExcelJS.CellValue; numFmt?: string } {
  const percent = /^(\d+(?:\.(\d+))?)%$/.exec(text);
  if (percent !== null) {
    const decimals = percent[2]?.length ?? 0;
    return { value: Number(percent[1]) / 100, numFmt: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%" };
  }
  return /^\d+(?:\.\d+)?$/.test(text) ? { value: Number(text) } : { value: text };
}

/**
 * The planned blocks as a workbook: the 自评表 on sheet "自评表", the 各项指标得分情况表 (from its title
 * on) on sheet "得分情况" with its 合计 权重分值 as a SUM formula, and a hidden sheet of lookup lists.
 */
export async function seedXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const blocks = planSeedBlocks();
  const split = blocks.findIndex((b) => "paragraph" in b && b.paragraph === "各项指标得分情况表");
  const width = Math.max(...blocks.map((b) => ("width" in b ? b.width : 1)));
  const sheets: Array<[string, PlannedBlock[]]> = [
    ["自评表", blocks.slice(0, split)],
    ["得分情况", blocks.slice(split)],
  ];
  for (const [name, sheetBlocks] of sheets) {
    const sheet = workbook.addWorksheet(name);
    let r = 1;
    for (const block of sheetBlocks) {
      if ("paragraph" in block) {
        sheet.getCell(r, 1).value = block.paragraph;
        sheet.mergeCells(r, 1, r, width);
        r += 1;
        continue;
      }
      const top = r;
      for (const cells of block.table) {
        for (const cell of cells) {
          const target = sheet.getCell(r, cell.column + 1);
          if (cell.merge !== "continue" && cell.text !== "") {
            const { value, numFmt } = excelValue(cell.text);
            target.value = value;
            if (numFmt !== undefined) target.numFmt = numFmt;
          }
          if (cell.span > 1) sheet.mergeCells(r, cell.column + 1, r, cell.column + cell.span);
        }
        r += 1;
      }
      mergeVertically(sheet, block.table, top);
    }
  }
  const summary = workbook.getWorksheet("得分情况");
  const total = summary?.getCell(7, 2);
  if (total !== undefined) total.value = { formula: "SUM(B3:B6)", result: 100 };
  const lists = workbook.addWorksheet("下拉列表", { state: "hidden" });
  lists.addRows([["定性指标"], ["定量指标"], ["完成"], ["未完成"]]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Merges each restart cell with the continue cells below it (the 一级指标/二级指标 runs). */
function mergeVertically(sheet: ExcelJS.Worksheet, table: readonly PlannedCell[][], top: number): void {
  for (const column of [0, 1]) {
    let start: number | null = null;
    const close = (end: number): void => {
      if (start !== null && end > start) sheet.mergeCells(start, column + 1, end, column + 1);
    };
    for (const [i, cells] of table.entries()) {
      const merge = cells.find((c) => c.column === column)?.merge;
      if (merge === "restart") {
        close(top + i - 1);
        start = top + i;
      } else if (merge !== "continue") {
        close(top + i - 1);
        start = null;
      }
    }
    close(top + table.length - 1);
  }
}
