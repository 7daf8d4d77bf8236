import type { Money } from "../core/quantities.ts";
import { parseAmount } from "../numbers/index.ts";
import { round } from "../scoring/rounding.ts";

/**
 * Budget amounts a paragraph states, for the checks that redo its arithmetic (balances, funds
 * received): 调整后预算, 年初预算, 到位资金 and 执行数, each in 万元 with its precision.
 */

/** An amount the report states, in 万元, with its precision and how to name it in a message. */
export interface Figure {
  wan: number;
  decimals: number;
  written: string;
  /** "调整后预算", "年初预算", "到位资金", "执行数". */
  label: string;
  /** Where in the paragraph (tight text); -1 for the budget table. */
  at: number;
}

export const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)(万元|元|亿元)`;
export const IS = "(?:资金|金额|总额)?(?:为|是|共|计|达)?";
/** 调整后预算: "调整后预算318.91万元", "调整预算后项目预算861.46万元", "全年预算数20万元". */
export const ADJUSTED = new RegExp(
  `(?:调整后的?(?:项目)?预算数?|调整预算后(?:项目)?预算数?|调整预算数?|全年预算数?)${IS}${NUM}`,
  "gu",
);
/** 年初预算, or a budget the text does not qualify. */
export const INITIAL = new RegExp(
  `(?:年初预算数?|预算年初数|年初批复预算|批复预算|项目预算|预算资金|预算数|预算安排|预算)${IS}${NUM}`,
  "gu",
);
/** 到位资金. */
export const RECEIVED = new RegExp(`(?:实际到位资金|到位资金|资金到位|实际到位)${IS}${NUM}`, "gu");
/** 执行数: what was spent. */
export const EXECUTED = new RegExp(
  `(?<!未|尚未|剩余)(?:全年执行数?|预算执行数?|执行数|实际执行|执行金额|实际支出|支出金额|实际使用|已支出|共支出|累计支出|支出|执行|实际拨付|拨付)${IS}${NUM}`,
  "gu",
);
/** Digits of precision in 万元: "6,272,512.00元" is exact to 0.000001 万元. */
export function decimalsOf(figure: string, unit: string): number {
  const d = figure.split(".")[1]?.length ?? 0;
  return unit === "元" ? d + 4 : unit === "亿元" ? Math.max(0, d - 4) : d;
}

/** Every amount `re` finds in a paragraph (tight text), named `label`. */
export function figuresOf(text: string, re: RegExp, label: string): Figure[] {
  return [...text.matchAll(re)].flatMap((m): Figure[] => {
    const a = parseAmount(`${m[1]}${m[2]}`);
    if (!a.ok) return [];
    return [
      {
        wan: a.value.wan,
        decimals: decimalsOf(m[1] ?? "", m[2] ?? ""),
        written: `${m[1]}${m[2]}`,
        label,
        at: m.index,
      },
    ];
  });
}

/** An amount of the budget table, at -1 (before every paragraph position). */
export function tableFigure(money: Money | undefined, label: string): Figure[] {
  if (money === undefined) return [];
  const d = money.text.replace(/[^\d.]/g, "").split(".")[1]?.length ?? 0;
  return [{ wan: money.wan, decimals: money.unit === "元" ? d + 4 : d, written: money.text, label, at: -1 }];
}

/** "127.79万元": a difference in 万元 at the precision of its inputs. */
export function wanText(value: number, decimals: number): string {
  return `${round(value, Math.min(Math.max(decimals, 2), 6))}万元`;
}
