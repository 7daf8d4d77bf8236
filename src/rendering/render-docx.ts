import { Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, TextRun } from "docx";
import { docxBody } from "./docx-body.ts";
import { documentStyles, fontTableXml, PAGE, STYLE } from "./docx-styles.ts";
import type { DraftBlock } from "./draft-blocks.ts";
import type { ReportView } from "./report-view.ts";

/**
 * Writes a draft as a Word document (.docx) from the blocks the template rendered (see
 * render-markdown.ts; never from the Markdown): the view's structured tables (merged cells and
 * all) and the chart image where the template placed them. Layout and fonts follow the official-document format (see docx-styles.ts);
 * every page carries its number in the footer as "— 1 —".
 */

/** Options: the chart as PNG (see services/chart-png.ts) and the time written into the file's properties. */
export interface RenderDocxOptions {
  chartPng?: Uint8Array;
  /** Creation time in the document properties; the docx package's clock when absent. */
  now?: Date;
}

/** Renders the draft; the bytes are a .docx file. */
export async function renderDocx(
  blocks: readonly DraftBlock[],
  view: ReportView,
  options: RenderDocxOptions = {},
): Promise<Uint8Array> {
  const children = docxBody(blocks, options.chartPng === undefined ? {} : { chartPng: options.chartPng });
  const properties = {
    title: view.title,
    subject: `${view.kindLabel}绩效自评报告`,
    creator: "ziping",
    lastModifiedBy: "ziping",
    description: `评分方案：${view.schemeName}；${view.drafter}`,
  };
  const document = new Document({
    ...properties,
    styles: documentStyles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  const overrides = [{ path: "word/fontTable.xml", data: fontTableXml() }];
  if (options.now !== undefined) {
    overrides.push({ path: "docProps/core.xml", data: coreXml(properties, options.now) });
  }
  const buffer = await Packer.toBuffer(document, false, overrides);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function pageNumberFooter(): Footer {
  const number = new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] });
  return new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [number] })] });
}

/** `docProps/core.xml` with the given time (the docx package always stamps its own clock). */
function coreXml(
  properties: {
    title: string;
    subject: string;
    creator: string;
    lastModifiedBy: string;
    description: string;
  },
  now: Date,
): string {
  const time = now.toISOString();
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ',
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ',
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(properties.title)}</dc:title>`,
    `<dc:subject>${escapeXml(properties.subject)}</dc:subject>`,
    `<dc:creator>${escapeXml(properties.creator)}</dc:creator>`,
    `<dc:description>${escapeXml(properties.description)}</dc:description>`,
    `<cp:lastModifiedBy>${escapeXml(properties.lastModifiedBy)}</cp:lastModifiedBy>`,
    "<cp:revision>1</cp:revision>",
    `<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified>`,
    "</cp:coreProperties>",
  ].join("");
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
