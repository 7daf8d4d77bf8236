import { GOAL_TEXT_COLUMNS, RUN_TOGETHER_LABELS } from "../tables/header-fields.ts";
import { isNote } from "../tables/table-titles.ts";
import { budgetRole, indicatorRole, TEMPLATES } from "../tables/template-headers.ts";
import { budgetRows, type RowMaker } from "./run-together-budget.ts";
import { splitIndicatorRun } from "./run-together-indicators.ts";
import type { GridRow } from "./text-grid.ts";
import { findWords, wordAt } from "./word-match.ts";

/**
 * A line whose table cells ran together with no separator, as a web page or an OCR export gives a
 * table ("全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10…"), rebuilt as
 * rows of cells. It is recognised by a run of three or more column headings of one template written
 * back to back; the header cells before it are split at their labels (项目名称, 主管部门, …), and
 * the rows after it by the heading's column order and the grammar of the values (value-grammar.ts).
 * A row that cannot be split in exactly one way becomes a row with a `problem`: unread, with its text.
 */

type Table = "budget" | "indicators";

interface Heading {
  start: number;
  end: number;
  text: string;
  table: Table | "both" | null;
}

const MIN_RUN = 3;
/** Sentence punctuation right after the headings: prose naming columns, not a table. */
const PROSE_AFTER = /^\s*[，。；、,;]/u;
const MAX_GAP = 8;
const NOTE = /^\s*[（(](?:[A-Za-z]+(?:\/[A-Za-z]+)?|%|分|万元|元)[)）]/;
const LEVELS = new Set(["block", "group", "name"]);
/** Every heading word of the templates, without its `*`, longest first. */
const WORDS: readonly string[] = [
  ...new Set(
    TEMPLATES.flatMap((t) => [...t.budget, ...t.indicators].flatMap(([, words]) => words))
      .map((w) => w.replace(/^\*|\*$/g, ""))
      .filter((w) => w.length >= 2),
  ),
].sort((a, b) => b.length - a.length);

function headingAt(text: string, at: number): Heading | null {
  const found = wordAt(text, at, WORDS);
  if (found === null) return null;
  let end = found.end;
  const note = NOTE.exec(text.slice(end));
  if (note !== null) end += note[0].length;
  const heading = text.slice(at, end).replace(/ /g, "");
  const inBudget = budgetRole(heading) !== null;
  const inIndicators = indicatorRole(heading) !== null;
  const table = inBudget && inIndicators ? "both" : inBudget ? "budget" : inIndicators ? "indicators" : null;
  return { start: at, end, text: heading, table };
}

/**
 * An unknown stretch between two headings: when its characters are exactly those of one heading
 * (OCR interleaves the two lines of a wrapped heading cell: "年成值全完值" for 全年完成值), it is
 * that heading; otherwise a column of unknown role.
 */
function scrambledHeading(text: string, start: number, end: number): Heading {
  const chars = new Set(text.replace(/ /g, ""));
  const word = WORDS.find((w) => {
    const own = new Set(w);
    return own.size === chars.size && [...chars].every((c) => own.has(c));
  });
  if (word === undefined) return { start, end, text, table: null };
  return { ...(headingAt(word, 0) as Heading), start, end };
}

/** Runs of headings written back to back (a short unknown gap between two is one unknown column). */
function headingRuns(text: string): Heading[][] {
  const runs: Heading[][] = [];
  let run: Heading[] = [];
  let at = 0;
  while (at < text.length) {
    const label = text[at] === " " ? null : wordAt(text, at, RUN_TOGETHER_LABELS);
    const heading = label === null && text[at] !== " " ? headingAt(text, at) : null;
    if (label !== null) {
      if (run.filter((h) => h.table !== null).length >= MIN_RUN) runs.push(run);
      run = [];
      at = label.end;
    } else if (heading !== null) {
      const last = run.at(-1);
      const gap = last === undefined ? 0 : heading.start - last.end;
      const between = last === undefined ? "" : text.slice(last.end, heading.start);
      if (last !== undefined && gap > 0 && between.trim() !== "") {
        if (gap <= MAX_GAP && !/[\d%：:，,。]/.test(between)) {
          run.push(scrambledHeading(between, last.end, heading.start));
        } else {
          if (run.filter((h) => h.table !== null).length >= MIN_RUN) runs.push(run);
          run = [];
        }
      }
      run.push(heading);
      at = heading.end;
    } else {
      at += 1;
    }
  }
  if (run.filter((h) => h.table !== null).length >= MIN_RUN) runs.push(run);
  return runs.map(trimUnknown);
}

/**
 * A run without the unknown stretches at its end, nor one followed by a single heading: that is the
 * first row's name ending with a heading word ("…是否核心指标预算执行率…"), not a column.
 */
function trimUnknown(run: Heading[]): Heading[] {
  const out = [...run];
  for (;;) {
    const gap = out.findLastIndex((h) => h.table === null);
    if (gap < 0 || out.length - gap - 1 >= 2) return out;
    out.splice(gap);
  }
}

/**
 * The table a run of headings opens; null when it opens none. A run with an unknown column needs
 * four known headings, so a sentence ("三级指标的权重分值") is not taken for one.
 */
function tableOf(run: readonly Heading[]): Table | null {
  const known = run.filter((h) => h.table !== null).length;
  if (known < run.length && known < MIN_RUN + 1) return null;
  if (run.some((h) => LEVELS.has(indicatorRole(h.text) ?? ""))) return "indicators";
  const budget = run.filter((h) => h.table === "budget" || h.table === "both").length;
  return budget >= MIN_RUN ? "budget" : null;
}

