import { GOAL_TEXT_COLUMNS, RUN_TOGETHER_LABELS } from "./header-fields.ts";
import { splitIndicatorRun } from "./run-together-indicators.ts";
import { budgetRole, indicatorRole, TEMPLATES } from "./template-headers.ts";
import type { GridRow } from "./text-grid.ts";
import type { ValueKind } from "./value-grammar.ts";
import { splitValues } from "./value-split.ts";

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
const MAX_GAP = 8;
const NOTE = /^[（(](?:[A-Za-z]+(?:\/[A-Za-z]+)?|%|分|万元|元)[)）]/;
const LEVELS = new Set(["block", "group", "name"]);
const BUDGET_ROWS = [
  "年度资金总额",
  "部门预算总额",
  "资金总额",
  "其中:本年财政拨款",
  "其中:当年财政拨款",
  "其中:财政拨款",
  "本年财政拨款",
  "当年财政拨款",
  "财政拨款",
  "上年结转资金",
  "其他资金",
  "基本支出",
  "项目支出",
];
const BUDGET_KINDS: Record<string, ValueKind> = {
  initial: "amount",
  adjusted: "amount",
  executed: "amount",
  reportedRate: "rate",
  weight: "points",
  score: "points",
};

/** Every heading word of the templates, without its `*`, longest first. */
const WORDS: readonly string[] = [
  ...new Set(
    TEMPLATES.flatMap((t) => [...t.budget, ...t.indicators].flatMap(([, words]) => words))
      .map((w) => w.replace(/^\*|\*$/g, ""))
      .filter((w) => w.length >= 2),
  ),
].sort((a, b) => b.length - a.length);

/**
 * The end of `word` written at `at`, spaces allowed between its characters (a PDF or a spreadsheet
 * export puts them there: "年初预算 数"); null when it is not there.
 */
function matchAt(text: string, at: number, word: string): number | null {
  let pos = at;
  for (const [k, ch] of [...word].entries()) {
    if (k > 0) while (text[pos] === " ") pos += 1;
    if (text[pos] !== ch) return null;
    pos += 1;
  }
  return pos;
}

/** The word written at `at`: the longest written without spaces, else the longest with them. */
function wordAt(text: string, at: number, words: readonly string[]): { word: string; end: number } | null {
  let best: { word: string; end: number; tight: boolean } | null = null;
  for (const word of words) {
    const end = matchAt(text, at, word);
    if (end === null) continue;
    const tight = end - at === word.length;
    const better =
      best === null || (tight && !best.tight) || (tight === best.tight && word.length > best.word.length);
    if (better) best = { word, end, tight };
  }
  return best === null ? null : { word: best.word, end: best.end };
}

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
          run.push({ start: last.end, end: heading.start, text: between, table: null });
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

function trimUnknown(run: Heading[]): Heading[] {
  const out = [...run];
  while (out.at(-1)?.table === null) out.pop();
  return out;
}

function tableOf(run: readonly Heading[]): Table | null {
  if (run.some((h) => LEVELS.has(indicatorRole(h.text) ?? ""))) return "indicators";
  const budget = run.filter((h) => h.table === "budget" || h.table === "both").length;
  return budget >= MIN_RUN ? "budget" : null;
}

/** Whether a row is one line of cells run together that `splitRunTogether` can rebuild. */
function runTogetherText(row: GridRow): string | null {
  if (row.cells.length !== 1) return null;
  const text = (row.cells[0] ?? "").replace(/\s+/g, " ").trim();
  return text.length >= 20 ? text : null;
}

