import type { IndicatorRule, Otherwise, Threshold } from "../indicator-rule.ts";
import { bandsOf, comparatorOn, DOWN, type Grade, type Side, UP } from "./criterion-bands.ts";
import type { Clause, Outcome } from "./criterion-clauses.ts";
import { COMPLETION_SUBJECT } from "./criterion-phrases.ts";
import { checkUnits, rowUnit } from "./criterion-units.ts";
import type { Bound, Reading } from "./criterion-values.ts";

/**
 * Puts the clauses of one criterion together into a rule: which clause gives full marks, which way
 * the row is better (higher or lower), and what a row short of full marks earns. Every clash
 * between clauses, and with the row's 分值 or unit, is a Chinese reason naming the clause.
 */

/** The read clauses of a criterion and what the row says about itself. */
export interface RuleParts {
  clauses: readonly Clause[];
  weight: number | undefined;
  targetUnit: string | undefined;
}

type Of<K extends Clause["kind"]> = Extract<Clause, { kind: K }>;

function no<T>(reason: string): Reading<T> {
  return { ok: false, reason };
}

/** The share of the weight an outcome earns; the weight is needed for points. */
function shareOf(outcome: Outcome, text: string, weight: number | undefined): Reading<number> {
  if (outcome.kind === "full") return { ok: true, value: 1 };
  if (outcome.kind === "fullPoints") {
    if (weight !== undefined && outcome.points !== weight)
      return no(`“${text}”写满分为${outcome.points}分，与本行分值${weight}分不符`);
    return { ok: true, value: 1 };
  }
  if (outcome.kind === "zero") return { ok: true, value: 0 };
  if (outcome.kind === "share") {
    if (outcome.share > 1) return no(`“${text}”的得分比例超过100%`);
    return { ok: true, value: outcome.share };
  }
  if (weight === undefined)
    return no(`“${text}”写的是分数（${outcome.points}分），本行没有读到分值，无法换算为分值的比例`);
  if (outcome.points > weight) return no(`“${text}”的${outcome.points}分超过本行分值${weight}分`);
  const share = outcome.kind === "points" ? outcome.points / weight : (weight - outcome.points) / weight;
  return { ok: true, value: Number(share.toFixed(10)) };
}

/** The side a clause says the row should be on, or null when it says none. */
function sideOf(clause: Clause, grade: Grade | undefined, full: number | undefined): Side | null {
  if (clause.kind === "step") return clause.down ? "atLeast" : "atMost";
  if (clause.kind === "proportional" && clause.condition?.kind === "one") {
    const c = clause.condition.bound.comparator;
    return DOWN.includes(c) ? "atLeast" : UP.includes(c) ? "atMost" : null;
  }
  if (clause.kind === "outcome" && clause.condition?.kind === "one" && grade === undefined) {
    const c = clause.condition.bound.comparator;
    return UP.includes(c) ? "atLeast" : DOWN.includes(c) ? "atMost" : null;
  }
  if (grade === undefined) return null;
  const cond = grade.condition;
  if (cond.kind === "one" && grade.share === 0) {
    const c = cond.bound.comparator;
    return DOWN.includes(c) ? "atLeast" : UP.includes(c) ? "atMost" : null;
  }
  if (cond.kind === "range" && full !== undefined) {
    if (cond.high.value === full) return "atLeast";
    if (cond.low.value === full) return "atMost";
  }
  return null;
}

function sideWord(side: Side): string {
  return side === "atLeast" ? "越高越好" : "越低越好";
}

function threshold(bound: Bound, side: Side): Threshold {
  return { comparator: comparatorOn(bound, side), value: bound.value, unit: bound.unit, basis: "value" };
}

/**
 * "计划建设内容完成100%的得20分", "完成率≥95%得满分" on a row counted in 件 or 亩: the percent is the
 * row's completion rate (实际值 ÷ 指标值), not its value. On a percent row the rate is the value.
 */
function withBasis(full: Threshold, subject: string | undefined, targetUnit: string | undefined): Threshold {
  const row = rowUnit(targetUnit);
  const completion =
    full.unit === "%" && row !== undefined && row !== "%" && COMPLETION_SUBJECT.test(subject ?? "");
  return completion ? { ...full, basis: "completion" } : full;
}

