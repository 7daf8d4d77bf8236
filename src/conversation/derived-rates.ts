import { parseAmount } from "../numbers/index.ts";
import { fmt, round } from "../scoring/rounding.ts";
import { getIn, type Json } from "./patch.ts";

/** A budget figure a derived rate reads: its label and where it is in the draft. */
interface Figure {
  label: string;
  path: readonly string[];
}

/**
 * A rate officers state that ziping computes from two figures and never stores: 资金到位率,
 * 到位及时率, 资金使用率. The first denominator present is used, as the score's rules do.
 */
export interface DerivedRate {
  /** The words that name it in a message ("资金到位率", "到位率"). */
  words: RegExp;
  label: string;
  numerator: Figure;
  denominators: readonly Figure[];
  /** The most it can be, in percent, when more is impossible (到位资金 cannot exceed the budget). */
  max: number;
  /** Why it cannot exceed `max`, for the query. */
  why: string;
}

const RECEIVED = { label: "实际到位资金", path: ["budget", "funds", "received"] };
const PLANNED = { label: "计划投入资金", path: ["budget", "funds", "planned"] };
const ADJUSTED = { label: "调整后预算数", path: ["budget", "adjusted"] };
const INITIAL = { label: "年初预算数", path: ["budget", "initial"] };

/** The derived rates, most specific words first. */
const DERIVED_RATES: readonly DerivedRate[] = [
  {
    words: /(?:资金)?到位及时率/,
    label: "资金到位及时率",
    numerator: { label: "按时到位资金", path: ["budget", "funds", "receivedOnTime"] },
    denominators: [RECEIVED],
    max: 100,
    why: "按时到位的资金不会多于到位资金",
  },
  {
    words: /(?:资金|经费)?到位率/,
    label: "资金到位率",
    numerator: RECEIVED,
    denominators: [PLANNED, ADJUSTED, INITIAL],
    max: 100,
    why: "到位资金一般不会多于计划投入或预算",
  },
  {
    words: /(?:资金|经费)(?:使用|支出)率/,
    label: "资金使用率",
    numerator: { label: "预算执行数", path: ["budget", "executed"] },
    denominators: [RECEIVED, ADJUSTED, INITIAL],
    max: 100,
    why: "支出一般不会多于到位资金",
  },
];

/** The rate `text` names, if any. */
export function derivedRateNamed(text: string): DerivedRate | undefined {
  return DERIVED_RATES.find((r) => r.words.test(text));
}

/** "实际到位资金（或调整后预算数、年初预算数）": the denominator and its stand-ins. */
export function denominatorWords(rate: DerivedRate): string {
  const [first, ...others] = rate.denominators.map((d) => d.label);
  return others.length === 0 ? (first ?? "") : `${first}（或${others.join("、")}）`;
}

function wan(doc: Json, path: readonly string[]): number | undefined {
  const value = getIn(doc, path);
  if (typeof value !== "string") return undefined;
  const a = parseAmount(value);
  return a.ok ? a.value.wan : undefined;
}

/** What the figures of `doc` give for `rate`: the percent and its working, or the figures missing. */
export function computeRate(
  doc: Json,
  rate: DerivedRate,
): { ok: true; percent: number; working: string } | { ok: false; missing: string[] } {
  const top = wan(doc, rate.numerator.path);
  const base = rate.denominators
    .map((d) => ({ d, value: wan(doc, d.path) }))
    .find((x) => x.value !== undefined && x.value > 0);
  if (top === undefined || base?.value === undefined) {
    const missing = [
      ...(top === undefined ? [rate.numerator.label] : []),
      ...(base === undefined ? [denominatorWords(rate)] : []),
    ];
    return { ok: false, missing };
  }
  const percent = (top / base.value) * 100;
  return {
    ok: true,
    percent,
    working: `${rate.numerator.label}${fmt(top, 4)}万元 ÷ ${base.d.label}${fmt(base.value, 4)}万元 = ${round(percent, 2)}%`,
  };
}
