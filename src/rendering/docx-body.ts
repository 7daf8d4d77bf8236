import { HeadingLevel, ImageRun, Paragraph, Tab, type Table, TextRun } from "docx";
import { STYLE, TEXT_WIDTH } from "./docx-styles.ts";
import { docxTable } from "./docx-table.ts";
import type { DraftBlock, InlineRun } from "./draft-blocks.ts";
import { pngSize } from "./png-size.ts";

/**
 * The blocks of a draft as Word paragraphs and tables: `#` is the report's title, `##` 一级标题,
 * `###` 二级标题, `####` 三级标题; paragraphs are body text; list items hang from a bullet; a table
 * block becomes the structured table; the chart becomes the chart image, or, without one, the
 * small table of block scores. Every run is literal text.
 */

/** The rendered chart, if any. */
export interface BodyContext {
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

/** Converts the blocks. */
export function docxBody(blocks: readonly DraftBlock[], context: BodyContext): (Paragraph | Table)[] {
  return blocks.flatMap((block, i) => {
    const next = blocks[i + 1]?.type;
    return blockChildren(block, context, next === "table" || next === "chart");
  });
}

/** One block; `leadsIn` holds a paragraph on the page of the table or chart it introduces. */
function blockChildren(block: DraftBlock, context: BodyContext, leadsIn: boolean): (Paragraph | Table)[] {
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
    case "table":
      return docxTable(block.table);
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
