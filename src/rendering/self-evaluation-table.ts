import type { Task } from "../core/budget.ts";
import type { Report } from "../core/report.ts";
import { pending } from "../drafting/pending.ts";
import { fmt } from "../scoring/rounding.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import { budgetAmounts, budgetRows, DEPARTMENT_BUDGET, PROJECT_BUDGET } from "./budget-rows.ts";
import { DEPARTMENT_INDICATORS, indicatorRows, PROJECT_INDICATORS } from "./indicator-rows.ts";
import type { ViewCell, ViewTable } from "./report-view.ts";
import {
  moneyText,
  num,
  orUnfilled,
  rateText,
  scoreText,
  type TableUnit,
  tableUnit,
  td,
  th,
} from "./view-format.ts";

/** Relative widths of the eight columns of a 自评表. */
const WIDTHS = [11, 13, 18, 11, 11, 7, 10, 19];

/** "优", or "优（原填良）" when the report stated another grade. */
export function gradeText(card: ScoreCard): string {
  const stated = card.reported.grade;
  return stated === undefined || stated === card.grade ? card.grade : `${card.grade}（原填${stated}）`;
}

function preparerText(report: Report): string {
  const parts = [report.preparer?.name, report.preparer?.phone].filter(
    (p): p is string => p !== undefined && p.trim() !== "",
  );
  return parts.length === 0 ? pending("填报人姓名和电话") : parts.join(" ");
}

function taskRows(tasks: readonly Task[], unit: TableUnit): ViewCell[][] {
  if (tasks.length === 0) return [];
  const header = [
    th("年度主要任务", { rowSpan: tasks.length + 1 }),
    th("任务名称"),
    th("主要内容"),
    th("预算资金"),
    th("其中：财政资金"),
    th("任务完成情况"),
    th("预算执行数"),
    th("预算执行率"),
  ];
  const rows = tasks.map((t) => [
    td(t.name),
    td(t.content?.trim() ?? ""),
    num(moneyText(t.budget, unit)),
    num(moneyText(t.fiscal, unit)),
    td(orUnfilled(t.status, "任务完成情况")),
    num(moneyText(t.executed, unit)),
    num(rateText(t.executed, t.budget, t.reportedRate)),
  ]);
  return [header, ...rows];
}

function note(report: Report, unit: TableUnit): string {
  return `（${report.year}年度）　单位：${unit}`;
}

/**
 * The 部门整体绩效自评表 as one grid (seed 000's layout): 部门名称 / 自评得分 / 自评结果, 年度履职目标,
 * 年度主要任务, 预算情况 with its sub-rows, then the indicators. Scores are the rules' (the officer's in
 * brackets when different); amounts are in the unit the report wrote (元 only when all are in 元).
 */
export function departmentTable(report: Report, card: ScoreCard): ViewTable {
  const unit = tableUnit([
    ...budgetAmounts(report.budget),
    ...report.tasks.flatMap((t) => [t.budget, t.fiscal, t.executed]),
  ]);
  const header: ViewCell[][] = [
    [
      th("部门（单位）名称", { colSpan: 2 }),
      td(report.unit.name, { colSpan: 3 }),
      th("自评得分"),
      num(scoreText(card.total, card.reported.total), { colSpan: 2 }),
    ],
    [
      th("填报人", { colSpan: 2 }),
      td(preparerText(report), { colSpan: 3 }),
      th("自评结果"),
      td(gradeText(card), { colSpan: 2, align: "center" }),
    ],
    [
      th("年度履职目标", { colSpan: 2 }),
      td(orUnfilled(report.goals.text, "年度履职目标"), { colSpan: 3 }),
      th("年度履职目标完成情况"),
      td(orUnfilled(report.goals.status, "年度履职目标完成情况"), { colSpan: 2 }),
    ],
  ];
  const head = [
    ...header,
    ...taskRows(report.tasks, unit),
    ...budgetRows(report.budget, card, unit, DEPARTMENT_BUDGET),
  ];
  return {
    id: "self_evaluation",
    title: "部门整体绩效自评表",
    note: note(report, unit),
    widths: WIDTHS,
    rows: [...head, ...indicatorRows(report.indicators, card, DEPARTMENT_INDICATORS)],
    header: head.length,
  };
}

/**
 * The 项目支出绩效自评表 as one grid (seed 003 annex): 项目名称, 主管部门 / 实施单位, 项目资金 rows,
 * 年度总体目标 (预期 / 实际), the indicators and 总分 with the grade.
 */
export function projectTable(report: Report, card: ScoreCard): ViewTable {
  const unit = tableUnit(budgetAmounts(report.budget));
  const weight = card.blocks.reduce((sum, b) => sum + b.weight, 0);
  const rows: ViewCell[][] = [
    [th("项目名称", { colSpan: 2 }), td(orUnfilled(report.project, "项目名称"), { colSpan: 6 })],
    [
      th("主管部门", { colSpan: 2 }),
      td(orUnfilled(report.unit.parent, "主管部门"), { colSpan: 2 }),
      th("实施单位", { colSpan: 2 }),
      td(report.unit.name, { colSpan: 2 }),
    ],
    ...budgetRows(report.budget, card, unit, PROJECT_BUDGET),
    [th("年度总体目标", { rowSpan: 2 }), th("预期目标", { colSpan: 3 }), th("实际完成情况", { colSpan: 4 })],
    [
      td(orUnfilled(report.goals.text, "年度总体目标"), { colSpan: 3 }),
      td(orUnfilled(report.goals.status, "年度总体目标实际完成情况"), { colSpan: 4 }),
    ],
  ];
  const header = rows.length;
  rows.push(...indicatorRows(report.indicators, card, PROJECT_INDICATORS), [
    th("总分", { colSpan: 5 }),
    { ...num(fmt(weight)), bold: true },
    { ...num(scoreText(card.total, card.reported.totalRow ?? card.reported.total)), bold: true },
    { ...td(`评价等级：${gradeText(card)}`), bold: true },
  ]);
  return {
    id: "self_evaluation",
    title: "项目支出绩效自评表",
    note: note(report, unit),
    widths: WIDTHS,
    rows,
    header,
  };
}
