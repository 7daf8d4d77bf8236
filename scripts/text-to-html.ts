import { readFileSync, writeFileSync } from "node:fs";

/**
 * Turns a report text (a seed .txt: `#` headings, paragraphs, tab-separated table rows) into an HTML
 * page that LibreOffice lays out as a Word-like document: headings as headings, every run of
 * tab-separated lines of one width as one ruled table (a table written one cell per line, rows
 * ending at blank lines, as its rows), other lines as paragraphs. `scripts/convert-seeds.sh` converts that page to PDF, so the PDF has what real PDF
 * reports have: a text layer and tables drawn with cell borders.
 *
 *   node --import tsx scripts/text-to-html.ts <in.txt> <out.html> [--repeat N]
 *
 * `--repeat N` writes the body N times with a page break between copies (a long PDF for the bench).
 */

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A table cell; a short label (up to six characters) is kept on one line, as Word sizes columns. */
function cellHtml(text: string): string {
  const t = text.trim();
  return `<td${[...t].length <= 6 ? " nowrap" : ""}>${escapeHtml(t)}</td>`;
}

/**
 * The rows of a run of tab-separated lines (blank lines kept as ""). Lines that are each one cell
 * after a leading tab ("\t15") are a table written one cell per line, a blank line ending a row:
 * each such group is one row. Otherwise every line is a row of its tab-separated cells.
 */
function tableRows(lines: readonly string[]): string[][] {
  const filled = lines.filter((l) => l.trim() !== "" || l.includes("\t"));
  if (!filled.every((l) => /^\t[^\t]*$/.test(l))) return filled.map((l) => l.split("\t"));
  const rows: string[][] = [[]];
  for (const line of lines) {
    if (line === "") rows.push([]);
    else rows.at(-1)?.push(line.slice(1));
  }
  return rows.filter((r) => r.length > 0);
}

/** The HTML body of one report text. */
export function reportHtml(text: string): string {
  const out: string[] = [];
  let table: string[] = [];
  const flush = (): void => {
    const rows = tableRows(table);
    table = [];
    // Rows of one width are one table; a row of another width begins the next table.
    let width = -1;
    for (const row of rows) {
      if (row.length !== width) {
        if (width >= 0) out.push("</table>");
        out.push('<table border="1" cellspacing="0" cellpadding="2">');
        width = row.length;
      }
      out.push(`<tr>${row.map(cellHtml).join("")}</tr>`);
    }
    if (width >= 0) out.push("</table>");
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.includes("\t")) {
      table.push(line);
      continue;
    }
    const last = table.at(-1);
    if (last !== undefined && last !== "" && line.trim() !== "") {
      // A line right under a table row, without a tab, is its last cell going on ("\t绩", "效").
      table[table.length - 1] = last + line.trim();
      continue;
    }
    if (line.trim() === "") {
      if (table.length > 0) table.push("");
      continue;
    }
    flush();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) out.push(`<h${heading[1]?.length}>${escapeHtml(heading[2] ?? "")}</h${heading[1]?.length}>`);
    else out.push(`<p>${escapeHtml(line.trim())}</p>`);
  }
  flush();
  return out.join("\n");
}

function main(): void {
  const [input, output, flag, count] = process.argv.slice(2);
  if (input === undefined || output === undefined) {
    console.error("用法：node --import tsx scripts/text-to-html.ts <in.txt> <out.html> [--repeat N]");
    process.exit(2);
  }
  const repeat = flag === "--repeat" ? Number(count) : 1;
  const body = reportHtml(readFileSync(input, "utf8"));
  const copies = Array.from({ length: repeat }, () => body).join(
    '\n<p style="page-break-before: always"></p>\n',
  );
  const style =
    "body{font-family:'Noto Serif CJK SC';font-size:10.5pt} table{border-collapse:collapse} td{font-size:9pt}";
  writeFileSync(
    output,
    `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><style>${style}</style></head><body>\n${copies}\n</body></html>\n`,
  );
}

main();
