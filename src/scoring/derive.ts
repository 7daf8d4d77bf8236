import type { Budget } from "../core/budget.ts";
import type { Money } from "../core/quantities.ts";
import type { Report } from "../core/report.ts";
import { readValue } from "../numbers/index.ts";
import { normalizeName } from "./names.ts";
import { round } from "./rounding.ts";
import type { BudgetField, CommonIndicator, FieldPath, Scheme } from "./scheme.ts";

/** A figure a formula read, for showing the working. */
export interface FormulaInput {
  path: FieldPath;
  label: string;
  value: number;
  /** 万元, 人, or the unit of an indicator's actual value. */
  unit: string;
}

/** A common indicator computed from the budget figures (marked derived: nobody typed it). */
export interface DerivedValue {
  key: string;
  name: string;
  direction: CommonIndicator["direction"];
  /** ok: computed; na: 0/0 (不适用); missing: a figure the formula needs is not in the report. */
  status: "ok" | "na" | "missing";
  /** Percent points, unrounded (97.0880…). Present when status is ok. */
  value?: number;
  inputs: FormulaInput[];
  /** The working in words: "预算执行数545.06万元 ÷ 调整后预算数561.41万元 = 97.09%". */
  formula: string;
  /** Labels of the figures that are missing, when status is missing. */
  missing: string[];
}

const LABELS: Record<BudgetField, string> = {
  "budget.initial": "年初预算数",
  "budget.adjusted": "调整后预算数",
  "budget.executed": "预算执行数",
  "budget.base": "预算数",
  "budget.carryover.amount": "结转结余总额",
  "budget.threePublicExpenses.budget": "“三公经费”预算数",
  "budget.threePublicExpenses.actual": "“三公经费”实际支出",
  "budget.procurement.budget": "政府采购预算数",
  "budget.procurement.actual": "实际政府采购金额",
  "budget.funds.planned": "计划投入资金",
  "budget.funds.received": "实际到位资金",
  "budget.funds.receivedOnTime": "按时到位资金",
  "budget.cost.budget": "预算成本",
  "budget.cost.actual": "实际成本",
  "budget.assets.total": "固定资产总额",
  "budget.assets.inUse": "在用固定资产",
  "budget.staff.authorized": "编制数",
  "budget.staff.actual": "在职人员数",
};

type MoneyPath = Exclude<BudgetField, "budget.base" | "budget.staff.authorized" | "budget.staff.actual">;

/** Where each money field lives in the budget. */
const MONEY: Record<MoneyPath, (b: Budget) => Money | undefined> = {
  "budget.initial": (b) => b.initial,
  "budget.adjusted": (b) => b.adjusted,
  "budget.executed": (b) => b.executed,
  "budget.carryover.amount": (b) => b.carryover?.amount,
  "budget.threePublicExpenses.budget": (b) => b.threePublicExpenses?.budget,
  "budget.threePublicExpenses.actual": (b) => b.threePublicExpenses?.actual,
  "budget.procurement.budget": (b) => b.procurement?.budget,
  "budget.procurement.actual": (b) => b.procurement?.actual,
  "budget.funds.planned": (b) => b.funds?.planned,
  "budget.funds.received": (b) => b.funds?.received,
  "budget.funds.receivedOnTime": (b) => b.funds?.receivedOnTime,
  "budget.cost.budget": (b) => b.cost?.budget,
  "budget.cost.actual": (b) => b.cost?.actual,
  "budget.assets.total": (b) => b.assets?.total,
  "budget.assets.inUse": (b) => b.assets?.inUse,
};

/** The field `budget.base` stands for under the scheme; an unadjusted budget is its own adjusted one. */
function basePath(report: Report, scheme: Scheme): MoneyPath {
  const base = scheme.budgetExecution.base;
  if (base === "initial") return "budget.initial";
  if (base === "received") return "budget.funds.received";
  return report.budget.adjusted ? "budget.adjusted" : "budget.initial";
}