/** The outcome clauses sorted: the one giving full marks, the cond-less "不得分", and the grades. */
interface Outcomes {
  fullClause: Of<"outcome"> | undefined;
  zero: Of<"outcome"> | undefined;
  grades: Grade[];
}

function sortOutcomes(clauses: readonly Of<"outcome">[], weight: number | undefined): Reading<Outcomes> {
  const sorted: Outcomes = { fullClause: undefined, zero: undefined, grades: [] };
  for (const clause of clauses) {
    const share = shareOf(clause.outcome, clause.text, weight);
    if (!share.ok) return share;
    const isZero = clause.outcome.kind === "zero" || (clause.outcome.kind === "deduct" && share.value === 0);
    if (share.value === 1) {
      const before = sorted.fullClause;
      if (before !== undefined) return no(`“${before.text}”和“${clause.text}”都写了得满分的条件`);
      if (clause.condition?.kind === "range") return no(`“${clause.text}”的满分条件是一个区间，无法读成门槛`);
      sorted.fullClause = clause;
    } else if (clause.condition !== undefined)
      sorted.grades.push({ text: clause.text, condition: clause.condition, share: share.value });
    else if (isZero) sorted.zero = clause;
    else if (clause.outcome.kind === "deduct")
      return no(`“${clause.text}”只写了扣${clause.outcome.points}分，没有写明按什么数值扣，无法读成计分规则`);
    else return no(`“${clause.text}”按定性档次给分，无法读成按数值计分的规则`);
  }
  return { ok: true, value: sorted };
}

/** Which way is better: every clause that says so must agree; higher is better when none says. */
function resolveSide(
  clauses: readonly Clause[],
  grades: readonly Grade[],
  full: number | undefined,
): Reading<Side> {
  let side: Side | null = null;
  let sideText = "";
  for (const clause of clauses) {
    const said = sideOf(
      clause,
      grades.find((g) => g.text === clause.text),
      full,
    );
    if (said === null) continue;
    if (side !== null && said !== side)
      return no(`“${sideText}”按${sideWord(side)}计分，“${clause.text}”却按${sideWord(said)}计分，两者矛盾`);
    side = said;
    sideText = clause.text;
  }
  return { ok: true, value: side ?? "atLeast" };
}

/** The full-marks threshold: from the full-marks clause, "以X为标准", or the condition of a step. */
function fullThreshold(
  fullClause: Of<"outcome"> | undefined,
  standards: readonly Of<"standard">[],
  below: readonly (Of<"step"> | Of<"proportional">)[],
  side: Side,
): Reading<Threshold | undefined> {
  let full: Threshold | undefined;
  if (fullClause?.condition?.kind === "one") full = threshold(fullClause.condition.bound, side);
  const written = (t: Threshold) => `${t.comparator}${t.value}${t.unit}`;
  for (const s of standards) {
    if (s.condition.kind !== "one") return no(`“${s.text}”的标准是一个区间，无法读成门槛`);
    if (full !== undefined && full.value !== s.condition.bound.value)
      return no(`“${s.text}”与得满分的条件（${written(full)}）不一致`);
    full ??= threshold(s.condition.bound, side);
  }
  for (const clause of below) {
    if (clause.condition === undefined) continue;
    if (clause.condition.kind !== "one") return no(`“${clause.text}”的扣分条件是一个区间`);
    const bound = clause.condition.bound;
    const wrongSide = side === "atLeast" ? UP.includes(bound.comparator) : DOWN.includes(bound.comparator);
    if (wrongSide) return no(`“${clause.text}”的扣分条件与扣分方向矛盾`);
    if (full !== undefined && full.value !== bound.value)
      return no(`“${clause.text}”的扣分起点${bound.value}与得满分的条件（${written(full)}）不一致`);
    full ??= {
      comparator: side === "atLeast" ? "≥" : "≤",
      value: bound.value,
      unit: bound.unit,
      basis: "value",
    };
  }
  return { ok: true, value: full };
}

