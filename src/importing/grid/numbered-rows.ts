import type { GridRow } from "./text-grid.ts";
import { readValues, type ValueKind } from "./value-grammar.ts";

/**
 * Indicator rows numbered "指标1:", "指标2:", … in a line of a spreadsheet export whose columns
 * came out of order (the headings scattered, several rows on one line): each numbered stretch whose
 * values are exactly 指标值, 实际完成值, 分值 and 得分, in the order of the 财预〔2020〕10号 自评表,
 * becomes a row under a heading row of those columns ("指标8:适龄儿童疫苗接种率 100.00% 97.30% 2 1.9"
 * is 适龄儿童疫苗接种率 | 100.00% | 97.30% | 2 | 1.9). Any other stretch is unread with its text:
 * its values cannot be told apart.
 */

const NUMBERED = /指标\s*\d+\s*[:：]/gu;
const MIN_ROWS = 3;
const HEADINGS = ["二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
const KINDS: readonly ValueKind[] = ["value", "value", "points", "points"];
const GROUP_AT_END =
  /\s(数量指标|质量指标|时效指标|成本指标|经济效益指标|社会效益指标|生态效益指标|可持续影响指标|服务对象满意度指标|满意度指标)$/u;
/** The headings must be somewhere in the line for its values to be read in that order. */
const NEEDED = ["指标值", "完成值", "分值", "得分"];

function fullValue(token: string, kind: ValueKind): boolean {
  return readValues(token, 0, kind).some((r) => r.end === token.length);
}

/** Rows with every line of numbered indicator rows split into rows (see the module comment). */
export function splitNumberedRows(rows: readonly GridRow[]): GridRow[] {
  return rows.flatMap((row) => {
    const text = row.cells.length === 1 ? (row.cells[0] ?? "") : "";
    const starts = [...text.matchAll(NUMBERED)];
    const compact = text.replace(/\s+/g, "");
    if (starts.length < MIN_ROWS || !NEEDED.every((w) => compact.includes(w))) return [row];
    return numberedRows(row, text, starts);
  });
}

function numberedRows(row: GridRow, text: string, starts: RegExpMatchArray[]): GridRow[] {
  const make = (cells: string[], problem?: string): GridRow => {
    const made: GridRow = { line: row.line, lastLine: row.lastLine, cells, plain: cells.length < 2 };
    if (problem !== undefined) made.problem = problem;
    return made;
  };
  const first = starts[0]?.index ?? 0;
  const out: GridRow[] = [];
  if (text.slice(0, first).trim() !== "") out.push(make([text.slice(0, first).trim()]));
  out.push(make([...HEADINGS]));
  let group = "";
  for (const [i, start] of starts.entries()) {
    const from = (start.index ?? 0) + start[0].length;
    let chunk = text.slice(from, starts[i + 1]?.index ?? text.length).trim();
    const nextGroup = GROUP_AT_END.exec(chunk);
    if (nextGroup !== null) chunk = chunk.slice(0, nextGroup.index).trim();
    const tokens = chunk.split(" ").filter((t) => t !== "");
    const firstValue = tokens.findIndex((t) => fullValue(t, "value") || fullValue(t, "points"));
    const name = (firstValue < 0 ? tokens : tokens.slice(0, firstValue)).join("");
    const values = firstValue < 0 ? [] : tokens.slice(firstValue);
    const fits = values.length === KINDS.length && values.every((v, k) => fullValue(v, KINDS[k] ?? "value"));
    if (fits && name !== "") {
      out.push(make([group, name, ...values]));
      group = "";
    } else if (values.length > 0 || i < starts.length - 1) {
      out.push(
        make(
          [`${start[0]}${chunk}`],
          `第${row.line}行“${start[0]}${chunk}”不是“名称 指标值 实际完成值 分值 得分”一行，各值无法确定属于哪一列，未读取；例如“指标8:适龄儿童疫苗接种率 100% 97.3% 2 1.9”`,
        ),
      );
    }
    if (nextGroup !== null) group = nextGroup[1] ?? "";
  }
  return out;
}
