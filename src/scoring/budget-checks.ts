import type { BudgetRow } from "../core/budget.ts";
import type { Finding } from "../core/finding.ts";
import type { Money, Percent } from "../core/quantities.ts";
import type { Report } from "../core/report.ts";
import type { DerivedValue } from "./derive.ts";
import { round, statesValue } from "./rounding.ts";
import type { Scheme, StatedRatePath } from "./scheme.ts";

function statedAt(report: Report, path: StatedRatePath): Percent | undefined {
  const b = report.budget;
  switch (path) {
    case "budget.reportedRate":
      return b.reportedRate;
    case "budget.carryover.reportedRate":
      return b.carryover?.reportedRate;
    case "budget.threePublicExpenses.reportedRate":
      return b.threePublicExpenses?.reportedRate;
    case "budget.procurement.reportedRate":
      return b.procurement?.reportedRate;
    case "budget.staff.reportedRate":
      return b.staff?.reportedRate;
  }
}

/** How far apart a stated and a computed rate are, in units of the stated precision. */
function offByLastDigit(computed: number, stated: Percent): boolean {
  return Math.abs(round(computed, stated.decimals) - stated.value) <= 10 ** -stated.decimals + 1e-9;
}

/**
 * Checks every rate the report states against the value derived from its own figures:
 * wrong base (年初预算), inverted ratio, 0/0 written as a percentage, rates over 100%.
 */
export function checkStatedRates(
  report: Report,
  scheme: Scheme,
  derived: readonly DerivedValue[],
): Finding[] {
  const findings: Finding[] = [];
  for (const common of scheme.commonIndicators) {
    if (!common.statedAt) continue;
    const stated = statedAt(report, common.statedAt);
    const d = derived.find((x) => x.key === common.key);
    const where = { path: common.statedAt, label: common.name, ...(stated ? { quote: stated.text } : {}) };
    if (
      common.key === "executionRate" &&
      d?.status === "ok" &&
      d.value !== undefined &&
      d.value > 100 + 1e-9
    ) {
      findings.push({
        code: "budget.rate_over_100",
        severity: "warn",
        where,
        message: `按预算数据计算，预算执行率为${round(d.value, 2)}%（${d.formula}），超过100%：执行数大于预算数，请核对预算调整是否入账。`,
      });
    } else if (common.key === "executionRate" && stated && stated.value > 100) {
      findings.push({
        code: "budget.rate_over_100",
        severity: "warn",
        where,
        message: `报告所写预算执行率${stated.text}超过100%，请核对执行数和预算数。`,
      });
    }
    if (!stated || !d || d.status === "missing") continue;
    if (d.status === "na") {
      findings.push({
        code: "ratio.zero_over_zero",
        severity: "warn",
        where,
        message: `${d.formula}，报告却写成“${stated.text}”。0/0既不是0%也不是100%，请写“不适用”。`,
      });
      continue;
    }
    const value = d.value as number;
    if (statesValue(value, stated.value, stated.decimals)) continue;
    const num = d.inputs[0];
    const den = d.inputs[1];
    if (common.key === "executionRate" && report.budget.initial && report.budget.adjusted && num) {
      const initial = report.budget.initial.wan;
      if (initial > 0 && Math.abs(initial - report.budget.adjusted.wan) > 1e-9) {
        const onInitial = (num.value / initial) * 100;
        if (statesValue(onInitial, stated.value, stated.decimals)) {
          findings.push({
            code: "budget.rate_base",
            severity: "error",
            where,
            message: `报告所写预算执行率${stated.text}是按年初预算计算的（${num.label}${num.value}万元 ÷ 年初预算数${initial}万元 = ${round(onInitial, 2)}%）；预算已调整，应按调整后预算计算：${d.formula}。请改为${round(value, 2)}%。`,
          });
          continue;
        }
      }
    }
    if (value > 0) {
      const inverted = 10000 / value;
      if (
        statesValue(inverted, stated.value, stated.decimals) ||
        statesValue(inverted / 100, stated.value, stated.decimals)
      ) {
        findings.push({
          code: "ratio.inverted",
          severity: "error",
          where,
          message: `报告所写${common.name}${stated.text}是把比率算反了（${den?.label}÷${num?.label}）；正确算法：${d.formula}。请改为${round(value, 2)}%。`,
        });
        continue;
      }
    }
    const small = offByLastDigit(value, stated);
    findings.push({
      code: common.key === "executionRate" ? "budget.rate_mismatch" : "value.conflict",
      severity: small ? "info" : "error",
      where,
      message: `报告所写${common.name}${stated.text}与数据不符：${d.formula}。请改为${round(value, stated.decimals)}%。`,
    });
  }
  return findings;
}

interface RateRow {
  path: string;
  label: string;
  base?: Money;
  executed?: Money;
  stated?: Percent;
}

