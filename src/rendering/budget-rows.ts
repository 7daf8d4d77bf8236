import type { Budget, BudgetRow } from "../core/budget.ts";
import type { Money } from "../core/quantities.ts";
import { fmt } from "../scoring/rounding.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import type { ViewCell } from "./report-view.ts";
import { moneyText, num, percentText, rateText, scoreText, type TableUnit, td, th } from "./view-format.ts";

/** Wording of the budget part of a 自评表, which differs between 部门整体 and 项目支出 tables. */
export interface BudgetWording {
  /** Left column spanning the part: "预算情况" or "项目资金". */
  label: string;
  /** Headers of 年初预算数 / 调整预算数 / 预算执行数. */
  columns: [string, string, string];
  total: string;
  /** Sub-row labels; a sub-row is printed only when the report has it. */
  fiscal: string;
  other: string;
  basic?: string;
  project?: string;
}

/** 部门整体 wording (seed 000). */
export const DEPARTMENT_BUDGET: BudgetWording = {
  label: "预算情况",
  columns: ["年初预算数", "调整预算数", "预算执行数"],
  total: "部门预算总额",
  fiscal: "资金来源：财政性资金",
  other: "资金来源：其他资金",
  basic: "资金结构：基本支出",
  project: "资金结构：项目支出",
};

/** 项目支出 wording (seed 003 annex). */
export const PROJECT_BUDGET: BudgetWording = {
  label: "项目资金",
  columns: ["年初预算数", "全年预算数", "全年执行数"],
  total: "年度资金总额",
  fiscal: "其中：财政拨款",
  other: "其他资金",
};

/** Every amount the budget part prints, to choose the table's unit. */
export function budgetAmounts(budget: Budget): Array<Money | undefined> {
  const rows = [
    budget,
    budget.sources?.fiscal,
    budget.sources?.other,
    budget.structure?.basic,
    budget.structure?.project,
  ];
  return rows.flatMap((r) => (r === undefined ? [] : [r.initial, r.adjusted, r.executed]));
}

/** The 执行率 of the total row: the scheme's derived executionRate (its base), else executed ÷ adjusted. */
function totalRate(budget: Budget, card: ScoreCard): string {
  const derived = card.derived.find((d) => d.key === "executionRate");
  if (derived?.status === "ok" && derived.value !== undefined)
    return percentText(derived.value, budget.reportedRate);
  return rateText(budget.executed, budget.adjusted ?? budget.initial, budget.reportedRate);
}

function amounts(row: BudgetRow, unit: TableUnit): ViewCell[] {
  return [
    num(moneyText(row.initial, unit)),
    num(moneyText(row.adjusted, unit)),
    num(moneyText(row.executed, unit)),
  ];
}

/**
 * The budget part of a 自评表 (8 columns): a header row, the total row with 分值 and the rules'
 * 得分 of the 预算执行率 row, then the 资金来源 / 资金结构 sub-rows the report has. Rates are computed
 * from the amounts; a stated rate that disagrees follows in brackets.
 */
export function budgetRows(
  budget: Budget,
  card: ScoreCard,
  unit: TableUnit,
  wording: BudgetWording,
): ViewCell[][] {
  const scored = card.blocks.flatMap((b) => b.indicators).find((i) => i.kind === "budget");
  const subrows: Array<[string, BudgetRow | undefined]> = [
    [wording.fiscal, budget.sources?.fiscal],
    [wording.other, budget.sources?.other],
    [wording.basic ?? "", wording.basic === undefined ? undefined : budget.structure?.basic],
    [wording.project ?? "", wording.project === undefined ? undefined : budget.structure?.project],
  ];
  const present = subrows.filter((s): s is [string, BudgetRow] => s[1] !== undefined);
  const header: ViewCell[] = [
    th(wording.label, { rowSpan: present.length + 2 }),
    th("项目"),
    ...wording.columns.map((c) => th(c)),
    th("执行率"),
    th("分值"),
    th("得分"),
  ];
  const total: ViewCell[] = [
    td(wording.total),
    ...amounts(budget, unit),
    num(totalRate(budget, card)),
    num(scored === undefined ? "—" : fmt(scored.weight)),
    num(scored === undefined ? "—" : scoreText(scored.points, scored.reported)),
  ];
  const rows = present.map(([label, row]) => [
    td(label),
    ...amounts(row, unit),
    num(rateText(row.executed, row.adjusted ?? row.initial, row.reportedRate)),
    td("", { colSpan: 2 }),
  ]);
  return [header, total, ...rows];
}
