import type { ContentBlock } from "./document-content.ts";

/**
 * A Word document whose tables were pasted as pictures (a scan, a screenshot of the Excel 自评表)
 * holds images and next to no text: there is nothing to read, and the officer should be told so
 * rather than be given an empty report.
 */

/** Text (spaces left out) below which a document with pictures and no table is a document of pictures. */
const MIN_TEXT = 100;

/** How many pictures document.xml places (DrawingML `w:drawing`, VML `w:pict` / `w:object`). */
export function docxImageCount(xml: string): number {
  return (xml.match(/<w:(?:drawing|pict|object)\b/g) ?? []).length;
}

/**
 * Whether a document is pictures only: it places images, no table cell holds text, no paragraph
 * holds a tab-separated row, and all its text together is shorter than a paragraph.
 */
export function isImagesOnly(blocks: readonly ContentBlock[], images: number): boolean {
  if (images === 0) return false;
  let text = 0;
  for (const block of blocks) {
    if (block.type === "table") {
      if (block.rows.some((row) => row.some((cell) => cell.trim() !== ""))) return false;
    } else {
      if (block.text.includes("\t")) return false;
      text += block.text.replace(/\s+/g, "").length;
    }
  }
  return text < MIN_TEXT;
}