function budgetRow(path: string, label: string, row: BudgetRow | undefined): RateRow {
  return {
    path,
    label,
    base: row?.adjusted ?? row?.initial,
    executed: row?.executed,
    stated: row?.reportedRate,
  };
}

/** The sub-rows (资金来源, 资金结构) and tasks of a report, each with its base, executed and stated rate. */
function rateRows(report: Report): RateRow[] {
  const b = report.budget;
  return [
    budgetRow("budget.sources.fiscal", "资金来源·财政性资金", b.sources?.fiscal),
    budgetRow("budget.sources.other", "资金来源·其他资金", b.sources?.other),
    budgetRow("budget.structure.basic", "资金结构·基本支出", b.structure?.basic),
    budgetRow("budget.structure.project", "资金结构·项目支出", b.structure?.project),
    ...report.tasks.map((t, i) => ({
      path: `tasks[${i}]`,
      label: `任务“${t.name}”`,
      base: t.budget,
      executed: t.executed,
      stated: t.reportedRate,
    })),
  ];
}

/** Checks the stated rate of each budget sub-row and task against its own figures. */
export function checkRowRates(report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const { path, label, base, executed, stated } of rateRows(report)) {
    if (!stated || !base || !executed) continue;
    const where = { path, label, quote: stated.text };
    if (base.wan === 0) {
      if (executed.wan === 0) {
        findings.push({
          code: "ratio.zero_over_zero",
          severity: "warn",
          where,
          message: `${label}预算数和执行数都是0，执行率是0/0，不适用，报告却写成“${stated.text}”。请写“不适用”。`,
        });
      }
      continue;
    }
    const value = (executed.wan / base.wan) * 100;
    if (statesValue(value, stated.value, stated.decimals)) continue;
    findings.push({
      code: "budget.rate_mismatch",
      severity: offByLastDigit(value, stated) ? "info" : "error",
      where,
      message: `${label}执行率写为${stated.text}，按数据计算：执行数${executed.text} ÷ 预算数${base.text} = ${round(value, 2)}%。`,
    });
  }
  return findings;
}

type Column = "initial" | "adjusted" | "executed";
const COLUMN_LABELS: Record<Column, string> = {
  initial: "年初预算数",
  adjusted: "调整预算数",
  executed: "预算执行数",
};

function sumCheck(
  path: string,
  label: string,
  total: BudgetRow | undefined,
  parts: Array<BudgetRow | undefined>,
  partsLabel: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const col of ["initial", "adjusted", "executed"] as Column[]) {
    const whole = total?.[col];
    const values = parts.map((p) => p?.[col]);
    // A column is checked only when the total and every part are given: a blank cell is not a zero.
    if (!whole || values.some((v) => v === undefined)) continue;
    const sum = values.reduce((acc, v) => acc + (v?.wan ?? 0), 0);
    if (Math.abs(sum - whole.wan) <= 0.005 + 1e-9) continue;
    findings.push({
      code: "budget.subrows_sum",
      severity: "error",
      where: { path, label, quote: whole.text },
      message: `${partsLabel}的${COLUMN_LABELS[col]}合计${round(sum, 4)}万元，与${label}${whole.text}（${round(whole.wan, 4)}万元）不符，相差${round(sum - whole.wan, 4)}万元。`,
    });
  }
  return findings;
}

/** Checks that 资金来源 and 资金结构 add up to the total, and the tasks to 项目支出 (or the total). */
export function checkSubrowSums(report: Report): Finding[] {
  const b = report.budget;
  const findings: Finding[] = [];
  // Sub-rows copied from the 申报表 add up to its declared total, not to the year's budget.
  const whole: BudgetRow = b.declaredTotal ? { ...b, initial: b.declaredTotal } : b;
  if (b.sources) {
    findings.push(
      ...sumCheck(
        "budget",
        "部门预算总额",
        whole,
        [b.sources.fiscal, b.sources.other],
        "资金来源（财政性资金+其他资金）",
      ),
    );
  }
  if (b.structure) {
    findings.push(
      ...sumCheck(
        "budget",
        "部门预算总额",
        whole,
        [b.structure.basic, b.structure.project],
        "资金结构（基本支出+项目支出）",
      ),
    );
  }
  if (report.tasks.length > 0 && report.tasks.every((t) => t.budget !== undefined)) {
    const rows = report.tasks.map((t) => ({ adjusted: t.budget, executed: t.executed }));
    const project = b.structure?.project;
    const target = project ?? { adjusted: b.adjusted ?? b.initial, executed: b.executed };
    const label = project ? "项目支出" : "部门预算总额";
    findings.push(
      ...sumCheck(
        project ? "budget.structure.project" : "budget",
        label,
        target,
        rows,
        `${report.tasks.length}项任务/项目`,
      ),
    );
  }
  return findings;
}
