import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { round } from "../scoring/rounding.ts";
import { ADJUSTED, figuresOf, RECEIVED, tableFigure } from "./budget-figures.ts";
import { quoteAround, type SectionRef, sectionFinding, tight } from "./section-text.ts";

/** Below this share of the adjusted budget, money received needs a reason (Sichuan: below 90% explained). */
const LOW = 0.9;
/** Words that give a reason, or say the rest is still to come. */
const EXPLAINED = /原因|由于|因为|因|导致|尚未|暂未|未到位|未拨付|待拨付|延迟|滞后/u;

function percent(value: number): string {
  return `${round(value * 100, 2)}%`;
}

/**
 * budget.funds_low: money received (实际到位资金) well below the adjusted budget of the same paragraph, or
 * of a project's budget table, with no reason given in that paragraph: "到位资金334.67万元 ÷ 调整后预算
 * 861.46万元 = 38.85%". A warning that asks for the reason and for the base of the execution rate,
 * since a rate on what was received and one on the budget then differ; never an error.
 */
export function checkFunds(refs: readonly SectionRef[], report: Report): Finding[] {
  return refs.flatMap((ref) =>
    ref.text.split(/\n+/).flatMap((raw): Finding[] => {
      const paragraph = tight(raw);
      const received = figuresOf(paragraph, RECEIVED, "到位资金")[0];
      if (received === undefined || EXPLAINED.test(paragraph)) return [];
      const budget =
        figuresOf(paragraph, ADJUSTED, "调整后预算").at(-1) ??
        (report.kind === "project" ? tableFigure(report.budget.adjusted, "调整后预算")[0] : undefined);
      if (budget === undefined || budget.wan <= 0) return [];
      const share = received.wan / budget.wan;
      if (share >= LOW) return [];
      return [
        sectionFinding(
          "budget.funds_low",
          "warn",
          ref,
          quoteAround(paragraph, received.at, received.at + received.written.length + 4),
          `报告称实际到位资金${received.written}，调整后预算${budget.written}：到位率 = ${received.written} ÷ ${budget.written} = ${percent(share)}，不到${percent(LOW)}，这一段没有说明原因。请说明资金未全部到位的原因，并写明预算执行率是按到位资金还是按预算计算的。`,
          { expected: `≥${percent(LOW)}`, actual: percent(share) },
        ),
      ];
    }),
  );
}
