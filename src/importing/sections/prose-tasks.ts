import type { TaskFragment } from "../report/report-fragment.ts";

/** A numbered task list written as prose, and the lines it spans. */
export interface ProseTasks {
  tasks: TaskFragment[];
  firstLine: number;
  lastLine: number;
  /** Items that name no amount, by their number: listed, not guessed. */
  withoutAmounts: number[];
}

const ITEM = /^\s*[（(]\s*(\d{1,3})\s*[)）]\s*(.*)$/;
/** A heading ends the list: "二、…", "（二）…", "1. …" at the start of a line. */
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．]\s*\S)/;
const BUDGET = /(?:项目)?(?:批复|预算|安排)资金\s*(?:为|是)?\s*(\d+(?:\.\d+)?)\s*(万元|元)/;
const EXECUTED = /(?:项目)?(?:执行|支出|使用)资金\s*(?:为|是)?\s*(\d+(?:\.\d+)?)\s*(万元|元)/;
const NAME_END = /[，,]/;
/** The list counts only when most items carry an amount: a numbered list of measures is not tasks. */
const MIN_ITEMS = 2;

/**
 * Reads a 年度主要任务 list written as numbered prose (seed 002: "（1）疫情防控核酸条码打印工作，为推进…。
 * 项目批复资金 12 万元，项目执行资金为 12 万元。"): the name is the text before the first comma, the
 * content runs to the amounts, 批复资金 is the budget and 执行资金 the executed amount. Lines broken by
 * PDF extraction are joined to their item. Null when the text has no such list.
 */
export function readProseTasks(lines: readonly string[]): ProseTasks | null {
  const items = numberedItems(lines);
  const withAmounts = items.filter((item) => BUDGET.test(item.text));
  if (withAmounts.length < MIN_ITEMS || withAmounts.length * 2 < items.length) return null;
  const first = items[0];
  const last = items.at(-1);
  if (first === undefined || last === undefined) return null;
  return {
    tasks: items.map((item) => readItem(item.text)),
    firstLine: first.line,
    lastLine: last.lastLine,
    withoutAmounts: items.filter((item) => !BUDGET.test(item.text)).map((item) => item.number),
  };
}

interface Item {
  number: number;
  text: string;
  line: number;
  lastLine: number;
}

/** The first run of items numbered 1, 2, 3, … with their continuation lines. */
function numberedItems(lines: readonly string[]): Item[] {
  const items: Item[] = [];
  for (const [index, raw] of lines.entries()) {
    const match = ITEM.exec(raw);
    const open = items.at(-1);
    if (match !== null && Number(match[1]) === items.length + 1) {
      items.push({
        number: items.length + 1,
        text: (match[2] ?? "").trim(),
        line: index + 1,
        lastLine: index + 1,
      });
    } else if (open !== undefined && raw.trim() !== "") {
      if (match !== null || HEADING.test(raw)) break;
      open.text += raw.trim();
      open.lastLine = index + 1;
    }
  }
  return items;
}

function readItem(text: string): TaskFragment {
  const nameEnd = NAME_END.exec(text);
  const name = nameEnd === null ? text : text.slice(0, nameEnd.index);
  const rest = nameEnd === null ? "" : text.slice(nameEnd.index + 1);
  const budget = BUDGET.exec(rest);
  const executed = EXECUTED.exec(rest);
  const content = (budget === null ? rest : rest.slice(0, budget.index)).replace(/[，,\s]+$/, "");
  return {
    name: name.trim(),
    ...(content === "" ? {} : { content }),
    ...(budget === null ? {} : { budget: `${budget[1]}${budget[2]}` }),
    ...(executed === null ? {} : { executed: `${executed[1]}${executed[2]}` }),
  };
}