/** Rows with every run-together line rebuilt as rows of cells (see the module comment). */
export function splitRunTogether(rows: readonly GridRow[]): GridRow[] {
  return rows.flatMap((row) => {
    const text = runTogetherText(row);
    if (text === null) return [row];
    const runs = headingRuns(text).filter((r) => tableOf(r) !== null);
    return runs.length === 0 ? [row] : rebuild(row, text, runs);
  });
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
    if (tableOf(run) === "budget") out.push(...budgetRows(run, region, make));
    else
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

type Make = (cells: string[], problem?: string) => GridRow;

/**
 * Among the ways a budget row splits, those whose figures agree, tried one test at a time while more
 * than one split is left: the 得分 is not above the 分值; the 执行率 is the 执行数 over the 全年预算数
 * (rounded to the decimals the rate is written with); the 得分 is the 分值 times the 执行率 (within a
 * point). Used only to choose between splits: when no single split is left the row stays unread.
 */
function plausibleBudget(columns: readonly string[], splits: string[][]): string[][] {
  const text = (split: readonly string[], role: string) => {
    const index = columns.findIndex((c) => budgetRole(c) === role);
    return index < 0 ? undefined : split[index];
  };
  const num = (split: readonly string[], role: string) => {
    const t = text(split, role);
    return t === undefined ? undefined : Number.parseFloat(t);
  };
  const tests: Array<(split: readonly string[]) => boolean> = [
    (split) => {
      const [weight, score] = [num(split, "weight"), num(split, "score")];
      return weight === undefined || score === undefined || score <= weight;
    },
    (split) => {
      const [adjusted, executed, rate] = [
        num(split, "adjusted"),
        num(split, "executed"),
        num(split, "reportedRate"),
      ];
      if (adjusted === undefined || executed === undefined || rate === undefined) return true;
      const decimals = /\.(\d+)/.exec(text(split, "reportedRate") ?? "")?.[1]?.length ?? 0;
      return adjusted > 0 && Math.abs((executed / adjusted) * 100 - rate) <= 0.5 * 10 ** -decimals + 1e-9;
    },
    (split) => {
      const [weight, score, rate] = [num(split, "weight"), num(split, "score"), num(split, "reportedRate")];
      if (weight === undefined || score === undefined || rate === undefined) return true;
      return Math.abs((weight * Math.min(rate, 100)) / 100 - score) <= 1;
    },
  ];
  let left = splits;
  for (const test of tests) {
    if (left.length < 2) break;
    left = left.filter(test);
  }
  return left;
}

/** Positions of the words in a text, longest word first at each position, left to right. */
function findWords(
  text: string,
  words: readonly string[],
): Array<{ start: number; end: number; word: string }> {
  const found: Array<{ start: number; end: number; word: string }> = [];
  let at = 0;
  while (at < text.length) {
    const match = text[at] === " " ? null : wordAt(text, at, words);
    if (match === null) {
      at += 1;
    } else {
      found.push({ start: at, ...match });
      at = match.end;
    }
  }
  return found;
}

function isLabel(word: string): boolean {
  return RUN_TOGETHER_LABELS.includes(word);
}

/** The 自评表 header cells before a table: "项目名称X主管部门Y…" as label | value rows. */
function headerCells(all: string, make: Make): GridRow[] {
  const rows: GridRow[] = [];
  const title = /表\s*([（(]\s*\d{4}\s*年度?\s*[)）])/u.exec(all);
  let text = all;
  if (title !== null) {
    const end = title.index + title[0].length;
    rows.push(make([all.slice(0, title.index + 1)]), make([title[1] ?? ""]));
    text = all.slice(end);
  }
  const labels = findWords(text, [...RUN_TOGETHER_LABELS, ...WORDS]);
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
      const reason = `“${label.word}”表（${value}等列）的各格连在一起，无法分开各列的文字，未读取`;
      rows.push(make([rest], reason));
      break;
    }
    rows.push(make([label.word, value]));
  }
  return rows;
}

function budgetRows(run: readonly Heading[], region: string, make: Make): GridRow[] {
  const headings = run.map((h) => h.text);
  const label = budgetRole(headings[0] ?? "") === "label";
  const columns = label ? headings.slice(1) : headings;
  const kinds = columns.map((h) => BUDGET_KINDS[budgetRole(h) ?? ""]);
  const rows: GridRow[] = [
    make(["", ...columns].map((c, i) => (i === 0 && label ? (headings[0] ?? "") : c))),
  ];
  const stop = findWords(region, RUN_TOGETHER_LABELS)[0]?.start ?? region.length;
  const labels = findWords(region.slice(0, stop), BUDGET_ROWS);
  const lead = region.slice(0, labels[0]?.start ?? stop);
  const unlabelled = /^[^\u3400-\u9fff]+/u.exec(lead)?.[0] ?? "";
  const rowsAt = labels.map((l) => ({ word: l.word, start: l.start, valuesAt: l.end }));
  // Values right after the headings, with no row label: the table's one row, its total.
  if (unlabelled !== "") rowsAt.unshift({ word: "合计", start: 0, valuesAt: 0 });
  else if (lead !== "") rows.push(make([lead]));
  for (const [i, found] of rowsAt.entries()) {
    const end = i === 0 && unlabelled !== "" ? unlabelled.length : (rowsAt[i + 1]?.start ?? stop);
    const values = region
      .slice(found.valuesAt, end)
      .trim()
      .replace(/^[:：]\s*/, "");
    if (values === "") continue;
    const known = kinds.every((k) => k !== undefined);
    const split = known ? plausibleBudget(columns, splitValues(values, kinds as ValueKind[])) : [];
    if (split.length === 1 && split[0] !== undefined) {
      rows.push(make([found.word, ...split[0]]));
    } else {
      const expected = columns.join("、");
      rows.push(
        make(
          [found.word, values],
          `“${found.word}”一行的“${values}”按表头（${expected}）无法唯一拆分成各列的值，未读取`,
        ),
      );
    }
  }
  const rest = region.slice(stop);
  if (rest !== "") rows.push(...headerCells(rest, make));
  return rows;
}