/** Whether a row is one line of cells run together that `splitRunTogether` can rebuild. */
function runTogetherText(row: GridRow): string | null {
  if (row.cells.length !== 1) return null;
  const text = (row.cells[0] ?? "").replace(/\s+/g, " ").trim();
  return text.length >= 20 && !isNote(text) ? text : null;
}

/**
 * Rows with every run-together line rebuilt as rows of cells (see the module comment). A document
 * sharing site cuts a page's text into numbered pieces ("1、…", "2、…", "3、…") that go on in the
 * middle of a table: such pieces are read as one line when together they hold a table.
 */
export function splitRunTogether(rows: readonly GridRow[]): GridRow[] {
  const out: GridRow[] = [];
  let i = 0;
  while (i < rows.length) {
    const row = rows[i] as GridRow;
    const pieces = pagePieces(rows, i);
    const joined = pieces < 2 ? null : rebuildRow(joinPieces(rows.slice(i, i + pieces)));
    if (joined !== null) {
      out.push(...joined);
      i += pieces;
    } else {
      out.push(...(rebuildRow(row) ?? [row]));
      i += 1;
    }
  }
  return out;
}

const PIECE = /^(\d+)、/;

/** How many rows from `start` are numbered pieces 1、, 2、, 3、… of one page (1 when none). */
function pagePieces(rows: readonly GridRow[], start: number): number {
  let count = 0;
  for (let k = start; k < rows.length; k += 1) {
    const cells = rows[k]?.cells ?? [];
    const number = cells.length === 1 ? PIECE.exec(cells[0] ?? "")?.[1] : undefined;
    if (number === undefined || Number(number) !== count + 1) break;
    count += 1;
  }
  return Math.max(count, 1);
}

function joinPieces(pieces: readonly GridRow[]): GridRow {
  const first = pieces[0] as GridRow;
  const text = pieces.map((p) => (p.cells[0] ?? "").replace(PIECE, "")).join("");
  return {
    line: first.line,
    lastLine: pieces.at(-1)?.lastLine ?? first.lastLine,
    cells: [text],
    plain: true,
  };
}

/** The rows a run-together line is rebuilt into; null when it holds no table heading. */
function rebuildRow(row: GridRow): GridRow[] | null {
  const text = runTogetherText(row);
  if (text === null) return null;
  const runs = headingRuns(text).filter(
    (r) => tableOf(r) !== null && !PROSE_AFTER.test(text.slice(r.at(-1)?.end)),
  );
  return runs.length === 0 ? null : rebuild(row, text, runs);
}

function rebuild(row: GridRow, text: string, runs: readonly Heading[][]): GridRow[] {
  const make = (raw: string[], problem?: string): GridRow => {
    const cells = raw.map((c) => c.trim());
    const made: GridRow = { line: row.line, lastLine: row.lastLine, cells, plain: cells.length < 2 };
    if (problem !== undefined)
      made.problem = problem.startsWith("第") ? problem : `第${row.line}行${problem}`;
    return made;
  };
  const out: GridRow[] = [];
  const firstStart = runs[0]?.[0]?.start ?? text.length;
  out.push(...headerCells(text.slice(0, firstStart), make));
  for (const [index, run] of runs.entries()) {
    const end = run.at(-1)?.end ?? 0;
    const next = runs[index + 1]?.[0]?.start ?? text.length;
    const region = text.slice(end, next);
    if (tableOf(run) === "budget") {
      const budget = budgetRows(
        run.map((h) => h.text),
        region,
        make,
      );
      out.push(...budget.rows);
      if (budget.rest !== "") out.push(...headerCells(budget.rest, make));
    } else
      out.push(
        ...splitIndicatorRun(
          run.map((h) => h.text),
          region,
          row.line,
          make,
        ),
      );
  }
  return out;
}

const LABELS_AND_HEADINGS: readonly string[] = [...RUN_TOGETHER_LABELS, ...WORDS];

function isLabel(word: string): boolean {
  return RUN_TOGETHER_LABELS.includes(word);
}

/** The 自评表 header cells before a table: "项目名称X主管部门Y…" as label | value rows. */
function headerCells(all: string, make: RowMaker): GridRow[] {
  const rows: GridRow[] = [];
  const title = /表\s*([（(]\s*\d{4}\s*年度?\s*[)）])/u.exec(all);
  let text = all;
  if (title !== null) {
    const end = title.index + title[0].length;
    rows.push(make([all.slice(0, title.index + 1)]), make([title[1] ?? ""]));
    text = all.slice(end);
  }
  const labels = findWords(text, LABELS_AND_HEADINGS);
  const first = labels[0];
  if (labels.filter((l) => isLabel(l.word)).length < 2 || first === undefined) {
    return text === "" ? rows : [...rows, make([text])];
  }
  const before = text.slice(0, first.start);
  if (before !== "") rows.push(make([before]));
  for (const [i, label] of labels.entries()) {
    const end = labels[i + 1]?.start ?? text.length;
    const note = NOTE.exec(text.slice(label.end))?.[0] ?? "";
    const value = text
      .slice(label.end + note.length, end)
      .trim()
      .replace(/^[:：]\s*/, "");
    if (!isLabel(label.word)) {
      rows.push(make([text.slice(label.start, end)]));
      continue;
    }
    if (GOAL_TEXT_COLUMNS.has(value)) {
      const rest = text.slice(label.start);
      const reason = `“${label.word}”表（${value}等列）的各格连在一起，无法分开各列的文字，未读取；各列应分开写，例如“年度总体目标 | 目标文字 | 完成情况文字”`;
      rows.push(make([rest], reason));
      break;
    }
    rows.push(make([label.word, value]));
  }
  return rows;
}
