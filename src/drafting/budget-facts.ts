import type { Budget, BudgetRow, Task } from "../core/budget.ts";
import type { Money } from "../core/quantities.ts";
import { round } from "../scoring/rounding.ts";
import type { IndicatorScore } from "../scoring/score-card.ts";
import type { Fact } from "./draft-types.ts";
import { moneyFact, plainFact, pointsFact, ratioFact, statedPercentFact, wanFact } from "./fact-builders.ts";

/** The amount an execution rate is computed on: the adjusted budget, or the initial one when unadjusted. */
function baseOf(row: BudgetRow): { money: Money; label: string } | undefined {
  if (row.adjusted) return { money: row.adjusted, label: "调整后预算数" };
  if (row.initial) return { money: row.initial, label: "年初预算数" };
  return undefined;
}

/** initial / adjusted / executed / rate / reportedRate of one budget row, keys under `prefix`. */
function rowFacts(prefix: string, name: string, row: BudgetRow | undefined): Fact[] {
  if (row === undefined) return [];
  const base = baseOf(row);
  return [
    ...moneyFact(`${prefix}.initial`, `${name}年初预算数`, row.initial),
    ...moneyFact(`${prefix}.adjusted`, `${name}调整后预算数`, row.adjusted),
    ...moneyFact(`${prefix}.executed`, `${name}预算执行数`, row.executed),
    ...ratioFact(
      `${prefix}.rate`,
      `${name}预算执行率（预算执行数÷${base?.label ?? "预算数"}，计算值）`,
      row.executed?.wan,
      base?.money.wan,
    ),
    ...statedPercentFact(`${prefix}.reportedRate`, `${name}预算执行率（报告所填）`, row.reportedRate),
  ];
}

/** Budgeted vs actual pairs: 三公经费 (控制率), 政府采购 (执行率). */
function plannedActualFacts(
  prefix: string,
  labels: { budget: string; actual: string; rate: string },
  pair: Budget["threePublicExpenses"],
): Fact[] {
  if (pair === undefined) return [];
  return [
    ...moneyFact(`${prefix}.budget`, labels.budget, pair.budget),
    ...moneyFact(`${prefix}.actual`, labels.actual, pair.actual),
    ...ratioFact(
      `${prefix}.rate`,
      `${labels.rate}（${labels.actual}÷${labels.budget}，计算值）`,
      pair.actual?.wan,
      pair.budget?.wan,
    ),
    ...statedPercentFact(`${prefix}.reportedRate`, `${labels.rate}（报告所填）`, pair.reportedRate),
  ];
}

/**
 * Facts of the 预算情况: the total row (budget.initial … budget.rate), the points of the 预算执行率
 * row as the card scores it, the 资金来源 / 资金结构 sub-rows, 三公经费, 政府采购, 结转结余, 资金到位
 * and staffing. `row` is the card's budget row, when the scheme scores execution.
 */
export function budgetFacts(budget: Budget, row: IndicatorScore | undefined): Fact[] {
  const base = baseOf(budget);
  const executed = budget.executed?.wan;
  const unspent = base !== undefined && executed !== undefined ? base.money.wan - executed : undefined;
  return [
    ...rowFacts("budget", "", budget).filter((f) => f.key !== "budget.rate"),
    ...moneyFact("budget.declaredTotal", "申报的部门预算总额", budget.declaredTotal),
    ...(unspent !== undefined && unspent >= 0
      ? wanFact("budget.unspent", `未执行预算（${base?.label ?? "预算数"}−预算执行数）`, unspent, true)
      : []),
    ...ratioFact(
      "budget.rate",
      `预算执行率（预算执行数÷${base?.label ?? "预算数"}，计算值）`,
      executed,
      base?.money.wan,
    ),
    ...(row === undefined
      ? []
      : [
          ...pointsFact("budget.weight", "预算执行率分值", row.weight, false),
          ...pointsFact("budget.points", "预算执行率得分（按评分规则）", row.points),
          ...pointsFact("budget.lost", "预算执行率失分（按评分规则）", row.lost),
          ...pointsFact("budget.reported", "预算执行率得分（报告自评）", row.reported, false),
        ]),
    ...rowFacts("budget.fiscal", "财政性资金", budget.sources?.fiscal),
    ...rowFacts("budget.other", "其他资金", budget.sources?.other),
    ...rowFacts("budget.basic", "基本支出", budget.structure?.basic),
    ...rowFacts("budget.project", "项目支出", budget.structure?.project),
    ...plannedActualFacts(
      "budget.threePublicExpenses",
      { budget: "“三公经费”预算数", actual: "“三公经费”实际支出", rate: "“三公经费”控制率" },
      budget.threePublicExpenses,
    ),
    ...plannedActualFacts(
      "budget.procurement",
      { budget: "政府采购预算数", actual: "实际政府采购金额", rate: "政府采购执行率" },
      budget.procurement,
    ),
    ...moneyFact("budget.carryover.amount", "结转结余总额", budget.carryover?.amount),
    ...statedPercentFact(
      "budget.carryover.reportedRate",
      "结转结余率（报告所填）",
      budget.carryover?.reportedRate,
    ),
    ...moneyFact("budget.funds.planned", "计划投入资金", budget.funds?.planned),
    ...moneyFact("budget.funds.received", "实际到位资金", budget.funds?.received),
    ...plainFact("budget.staff.authorized", "编制数", budget.staff?.authorized, "人"),
    ...plainFact("budget.staff.actual", "在职人员数", budget.staff?.actual, "人"),
  ];
}

/** Sum of one amount over all tasks, only when every task states it (a partial sum would mislead). */
function taskSum(tasks: readonly Task[], pick: (t: Task) => Money | undefined): number | undefined {
  const amounts = tasks.map(pick);
  if (amounts.some((m) => m === undefined)) return undefined;
  return round(
    amounts.reduce((sum, m) => sum + (m?.wan ?? 0), 0),
    6,
  );
}

/**
 * Facts of the 年度主要任务: per task (1-based) its 预算资金, 预算执行数 and 执行率 (computed when both
 * amounts are known, else as stated), then the number of tasks and the sums of both amounts.
 */
export function taskFacts(tasks: readonly Task[]): Fact[] {
  if (tasks.length === 0) return [];
  const each = tasks.flatMap((task, i) => {
    const key = `task.${i + 1}`;
    const name = `任务“${task.name}”`;
    const computed = ratioFact(
      `${key}.rate`,
      `${name}执行率（计算值）`,
      task.executed?.wan,
      task.budget?.wan,
    );
    return [
      ...moneyFact(`${key}.budget`, `${name}预算资金`, task.budget),
      ...moneyFact(`${key}.executed`, `${name}预算执行数`, task.executed),
      ...(computed.length > 0
        ? computed
        : statedPercentFact(`${key}.rate`, `${name}执行率（报告所填）`, task.reportedRate)),
    ];
  });
  return [
    ...each,
    ...plainFact("tasks.count", "年度主要任务数", tasks.length, "项", { derived: true }),
    ...wanFact(
      "tasks.budget",
      "各项任务预算资金合计",
      taskSum(tasks, (t) => t.budget),
      true,
    ),
    ...wanFact(
      "tasks.executed",
      "各项任务预算执行数合计",
      taskSum(tasks, (t) => t.executed),
      true,
    ),
  ];
}
