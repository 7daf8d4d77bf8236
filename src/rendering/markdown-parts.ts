import { fmt } from "../scoring/rounding.ts";
import { escapeMarkdownText } from "./markdown-escape.ts";
import type { ChartBar, ViewCell, ViewTable } from "./report-view.ts";

/** Text safe inside an HTML table cell: `&`, `<`, `>` escaped, line breaks as `<br>`. */
function escapeCell(text: string): string {
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
 * A table in Markdown: a `<!-- table:<id> -->` line (a landmark for readers of the file), an HTML
 * `<table>` (caption = title and note, one `<tr>` per line, rowspan / colspan as in the view, every
 * text escaped) and a closing `</table>` line.
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

/** A pipe-table cell: literal text on one line (`|` is escaped with the rest). */
const pipeCell = (text: string): string => escapeMarkdownText(text, "| ", true);

/** The chart's data as rows of text, header first: 指标 | 得分 | 分值 | 得分率. */
export function chartRows(bars: readonly ChartBar[]): string[][] {
  return [
    ["指标", "得分", "分值", "得分率"],
    ...bars.map((b) => [b.name, fmt(b.points), fmt(b.weight), `${fmt(b.rate)}%`]),
  ];
}

/**
 * The score chart in Markdown: a `<!-- chart -->` line followed by a pipe table
 * 指标 | 得分 | 分值 | 得分率 (the chart image takes its place in Word).
 */
export function chartBlock(bars: readonly ChartBar[]): string {
  return [
    "<!-- chart -->",
    "| 指标 | 得分 | 分值 | 得分率 |",
    "| --- | ---: | ---: | ---: |",
    ...bars.map((b) => `| ${pipeCell(b.name)} | ${fmt(b.points)} | ${fmt(b.weight)} | ${fmt(b.rate)}% |`),
  ].join("\n");
}
