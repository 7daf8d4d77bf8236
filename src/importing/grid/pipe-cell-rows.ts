import type { GridRow } from "./text-grid.ts";

/**
 * A web page's table flattened to text one cell per line: every cell line ends with ` |` (an empty
 * cell is a lone `|`), and a line of pipes only (`||||||`) ends a row. A line holding several cells
 * (`索 引 号: | 0112 | 发文字号: | 无 |`) is a row by itself; a line without a pipe is a paragraph.
 * An HTML table leaves out the cells a merged cell above covers, so the rows are marked
 * `mergedCellsOmitted` and the table readers align a short row on the right.
 */

const SINGLE_CELL = /^[^|｜]*[|｜]\s*$/;
const PIPES_ONLY = /^\s*[|｜]{2,}\s*$/;
const PIPE = /[|｜]/;

/** Whether the text is laid out one cell per line with `||||` rows (see the module comment). */
export function isPipeCellText(lines: readonly string[]): boolean {
  const piped = lines.filter((l) => PIPE.test(l));
  const separators = piped.filter((l) => PIPES_ONLY.test(l)).length;
  const single = piped.filter((l) => !PIPES_ONLY.test(l) && SINGLE_CELL.test(l.trim())).length;
  return separators >= 2 && single * 2 > piped.length - separators;
}

/** The rows of a text laid out one cell per line (see the module comment). */
export function pipeCellRows(lines: readonly string[]): GridRow[] {
  const rows: GridRow[] = [];
  let current: GridRow | null = null;
  for (const [i, text] of lines.entries()) {
    const line = i + 1;
    const trimmed = text.trim();
    if (trimmed === "") continue;
    if (PIPES_ONLY.test(trimmed)) {
      current = null;
    } else if (SINGLE_CELL.test(trimmed)) {
      const cell = trimmed.replace(/[|｜]$/, "").trim();
      if (current === null) {
        current = { line, lastLine: line, cells: [], plain: false, mergedCellsOmitted: true };
        rows.push(current);
      }
      current.cells.push(cell);
      current.lastLine = line;
    } else {
      current = null;
      if (PIPE.test(trimmed)) {
        const inner = trimmed.replace(/^[|｜]/, "").replace(/[|｜]\s*[|｜]?$/, "");
        rows.push({ line, lastLine: line, cells: inner.split(PIPE).map((c) => c.trim()), plain: false });
      } else {
        rows.push({ line, lastLine: line, cells: [trimmed], plain: true });
      }
    }
  }
  return rows;
}
