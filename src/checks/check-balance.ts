import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { parseAmount } from "../numbers/index.ts";
import { statesValue } from "../scoring/rounding.ts";
import {
  ADJUSTED,
  decimalsOf,
  EXECUTED,
  type Figure,
  figuresOf,
  INITIAL,
  NUM,
  RECEIVED,
  tableFigure,
  wanText,
} from "./budget-figures.ts";
import { quoteAround, type SectionRef, sectionFinding, sentencesOf, tight } from "./section-text.ts";

/** "节约资金113.79万元", "结余5万元", "结转下年度资金2万元", "比预算节约1.05万元". */
const BALANCE = new RegExp(
  `(节约|节余|结余|结转结余|结转下年度?|结转至下年度?|剩余|未使用|尚未支付|未支付)(?:的)?(?:项目)?(?:资金|经费|金额)?(?:为|是|共|计|共计|合计|达)?${NUM}`,
  "gu",
);
/** Carried in from an earlier year, not left over this year. */
const CARRIED_IN = /上年|上一年|以前年度|年初|历年|往年/u;
/** A saving on a purchase or an audit, not the budget's balance. */
const OTHER_SAVING = /采购|招标|中标|审计|审减|核减|谈判|比价|竞价|比选|议价/u;
/** A part of the budget (三公经费, a cost item): its balance is not the whole budget's. */
const PART = /三公|公务|接待|会议费|培训费|差旅|基本支出|人员经费|公用经费|其中/u;

/**
 * The budget figures a balance may be computed from: those of its own paragraph before it, then the
 * budget table's (a project report's only: a department's 结转结余 also holds earlier years' money).
 */
function bases(paragraph: string, before: number, report: Report): { budgets: Figure[]; spent: Figure[] } {
  const upTo = (fs: Figure[]) => fs.filter((f) => f.at < before);
  const adjusted = upTo(figuresOf(paragraph, ADJUSTED, "调整后预算"));
  const initial = upTo(figuresOf(paragraph, INITIAL, "年初预算")).filter(
    (f) => !adjusted.some((a) => a.at <= f.at && f.at < a.at + 8),
  );
  const received = upTo(figuresOf(paragraph, RECEIVED, "到位资金"));
  const spent = upTo(figuresOf(paragraph, EXECUTED, "执行数"));
  const b = report.budget;
  const table = report.kind === "project";
  return {
    budgets: [
      ...adjusted.reverse(),
      ...(table ? tableFigure(b.adjusted, "调整后预算") : []),
      ...initial.reverse(),
      ...(table ? tableFigure(b.initial, "年初预算") : []),
      ...received,
      ...(table ? tableFigure(b.funds?.received, "到位资金") : []),
    ],
    spent: [...spent.reverse(), ...(table ? tableFigure(b.executed, "执行数") : [])],
  };
}

/** "（按年初预算300万元、到位资金280万元计算也不是此数）": the other bases tried, each value once. */
function otherBases(budgets: readonly Figure[], used: Figure): string {
  const seen = new Set<number>([used.wan]);
  const others = budgets.filter((b) => !seen.has(b.wan) && seen.add(b.wan) !== undefined);
  if (others.length === 0) return "";
  return `（按${others
    .slice(0, 3)
    .map((b) => `${b.label}${b.written}`)
    .join("、")}计算也不是此数）`;
}

/**
 * budget.balance_mismatch: a saving or balance stated in the text ("节约资金113.79万元", "结余…",
 * "结转下年…") that is not the budget minus what was spent, on any base the report gives (调整后预算,
 * 年初预算 or 到位资金, from the same paragraph or the project's budget table). Carried-in money
 * (上年结转), savings on a purchase or an audit, and balances of a part (三公经费) are left alone.
 * The message gives the working: "调整后预算318.91万元 − 执行数191.12万元 = 127.79万元".
 */
export function checkBalance(refs: readonly SectionRef[], report: Report): Finding[] {
  return refs.flatMap((ref) =>
    ref.text.split(/\n+/).flatMap((raw): Finding[] => {
      const paragraph = tight(raw);
      const sentences = sentencesOf(paragraph);
      return [...paragraph.matchAll(BALANCE)].flatMap((m): Finding[] => {
        const sentence = sentences.find((s) => s.start <= m.index && m.index < s.start + s.text.length);
        const s = sentence?.text ?? paragraph;
        const clauseStart = paragraph.slice(0, m.index).search(/[^，,。；;：:]*$/u);
        const lead = paragraph.slice(clauseStart, m.index);
        if (
          CARRIED_IN.test(lead) ||
          OTHER_SAVING.test(s) ||
          PART.test(s) ||
          /约|率/u.test(m[0].slice(m[1]?.length ?? 0))
        )
          return [];
        const a = parseAmount(`${m[2]}${m[3]}`);
        if (!a.ok) return [];
        const stated = { wan: a.value.wan, decimals: decimalsOf(m[2] ?? "", m[3] ?? "") };
        const { budgets, spent } = bases(paragraph, m.index, report);
        const budget = budgets[0];
        const executed = spent[0];
        if (budget === undefined || executed === undefined) return [];
        const follows = budgets.some((b) =>
          spent.some((e) => statesValue(b.wan - e.wan, stated.wan, stated.decimals)),
        );
        if (follows) return [];
        const diff = budget.wan - executed.wan;
        const working = `${budget.label}${budget.written} − ${executed.label}${executed.written} = ${wanText(diff, Math.max(budget.decimals, executed.decimals))}`;
        const others = otherBases(budgets, budget);
        const what = `${m[1]}${m[0].includes("资金") ? "资金" : ""}`;
        return [
          sectionFinding(
            "budget.balance_mismatch",
            "warn",
            ref,
            quoteAround(paragraph, m.index, m.index + m[0].length),
            `报告称${what}${m[2]}${m[3]}，但${working}${others}。请核对${what}金额，或写明它的计算口径（例如按到位资金计算）。`,
            {
              expected: wanText(diff, Math.max(budget.decimals, executed.decimals)),
              actual: `${m[2]}${m[3]}`,
            },
          ),
        ];
      });
    }),
  );
}