/** What a row short of full marks earns: exactly one way, or proportional when the text says none. */
function otherwiseOf(
  parts: RuleParts,
  outcomes: Outcomes,
  step: Of<"step"> | undefined,
  side: Side,
  full: Threshold | undefined,
): Reading<Otherwise> {
  const { grades, zero } = outcomes;
  const methods: { text: string; otherwise: () => Reading<Otherwise> }[] = [];
  if (step !== undefined) methods.push({ text: step.text, otherwise: () => stepOf(step, parts) });
  if (grades.length > 0)
    methods.push({
      text: grades[0]?.text ?? "",
      otherwise: () => bandsOf(grades, side, full, zero !== undefined),
    });
  // "部分完成酌情扣分，未完成不得分": nothing done is the low end of the officer's judgement.
  else if (zero !== undefined && !parts.clauses.some((c) => c.kind === "judgement"))
    methods.push({ text: zero.text, otherwise: () => ({ ok: true, value: { method: "zero" } }) });
  for (const c of parts.clauses) {
    if (c.kind === "judgement" || c.kind === "proportional")
      methods.push({ text: c.text, otherwise: () => ({ ok: true, value: { method: c.kind } }) });
  }
  const [first, second] = methods;
  if (first === undefined) return { ok: true, value: { method: "proportional" } };
  if (second !== undefined)
    return no(`“${first.text}”和“${second.text}”是两种不同的计分方式，无法读成一条规则`);
  return first.otherwise();
}

/** Builds the rule from the clauses (see the module comment). */
export function buildRule(parts: RuleParts): Reading<Omit<IndicatorRule, "text">> {
  const of = <K extends Clause["kind"]>(kind: K) => parts.clauses.filter((c): c is Of<K> => c.kind === kind);
  const outcomes = sortOutcomes(of("outcome"), parts.weight);
  if (!outcomes.ok) return outcomes;
  const steps = of("step");
  if (steps.length > 1) return no(`“${steps[0]?.text}”和“${steps[1]?.text}”写了两种扣分步长`);
  const step = steps[0];
  const standards = of("standard");
  const { fullClause, grades } = outcomes.value;
  const stated = fullClause?.condition ?? standards[0]?.condition;
  const side = resolveSide(parts.clauses, grades, stated?.kind === "one" ? stated.bound.value : undefined);
  if (!side.ok) return side;
  const read = fullThreshold(fullClause, standards, [...steps, ...of("proportional")], side.value);
  if (!read.ok) return read;
  const full = {
    ok: true,
    value: read.value && withBasis(read.value, fullClause?.subject, parts.targetUnit),
  } as const;
  const otherwise = otherwiseOf(parts, outcomes.value, step, side.value, full.value);
  if (!otherwise.ok) return otherwise;
  const units = checkUnits({
    full: full.value,
    otherwise: otherwise.value,
    step,
    targetUnit: parts.targetUnit,
  });
  if (!units.ok) return units;
  return {
    ok: true,
    value:
      full.value === undefined ? { otherwise: units.value } : { full: full.value, otherwise: units.value },
  };
}

/** The step of "每低1个百分点扣0.5分", with the floor and part-step clauses of the same text. */
function stepOf(step: Of<"step">, parts: RuleParts): Reading<Otherwise> {
  const per = step.per.kind === "one" ? step.per.bound : undefined;
  if (per === undefined) return no(`“${step.text}”的步长是一个区间`);
  if (per.value <= 0) return no(`“${step.text}”的扣分步长${per.value}不大于0`);
  if (step.deduct <= 0) return no(`“${step.text}”的每步扣分${step.deduct}分不大于0，扣分必须为正数`);
  const { weight } = parts;
  let floor = 0;
  for (const clause of parts.clauses) {
    if (clause.kind === "floor") floor = clause.floor;
    if (clause.kind !== "lose") continue;
    if (weight === undefined) return no(`“${clause.text}”写的是分数，本行没有读到分值，无法确定最低得分`);
    if (clause.points > weight) return no(`“${clause.text}”超过本行分值${weight}分`);
    floor = weight - clause.points;
  }
  if (weight !== undefined && floor > weight) return no(`最低得分${floor}分超过本行分值${weight}分`);
  const partial = parts.clauses.find((c): c is Of<"partial"> => c.kind === "partial")?.partial ?? "floor";
  return { ok: true, value: { method: "step", per: per.value, deduct: step.deduct, floor, partial } };
}
