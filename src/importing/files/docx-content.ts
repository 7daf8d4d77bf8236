import type { ContentBlock } from "./document-content.ts";
import { attribute, xmlTokens } from "./xml-tokens.ts";

/**
 * The body of a Word document (`word/document.xml`) as blocks in document order: each `w:p` a
 * paragraph, each top-level `w:tbl` a table on the table grid. A horizontally merged cell
 * (`w:gridSpan`) gives its text in its first grid column and "" in the others, a vertically merged
 * "continue" cell (`w:vMerge` without "restart") gives "" (a blank cell means "same as above" to the
 * table readers), and `w:gridBefore` gives "" for the skipped leading columns, so every value stays
 * in its column. A cell's paragraphs are joined with "\n"; a table nested in a cell is flattened into
 * the cell's text (cells joined with " ", rows with "\n"). Field codes, deleted text, fallback copies
 * of text boxes and paragraph/run properties are skipped; text in a text box joins its paragraph.
 */

interface Cell {
  paragraphs: string[];
  span: number;
  continued: boolean;
}

interface Table {
  rows: string[][];
  row: string[] | null;
  cell: Cell | null;
}

/** Elements whose content is never document text (their subtrees are skipped whole). */
const SKIPPED = new Set([
  "w:pPr",
  "w:rPr",
  "w:tblPr",
  "w:tblGrid",
  "w:sectPr",
  "w:instrText",
  "w:delText",
  "w:delInstrText",
  "mc:Fallback",
  "w:fldData",
]);

/** Table structure; inside a paragraph (a table in a text box) only its text counts, joining the paragraph. */
const TABLE_PARTS = new Set(["w:tbl", "w:tr", "w:tc", "w:gridBefore", "w:gridSpan", "w:vMerge"]);

/** Reads the blocks of a document.xml text. */
export function docxBlocks(xml: string): ContentBlock[] {
  const reader = new BodyReader();
  for (const token of xmlTokens(xml)) {
    if (token.kind === "text") reader.text(token.text);
    else if (token.kind === "close") reader.close(token.name);
    else {
      reader.open(token.name, token.attrs);
      if (token.selfClosing) reader.close(token.name);
    }
  }
  return reader.blocks;
}

class BodyReader {
  readonly blocks: ContentBlock[] = [];
  private inBody = false;
  private skipDepth = 0;
  private skipping: string | null = null;
  private inText = false;
  private paragraph: string | null = null;
  private paragraphDepth = 0;
  private readonly tables: Table[] = [];

  open(name: string, attrs: string): void {
    if (this.skipping !== null) {
      if (name === this.skipping) this.skipDepth += 1;
      return;
    }
    if (!this.inBody) {
      this.inBody = name === "w:body";
      return;
    }
    if (SKIPPED.has(name)) {
      this.skipping = name;
      this.skipDepth = 1;
      return;
    }
    this.openElement(name, attrs);
  }

  private openElement(name: string, attrs: string): void {
    if (this.paragraphDepth > 0 && TABLE_PARTS.has(name)) return;
    const table = this.tables.at(-1);
    switch (name) {
      case "w:p":
        this.paragraphDepth += 1;
        if (this.paragraphDepth === 1) this.paragraph = "";
        else if (this.paragraph !== null && this.paragraph !== "") this.paragraph += "\n";
        return;
      case "w:t":
        this.inText = this.paragraph !== null;
        return;
      case "w:tab":
      case "w:ptab":
        this.append("\t");
        return;
      case "w:br":
      case "w:cr":
        this.append("\n");
        return;
      case "w:noBreakHyphen":
        this.append("-");
        return;
      case "w:tbl":
        this.tables.push({ rows: [], row: null, cell: null });
        return;
      case "w:tr":
        if (table !== undefined) table.row = [];
        return;
      case "w:gridBefore":
        if (table?.row != null && table.cell === null) table.row.push(...blanks(count(attrs)));
        return;
      case "w:tc":
        if (table?.row != null) table.cell = { paragraphs: [], span: 1, continued: false };
        return;
      case "w:gridSpan":
        if (table?.cell != null) table.cell.span = count(attrs);
        return;
      case "w:vMerge":
        if (table?.cell != null) table.cell.continued = attribute(attrs, "w:val") !== "restart";
        return;
    }
  }

  close(name: string): void {
    if (this.skipping !== null) {
      if (name === this.skipping) this.skipDepth -= 1;
      if (this.skipDepth === 0) this.skipping = null;
      return;
    }
    if (!this.inBody || (this.paragraphDepth > 0 && TABLE_PARTS.has(name))) return;
    if (name === "w:body") this.inBody = false;
    else if (name === "w:t") this.inText = false;
    else if (name === "w:p") this.closeParagraph();
    else if (name === "w:tc") this.closeCell();
    else if (name === "w:tr") this.closeRow();
    else if (name === "w:tbl") this.closeTable();
  }

  text(text: string): void {
    // Word joiners and zero-width spaces keep figures together on the page ("59.93%"); they are not text.
    if (this.inText && this.skipping === null) this.append(text.replace(/[\u2060\u200b\ufeff]/gu, ""));
  }

  private append(text: string): void {
    if (this.paragraph !== null && this.skipping === null) this.paragraph += text;
  }

  private closeParagraph(): void {
    if (this.paragraphDepth === 0) return;
    this.paragraphDepth -= 1;
    if (this.paragraphDepth > 0 || this.paragraph === null) return;
    const text = this.paragraph;
    this.paragraph = null;
    const cell = this.tables.at(-1)?.cell;
    if (cell != null) cell.paragraphs.push(text);
    else if (this.tables.length === 0) this.blocks.push({ type: "paragraph", text });
  }

  private closeCell(): void {
    const table = this.tables.at(-1);
    const cell = table?.cell;
    if (table === undefined || cell == null || table.row === null) return;
    table.row.push(cell.continued ? "" : cell.paragraphs.join("\n"), ...blanks(cell.span - 1));
    table.cell = null;
  }

  private closeRow(): void {
    const table = this.tables.at(-1);
    if (table?.row == null) return;
    table.rows.push(table.row);
    table.row = null;
  }

  private closeTable(): void {
    const table = this.tables.pop();
    if (table === undefined) return;
    const outer = this.tables.at(-1);
    if (outer === undefined) {
      this.blocks.push({ type: "table", rows: table.rows });
      return;
    }
    const text = table.rows
      .map((row) => row.filter((c) => c.trim() !== "").join(" "))
      .filter((r) => r !== "");
    if (outer.cell != null && text.length > 0) outer.cell.paragraphs.push(text.join("\n"));
  }
}

/** The count in a `w:val` attribute (gridSpan, gridBefore), at least 1 for spans; capped at the grid size. */
function count(attrs: string): number {
  const value = Number.parseInt(attribute(attrs, "w:val") ?? "1", 10);
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), MAX_GRID_COLUMNS) : 1;
}

/** Word's table grid has at most 63 columns; a larger count is a damaged file, not a wider table. */
const MAX_GRID_COLUMNS = 64;

function blanks(n: number): string[] {
  return n > 0 ? Array<string>(n).fill("") : [];
}
