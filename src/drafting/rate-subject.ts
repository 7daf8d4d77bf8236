import type { Fact } from "./draft-types.ts";
import type { NumberMention } from "./number-mentions.ts";

/** A rate or ratio named in a clause: 执行率, 完好率, 到位率, 满意度 … (two Han characters and 率, or 满意度). */
const RATE_WORD = /\p{Script=Han}{2}率|满意度/gu;
/** Where a clause ends: a figure's subject is named before it in its own clause. */
const CLAUSE_BREAK = /[，,。；;！!？?\n]/u;
/** Words for the same rate: the budget's 执行率 is also written 使用率 / 支出率 / 支付率; 满意度 is 满意率. */
const SAME_RATE: readonly (readonly string[])[] = [
  ["执行率", "使用率", "支出率", "支付率"],
  ["满意度", "满意率"],
];
const compact = (text: string) => text.replace(/[\s“”"「」『』]/gu, "");

/** A percentage's clause before it, and the rate words that clause names: "群众满意度达到98%" → ["满意度"]. */
export function rateSubjects(text: string, mention: NumberMention): { lead: string; words: string[] } {
  let from = mention.start;
  while (from > 0 && !CLAUSE_BREAK.test(text[from - 1] ?? "")) from--;
  const lead = text.slice(from, mention.start);
  return { lead, words: [...new Set(lead.match(RATE_WORD) ?? [])] };
}

/** Where a fact's label names one of `words` (or a word for the same rate), or -1. */
function rateAt(fact: Fact, words: readonly string[]): number {
  for (const w of words) {
    for (const v of SAME_RATE.find((g) => g.includes(w)) ?? [w]) {
      const at = compact(fact.label).indexOf(v);
      if (at >= 0) return at;
    }
  }
  return -1;
}

/**
 * The percentage facts about the rate a clause names: those whose label names it, narrowed to the
 * most specific ones whose qualifier (the label's words before the rate) the clause also writes —
 * "全年预算执行率" is the whole budget's (预算执行率), not 基本支出预算执行率 or a task's 执行率; "项目支出
 * 预算执行率" is the 项目支出 row's. When the clause writes no qualifier of any ("资金使用率"), all of them.
 */
export function factsAbout(facts: readonly Fact[], lead: string, words: readonly string[]): Fact[] {
  const about = facts
    .filter((f) => f.unit === "%")
    .map((f) => ({ f, at: rateAt(f, words) }))
    .filter(({ at }) => at >= 0);
  const clause = compact(lead);
  const qualified = about
    .map(({ f, at }) => ({ f, qualifier: compact(f.label).slice(0, at) }))
    .filter(({ qualifier }) => qualifier !== "" && clause.includes(qualifier));
  if (qualified.length === 0) return about.map(({ f }) => f);
  const longest = Math.max(...qualified.map(({ qualifier }) => qualifier.length));
  return qualified.filter(({ qualifier }) => qualifier.length === longest).map(({ f }) => f);
}