/** Label and value of a field; `budget.base` resolves to the scheme's execution-rate base. */
function readField(
  report: Report,
  scheme: Scheme,
  path: FieldPath,
): { label: string; value: number | undefined; unit: string; path: FieldPath } {
  if (path.startsWith("indicator:")) return readIndicator(report, path);
  const b = report.budget;
  if (path === "budget.staff.authorized" || path === "budget.staff.actual") {
    const value = path === "budget.staff.authorized" ? b.staff?.authorized : b.staff?.actual;
    return { label: LABELS[path], value, unit: "人", path };
  }
  const resolved = path === "budget.base" ? basePath(report, scheme) : (path as MoneyPath);
  const unadjusted =
    path === "budget.base" && resolved === "budget.initial" && scheme.budgetExecution.base === "adjusted";
  const label = unadjusted ? "年初预算数（未调整）" : LABELS[resolved];
  return { label, value: MONEY[resolved](b)?.wan, unit: "万元", path: resolved };
}

/**
 * `indicator:名称`: the actual value of the report's indicator of that name, as a number in its own
 * unit; undefined when no such row, or its actual is not a plain number.
 */
function readIndicator(report: Report, path: FieldPath) {
  const name = path.slice("indicator:".length);
  const wanted = normalizeName(name);
  const row = report.indicators
    .flatMap((b) => b.groups.flatMap((g) => g.indicators))
    .find((i) => normalizeName(i.name) === wanted);
  const read = row?.actual === undefined ? undefined : readValue(row.actual);
  const number = read?.kind === "number" ? read.number : undefined;
  return {
    label: `“${name}”实际完成值`,
    value: number?.value,
    unit: number === undefined ? "" : (number.unit ?? number.counter ?? ""),
    path,
  };
}

function show(input: { label: string; value: number; unit: string }): string {
  return `${input.label}${round(input.value, 4)}${input.unit}`;
}

/** Computes one common indicator from the report's figures. */
function deriveOne(report: Report, scheme: Scheme, indicator: CommonIndicator): DerivedValue {
  const f = indicator.formula;
  const fields = f.op === "ratio" ? [f.numerator, f.denominator] : [f.from, f.to];
  const read = fields.map((p) => readField(report, scheme, p));
  const base = { key: indicator.key, name: indicator.name, direction: indicator.direction };
  const missing = read.filter((r) => r.value === undefined).map((r) => r.label);
  if (missing.length > 0) {
    return {
      ...base,
      status: "missing",
      inputs: [],
      formula: `缺少${missing.join("、")}，无法计算`,
      missing,
    };
  }
  const inputs = read.map((r) => ({ path: r.path, label: r.label, value: r.value as number, unit: r.unit }));
  const [a, b] = inputs as [FormulaInput, FormulaInput];
  if (f.op === "ratio") {
    if (b.value === 0) {
      const why = a.value === 0 ? "0/0，不适用" : "分母为0，无法计算";
      return { ...base, status: "na", inputs, formula: `${show(a)} ÷ ${show(b)}：${why}`, missing: [] };
    }
    const value = (a.value / b.value) * 100;
    return {
      ...base,
      status: "ok",
      value,
      inputs,
      formula: `${show(a)} ÷ ${show(b)} = ${round(value, 2)}%`,
      missing: [],
    };
  }
  if (a.value === 0) {
    return { ...base, status: "na", inputs, formula: `${show(a)}为0，调整率不适用`, missing: [] };
  }
  const value = (Math.abs(b.value - a.value) / a.value) * 100;
  return {
    ...base,
    status: "ok",
    value,
    inputs,
    formula: `|${show(b)} − ${show(a)}| ÷ ${show(a)} = ${round(value, 2)}%`,
    missing: [],
  };
}

/** Every common indicator of the scheme, computed where the report has the figures. */
export function deriveAll(report: Report, scheme: Scheme): DerivedValue[] {
  return scheme.commonIndicators.map((c) => deriveOne(report, scheme, c));
}
