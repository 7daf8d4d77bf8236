import { HeadingLevel, ImageRun, Paragraph, Tab, type Table, TextRun } from "docx";
import { STYLE, TEXT_WIDTH } from "./docx-styles.ts";
import { docxTable } from "./docx-table.ts";
import type { InlineRun, MarkdownBlock } from "./markdown-blocks.ts";
import { pngSize } from "./png-size.ts";
import type { ReportView } from "./report-view.ts";

/**
 * The blocks of a draft as Word paragraphs and tables: `#` is the report's title, `##` 一级标题,
 * `###` 二级标题, `####` 三级标题; paragraphs are body text; list items hang from a bullet; a table
 * marker becomes the structured table of the view; the chart marker becomes the chart image, or,
 * without one, the small table of block scores that follows the marker in the Markdown.
 */

/** What the blocks refer to: the view (for its tables) and the rendered chart, if any. */
export interface BodyContext {
  view: ReportView;
  chartPng?: Uint8Array;
}

const HEADINGS = {
  1: HeadingLevel.TITLE,
  2: HeadingLevel.HEADING_1,
  3: HeadingLevel.HEADING_2,
  4: HeadingLevel.HEADING_3,
} as const;

/** Twips per CSS pixel (the docx package sizes images in pixels at 96 dpi). */
const TWIPS_PER_PIXEL = 15;

/**
 * Converts the blocks. A table marker naming a table the view does not have is a mismatch between
 * template and view (a bug), so it throws.
 */
export function docxBody(blocks: readonly MarkdownBlock[], context: BodyContext): (Paragraph | Table)[] {
  return blocks.flatMap((block, i) => {
    const next = blocks[i + 1]?.type;
    return blockChildren(block, context, next === "table" || next === "chart");
  });
}

/** One block; `leadsIn` holds a paragraph on the page of the table or chart it introduces. */
function blockChildren(block: MarkdownBlock, context: BodyContext, leadsIn: boolean): (Paragraph | Table)[] {
  switch (block.type) {
    case "heading":
      return [new Paragraph({ heading: HEADINGS[block.level], children: textRuns(block.runs) })];
    case "paragraph":
      return [
        new Paragraph({
          style: STYLE.body,
          ...(leadsIn ? { keepNext: true } : {}),
          children: textRuns(block.runs),
        }),
      ];
    case "list":
      return block.items.map(
        (runs) =>
          new Paragraph({
            style: STYLE.listItem,
            children: [new TextRun({ children: ["•", new Tab()] }), ...textRuns(runs)],
          }),
      );
    case "table": {
      const table = context.view.tables[block.id];
      if (table === undefined) throw new Error(`模板引用了不存在的表格 table:${block.id}`);
      return docxTable(table);
    }
    case "chart":
      return chart(block.rows, context.chartPng);
  }
}

function textRuns(runs: readonly InlineRun[]): TextRun[] {
  return runs.map((r) => new TextRun(r.bold ? { text: r.text, bold: true } : r.text));
}

/** The chart as an image as wide as the text block, or its data as a table when there is no image. */
function chart(rows: readonly string[][], png: Uint8Array | undefined): (Paragraph | Table)[] {
  const size = png === undefined ? null : pngSize(png);
  if (png === undefined || size === null) {
    if (rows.length === 0) return [];
    const cells = rows.map((row, r) => row.map((text) => ({ text, bold: r === 0 })));
    return docxTable({ id: "chart", rows: cells });
  }
  const width = Math.floor(TEXT_WIDTH / TWIPS_PER_PIXEL);
  const height = Math.round((width * size.height) / size.width);
  const image = new ImageRun({
    type: "png",
    data: png,
    transformation: { width, height },
    altText: { name: "得分率", title: "各部分得分率", description: "各一级指标的得分率条形图" },
  });
  return [new Paragraph({ style: STYLE.figure, children: [image] })];
}
