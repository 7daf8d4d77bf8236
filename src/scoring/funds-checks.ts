import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { fmt, round } from "./rounding.ts";

/**
 * 资金到位: funds received against what was planned (计划投入, else the adjusted budget, else the
 * initial one). Below 100% the execution rate's base matters and the shortfall wants a reason; above
 * 100% more arrived than was budgeted, which is a figure to check. Nothing when either figure is absent.
 */
export function checkFundsReceived(report: Report): Finding[] {
  const b = report.budget;
  const received = b.funds?.received;
  const base = b.funds?.planned
    ? { label: "计划投入资金", money: b.funds.planned }
    : b.adjusted
      ? { label: "调整后预算数", money: b.adjusted }
      : b.initial
        ? { label: "年初预算数", money: b.initial }
        : undefined;
  if (received === undefined || base === undefined || base.money.wan <= 0) return [];
  const rate = (received.wan / base.money.wan) * 100;
  const working = `实际到位资金${fmt(received.wan, 4)}万元 ÷ ${base.label}${fmt(base.money.wan, 4)}万元 = ${round(rate, 2)}%`;
  const where = { path: "budget.funds.received", label: "资金到位", quote: received.text };
  if (rate < 100 - 0.005) {
    return [
      {
        code: "budget.funds_low",
        severity: rate < 90 ? "warn" : "info",
        where,
        message: `资金到位率只有${round(rate, 2)}%（${working}）。资金未全部到位：请说明未到位的原因，并写明预算执行率以哪个数为基数（到位资金还是预算数）。`,
      },
    ];
  }
  if (rate > 100 + 0.005) {
    return [
      {
        code: "budget.funds_over",
        severity: "warn",
        where,
        message: `资金到位率为${round(rate, 2)}%（${working}），到位资金多于${base.label}。请核对到位资金或预算调整是否入账。`,
      },
    ];
  }
  return [];
}
