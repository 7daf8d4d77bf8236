import { round } from "../scoring/rounding.ts";
import type { Fact, FactSheet } from "./draft-types.ts";
import { findNumberMentions, type NumberMention } from "./number-mentions.ts";
import { factsAbout, rateSubjects } from "./rate-subject.ts";

/** A number in a draft that no fact supports, and why, in Chinese naming the number. */
export interface UngroundedNumber {
  mention: NumberMention;
  reason: string;
}

/** Options of the grounding check. */
export interface GroundingOptions {
  /** Whole counts up to this many ("两个方面", "三项措施") need no fact. Default 3. */
  allowSmallCounts?: number;
}

type Family = "money" | "percent" | "points" | "pp" | "year" | "count" | "bare";

const COUNT_FACT_UNITS = new Set<string>(["个", "项", "人", ""]);

function familyOf(m: NumberMention): Family {
  if (m.unit === "万元" || m.unit === "元") return "money";
  if (m.unit === "%") return "percent";
  if (m.unit === "分") return "points";
  if (m.unit === "个百分点") return "pp";
  if (m.unit === "年" && Number.isInteger(m.value) && m.value >= 1000 && m.value <= 3000) return "year";
  return m.unit === "" ? "bare" : "count";
}

/** The fact's value in the mention's unit, or undefined when the units do not compare. */
function inMentionUnit(fact: Fact, m: NumberMention, family: Family): number | undefined {
  switch (family) {
    case "money":
      if (fact.unit !== "万元" && fact.unit !== "元") return undefined;
      if (fact.unit === m.unit) return fact.value;
      return fact.unit === "万元" ? fact.value * 1e4 : fact.value / 1e4;
    case "percent":
      return fact.unit === "%" ? fact.value : undefined;
    case "points":
      return fact.unit === "分" ? fact.value : undefined;
    case "pp":
      return fact.unit === "个百分点" ? fact.value : undefined;
    case "year":
      return fact.unit === "年" ? fact.value : undefined;
    case "count":
      return COUNT_FACT_UNITS.has(fact.unit) || fact.unit === m.unit ? fact.value : undefined;
    case "bare":
      // No unit to contradict: "545.06÷561.41", "2021等全年工作任务" cite a fact in its own unit.
      return fact.value;
  }
}

/** Whether `value` rounded to the mention's precision is the mention's value: 97.09 states "97.1%" and "97%". */
function states(value: number, m: NumberMention): boolean {
  return Math.abs(round(value, m.decimals) - m.value) < 1e-9 * Math.max(1, Math.abs(m.value));
}

/** Numbers that need no fact: 100% and 100分 (the scale itself), and small whole counts. */
function selfEvident(m: NumberMention, family: Family, smallCounts: number): boolean {
  if ((family === "percent" || family === "points") && m.value === 100) return true;
  const counted = family === "count" || family === "bare";
  return counted && Number.isInteger(m.value) && m.value >= 0 && m.value <= smallCounts;
}

function reasonFor(m: NumberMention, family: Family, sheet: FactSheet): string {
  if (family === "year") {
    const years = sheet.facts.filter((f) => f.unit === "年").map((f) => f.text);
    const allowed = years.length > 0 ? `（可写的年份：${years.join("、")}）` : "";
    return `年份“${m.text}”不是本报告的年度或其前后一年${allowed}`;
  }
  const what: Record<Family, string> = {
    money: "金额",
    percent: "比率",
    points: "分数",
    pp: "百分点差值",
    year: "年份",
    count: "数量",
    bare: "数字",
  };
  return `${what[family]}“${m.text}”在事实表中没有对应的数据（按单位换算并按写出的精度取舍后仍对不上）`;
}

/** The first three of `facts` as `show` prints them, "等" after when there are more. */
function listed(facts: readonly Fact[], show: (f: Fact) => string): string {
  return facts.slice(0, 3).map(show).join("、") + (facts.length > 3 ? "等" : "");
}

/**
 * Why a percentage is not about the rate its clause names, if it is not: the rate's facts (labels
 * naming it) must state it — "预算执行率达到100%" against 97.09% — and when no fact names the rate, a
 * figure that only another rate holds ("群众满意度达到98%" with 98% the target of 设备完好率) is refused.
 * 100% for a rate no fact names stays the scale.
 */
function wrongSubject(text: string, m: NumberMention, sheet: FactSheet): string | undefined {
  // "…÷627.25×100%": the scale of a formula, not a rate's value.
  if (/[×*xX＊]\s*$/u.test(text.slice(Math.max(0, m.start - 3), m.start))) return undefined;
  const { lead, words } = rateSubjects(text, m);
  if (words.length === 0) return undefined;
  const named = words.join("、");
  const other = sheet.facts.filter((f) => f.unit === "%" && states(f.value, m));
  // A figure no fact holds is the ordinary check's ("在事实表中没有对应的数据").
  if (other.length === 0 && m.value !== 100) return undefined;
  const about = factsAbout(sheet.facts, lead, words);
  if (about.length > 0) {
    if (about.some((f) => states(f.value, m))) return undefined;
    return `比率“${m.text}”不是${named}（事实表中的${named}：${listed(about, (f) => `${f.label} ${f.text}`)}）`;
  }
  if (m.value === 100) return undefined;
  return `比率“${m.text}”是${listed(other, (f) => f.label)}的数据，不是${named}（事实表中没有${named}）`;
}

/**
 * The numbers of a drafted text that no fact of the sheet supports. A number is grounded when a
 * fact of the same unit family (万元 ↔ 元 ×10000; %; 分; 个百分点; 年; counts against count facts
 * and unit-less facts; a number without unit against any fact in the fact's own unit) rounded to
 * the precision written equals it: 97.09% grounds "97.09%",
 * "97.1%" and "97%", not "98%". 100% and 100分 are always grounded, so are whole counts up to
 * `allowSmallCounts` (default 3: "两个方面", "三项措施"); years only through the year facts.
 * A percentage must also be about the rate its clause names before it (see `wrongSubject`): a
 * number is grounded only by a fact about the same thing.
 */
export function checkGrounding(
  text: string,
  sheet: FactSheet,
  options: GroundingOptions = {},
): UngroundedNumber[] {
  const smallCounts = options.allowSmallCounts ?? 3;
  return findNumberMentions(text).flatMap((mention) => {
    const family = familyOf(mention);
    if (family === "percent") {
      const wrong = wrongSubject(text, mention, sheet);
      if (wrong !== undefined) return [{ mention, reason: wrong }];
    }
    if (selfEvident(mention, family, smallCounts)) return [];
    const grounded = supportingFact(mention, sheet) !== undefined;
    return grounded ? [] : [{ mention, reason: reasonFor(mention, family, sheet) }];
  });
}

/** The first fact of the sheet that states `mention` (same unit family, rounded to the precision written). */
export function supportingFact(mention: NumberMention, sheet: FactSheet): Fact | undefined {
  const family = familyOf(mention);
  return sheet.facts.find((fact) => {
    const value = inMentionUnit(fact, mention, family);
    return value !== undefined && states(value, mention);
  });
}
