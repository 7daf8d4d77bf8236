import { readFileSync, writeFileSync } from "node:fs";

/**
 * Turns a report text (a seed .txt: `#` headings, paragraphs, tab-separated table rows) into an HTML
 * page that LibreOffice lays out as a Word-like document: headings as headings, every run of
 * tab-separated lines as one ruled table (short rows padded with empty cells), other lines as
 * paragraphs. `scripts/convert-seeds.sh` converts that page to PDF, so the PDF has what real PDF
 * reports have: a text layer and tables drawn with cell borders.
 *
 *   node --import tsx scripts/text-to-html.ts <in.txt> <out.html> [--repeat N]
 *
 * `--repeat N` writes the body N times with a page break between copies (a long PDF for the bench).
 */

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The HTML body of one report text. */
export function reportHtml(text: string): string {
  const out: string[] = [];
  let table: string[][] = [];
  const flush = (): void => {
    if (table.length === 0) return;
    const width = Math.max(...table.map((r) => r.length));
    out.push('<table border="1" cellspacing="0" cellpadding="2">');
    for (const row of table) {
      const cells = [...row, ...Array<string>(width - row.length).fill("")];
      out.push(`<tr>${cells.map((c) => `<td>${escapeHtml(c.trim())}</td>`).join("")}</tr>`);
    }
    out.push("</table>");
    table = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    if (line.includes("\t")) {
      table.push(line.split("\t"));
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
