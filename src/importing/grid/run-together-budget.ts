import { RUN_TOGETHER_LABELS } from "../tables/header-fields.ts";
import { BUDGET_ROW_LABELS, budgetRole } from "../tables/template-headers.ts";
import { splitSpacedValues } from "./spaced-rows.ts";
import type { GridRow } from "./text-grid.ts";
import type { ValueKind } from "./value-grammar.ts";
import { splitValues } from "./value-split.ts";
import { findWords } from "./word-match.ts";

/**
 * The rows of a 预算情况 table after a run-together heading ("资金情况(万元)全年预算数(A)…得分"):
 * each row label (年度资金总额, 其中:本年财政拨款, …) and the values after it, split by the
 * heading's columns; values right after the heading with no label are the table's one row, its total.
 */

/** Makes a row of the line being rebuilt; a `problem` makes it unread. */
export type RowMaker = (cells: string[], problem?: string) => GridRow;

const BUDGET_KINDS: Record<string, ValueKind> = {
  initial: "amount",
  adjusted: "amount",
  executed: "amount",
  reportedRate: "rate",
  weight: "points",
  score: "points",
};

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

/**
 * The budget rows of `region` up to the next header label; `rest` is the text from that label on.
 */
export function budgetRows(
  headings: readonly string[],
  region: string,
  make: RowMaker,
): { rows: GridRow[]; rest: string } {
  const label = budgetRole(headings[0] ?? "") === "label";
  const columns = label ? headings.slice(1) : headings;
  const kinds = columns.map((h) => BUDGET_KINDS[budgetRole(h) ?? ""]);
  const rows: GridRow[] = [
    make(["", ...columns].map((c, i) => (i === 0 && label ? (headings[0] ?? "") : c))),
  ];
  const stop = findWords(region, RUN_TOGETHER_LABELS)[0]?.start ?? region.length;
  const labels = findWords(region.slice(0, stop), BUDGET_ROW_LABELS);
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
    const spaced = known && values.includes(" ") ? splitSpacedValues(values, kinds as ValueKind[]) : null;
    const split =
      spaced !== null
        ? [spaced]
        : known
          ? plausibleBudget(columns, splitValues(values, kinds as ValueKind[]))
          : [];
    if (split.length === 1 && split[0] !== undefined) {
      rows.push(make([found.word, ...split[0]]));
    } else {
      const expected = columns.join("、");
      rows.push(
        make(
          [found.word, values],
          `“${found.word}”一行的“${values}”按表头（${expected}）无法唯一拆分成各列的值，未读取；各列的值应分开写，例如“20 | 20 | 10 | 100.00% | 10”`,
        ),
      );
    }
  }
  return { rows, rest: region.slice(stop) };
}
