/**
 * A web page's table flattened to `|`-separated lines, each row padded to the table's width with a
 * run of pipes ("年度资金总额 | 9.48 | 9.48 | 10 | ||||||"). A cell holding a line break ends its
 * line with a single ` |` and the row goes on on the next line ("绩 效 指 标 |" then "一级指标 |
 * 二级指标 | …"; "经济效益 指标 |" then "|||||||"). In such a text those lines are one row: the
 * lines of a row are joined until a padded line, a line not ending in a pipe, or a line without one.
 * A cell whose first line break comes before any pipe leaves its first line without one and the
 * row's next line opening with a pipe ("成本指标" then "| 省级宣传片制作费… | 200万 | … | ||||"): inside
 * a table (the row before has pipes) such a line starts the row the next line continues.
 * A line that is a whole row by itself (several cells) ending in a single pipe is not joined with a
 * next line that is a whole row too: Sichuan's "绩效指标(90分) | 一级指标 | … | 未完成原因分析 |" is a
 * heading row, and "产出指标 | 经济成本指标 | … | 90 | ||" the row under it.
 * A Markdown table ("| a | b |") has no padded lines and is left as it is.
 */

const PIPE = /[|｜]/;
/** A row padded to the table's width: it ends in a run of pipes, or is pipes only. */
const PADDED = /[|｜]\s*[|｜]{2,}\s*$|^\s*[|｜]{2,}\s*$/;
/** A line ending in one pipe after a cell: the row may go on on the next line. */
const OPEN_END = /(?:^|[^|｜\s])\s*[|｜]\s*$/;
/** A line opening with a pipe and holding a cell: the rest of a row whose first cell broke its line. */
const OPENS_WITH_CELL = /^[|｜]\s*[^|｜\s]/;
const MIN_PADDED_LINES = 3;
/** A line with this many filled cells is a whole row, not the first part of a cell broken over lines. */
const WHOLE_ROW_CELLS = 4;

function filledCells(text: string): number {
  return text.split(/[|｜]/).filter((c) => c.trim() !== "").length;
}

/** A row of text and the lines (1-based) it came from. */
export interface JoinedLine {
  text: string;
  line: number;
  lastLine: number;
}

/** Whether the lines are a padded table flattened from a web page (see the module comment). */
export function isPaddedPipeText(lines: readonly string[]): boolean {
  return lines.filter((l) => PADDED.test(l)).length >= MIN_PADDED_LINES;
}

/** Joins the lines of each padded row (see the module comment); blank lines are left out. */
export function joinPaddedRows(lines: readonly string[]): JoinedLine[] {
  const out: JoinedLine[] = [];
  let open: JoinedLine | null = null;
  for (const [i, text] of lines.entries()) {
    const trimmed = text.trim();
    if (trimmed === "") continue;
    const line = i + 1;
    const wholeRows =
      open !== null && filledCells(open.text) >= WHOLE_ROW_CELLS && filledCells(trimmed) >= WHOLE_ROW_CELLS;
    if (open !== null && PIPE.test(trimmed) && !wholeRows) {
      open.text = `${open.text} ${trimmed}`;
      open.lastLine = line;
    } else {
      const inTable = PIPE.test(out.at(-1)?.text ?? "");
      open = { text: trimmed, line, lastLine: line };
      out.push(open);
      if (inTable && !PIPE.test(trimmed) && OPENS_WITH_CELL.test(nextLine(lines, i))) continue;
    }
    if (!PIPE.test(open.text) || PADDED.test(open.text) || !OPEN_END.test(open.text)) open = null;
  }
  return out;
}

/** The next non-blank line after index `i`, trimmed ("" at the end). */
function nextLine(lines: readonly string[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) {
    const t = lines[j]?.trim() ?? "";
    if (t !== "") return t;
  }
  return "";
}
