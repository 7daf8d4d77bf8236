import { fmt } from "../scoring/rounding.ts";
import type { ChartBar, ViewCell, ViewTable } from "./report-view.ts";

/** Text safe inside an HTML table cell: `&`, `<`, `>` escaped, line breaks as `<br>`. */
export function escapeCell(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, "<br>");
}

function cellHtml(cell: ViewCell): string {
  const tag = cell.bold === true ? "th" : "td";
  const attrs = [
    cell.rowSpan === undefined ? "" : ` rowspan="${cell.rowSpan}"`,
    cell.colSpan === undefined ? "" : ` colspan="${cell.colSpan}"`,
    // A header cell is centred by HTML itself; the attribute would only add noise.
    cell.align === undefined || (tag === "th" && cell.align === "center") ? "" : ` align="${cell.align}"`,
  ].join("");
  return `<${tag}${attrs}>${escapeCell(cell.text)}</${tag}>`;
}

/**
 * A table as the Word writer expects it in the Markdown: a `<!-- table:<id> -->` line, an HTML
 * `<table>` (caption = title and note, one `<tr>` per line, rowspan / colspan as in the view) and a
 * closing `</table>` line. The Word writer replaces the whole block with the structured table.
 */
export function tableBlock(table: ViewTable): string {
  const caption = [table.title, table.note].filter((t): t is string => t !== undefined && t !== "");
  const lines = [
    `<!-- table:${table.id} -->`,
    "<table>",
    ...(caption.length === 0 ? [] : [`<caption>${caption.map(escapeCell).join("<br>")}</caption>`]),
    ...table.rows.map((row) => `<tr>${row.map(cellHtml).join("")}</tr>`),
    "</table>",
  ];
  return lines.join("\n");
}

const pipeCell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/**
 * The score chart as the Word writer expects it: a `<!-- chart -->` line followed by a pipe table
 * 指标 | 得分 | 分值 | 得分率 (replaced by the PNG chart in Word, read as is in Markdown).
 */
export function chartBlock(bars: readonly ChartBar[]): string {
  return [
    "<!-- chart -->",
    "| 指标 | 得分 | 分值 | 得分率 |",
    "| --- | ---: | ---: | ---: |",
    ...bars.map((b) => `| ${pipeCell(b.name)} | ${fmt(b.points)} | ${fmt(b.weight)} | ${fmt(b.rate)}% |`),
  ].join("\n");
}

/**
 * A section's text as Markdown paragraphs: one paragraph per non-blank line, separated by blank
 * lines; a line that would read as a heading (`#`) is escaped.
 */
export function paragraphBlock(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "")
      // Text is text: a line the Word writer would read as structure (a heading, a `<!-- table:… -->`
      // marker, an HTML block) is escaped, so it prints literally in both files.
      .map((line) => line.replace(/^#/, "\\#").replace(/^</, "&lt;"))
      .join("\n\n")
  );
}
