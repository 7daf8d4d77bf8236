import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  contentRows,
  contentText,
  type DocumentContent,
} from "../../../src/importing/files/document-content.ts";
import { textToGrid } from "../../../src/importing/grid/text-grid.ts";

const seeds = join(import.meta.dirname, "../../../fixtures/seeds");

describe("contentRows and contentText", () => {
  it("give a text file's rows exactly as textToGrid does, for every seed", () => {
    const files = readdirSync(seeds).filter((f) => f.endsWith(".txt"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const text = readFileSync(join(seeds, file), "utf8");
      const content: DocumentContent = { format: "text", blocks: [{ type: "paragraph", text }] };
      expect(contentRows(content)).toEqual(textToGrid(text).rows);
      expect(contentText(content)).toBe(text);
    }
  });

  it("lay out Word paragraphs line by line: a line break spans lines, blank paragraphs are not rows", () => {
    const content: DocumentContent = {
      format: "docx",
      blocks: [
        { type: "paragraph", text: "  一、基本情况 " },
        { type: "paragraph", text: "" },
        { type: "paragraph", text: "第一行\n第二行" },
        { type: "table", rows: [["指标", " 得分 "]] },
        { type: "table", rows: [["", ""]] },
        { type: "table", rows: [["合计", "100"]] },
      ],
    };
    expect(contentText(content)).toBe("  一、基本情况 \n\n第一行\n第二行\n\n指标\t 得分 \n\n\t\n\n合计\t100");
    expect(contentRows(content)).toEqual([
      { line: 1, lastLine: 1, cells: ["一、基本情况"], plain: true },
      { line: 3, lastLine: 4, cells: ["第一行\n第二行"], plain: true },
      { line: 6, lastLine: 6, cells: ["指标", "得分"], plain: false },
      { line: 10, lastLine: 10, cells: ["合计", "100"], plain: false },
    ]);
  });

  it("read Word paragraphs holding tabs (a text saved as .docx) as the text's rows, line numbers kept", () => {
    const content: DocumentContent = {
      format: "docx",
      blocks: [
        { type: "paragraph", text: "一、基本情况" },
        { type: "paragraph", text: "" },
        { type: "paragraph", text: "项目\t分值\t得分" },
        { type: "paragraph", text: "预算执行率\t10\t9" },
        { type: "table", rows: [["合计", "100"]] },
        { type: "paragraph", text: "　　二、绩效分析  情况" },
      ],
    };
    const text = "一、基本情况\n\n项目\t分值\t得分\n预算执行率\t10\t9";
    expect(contentText(content)).toBe(`${text}\n\n合计\t100\n\n　　二、绩效分析  情况`);
    expect(contentRows(content)).toEqual([
      ...textToGrid(text).rows,
      { line: 6, lastLine: 6, cells: ["合计", "100"], plain: false },
      { line: 8, lastLine: 8, cells: ["二、绩效分析  情况"], plain: true },
    ]);
    expect(contentRows(content).slice(1, 3)).toEqual([
      { line: 3, lastLine: 3, cells: ["项目", "分值", "得分"], plain: false },
      { line: 4, lastLine: 4, cells: ["预算执行率", "10", "9"], plain: false },
    ]);
  });

  it("quote cells holding a quote mark at the start the way Excel copies them", () => {
    const content: DocumentContent = {
      format: "xlsx",
      blocks: [{ type: "table", rows: [['"三公"经费', "0"]] }],
    };
    expect(contentText(content)).toBe('"""三公""经费"\t0');
    expect(textToGrid(contentText(content)).rows).toEqual(contentRows(content));
  });
});
