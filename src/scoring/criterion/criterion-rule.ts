import type { Comparator } from "../../numbers/index.ts";
import type { IndicatorRule, Otherwise, RuleBand, RuleComparator, Threshold } from "../indicator-rule.ts";
import type { Clause, Outcome } from "./criterion-clauses.ts";
import { checkUnits } from "./criterion-units.ts";
import type { Bound, Condition, Reading } from "./criterion-values.ts";

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

type Side = "atLeast" | "atMost";
type Of<K extends Clause["kind"]> = Extract<Clause, { kind: K }>;
/** A clause earning part of the weight under a condition ("90%-95%得80%", "<90%不得分"). */
interface Grade {
  text: string;
  condition: Condition;
  share: number;
}

function no<T>(reason: string): Reading<T> {
  return { ok: false, reason };
}

const UP: readonly (Comparator | null)[] = ["≥", ">"];
const DOWN: readonly (Comparator | null)[] = ["≤", "<"];

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

/** The comparator of a bound on the given side: its own, or ≥ / ≤ when the text gave none. */
function comparatorOn(bound: Bound, side: Side): RuleComparator {
  const c = bound.comparator;
  if (c !== null) return c;
  return side === "atLeast" ? "≥" : "≤";
}

function threshold(bound: Bound, side: Side): Threshold {
  return { comparator: comparatorOn(bound, side), value: bound.value, unit: bound.unit };
}

/** The bands and rest of the graded clauses, ordered from the best band down. */
function bandsOf(
  grades: readonly Grade[],
  side: Side,
  full: Threshold | undefined,
  zeroRest: boolean,
): Reading<Otherwise> {
  if (full === undefined) return no(`写了分档得分（“${grades[0]?.text}”），但没有写明何时得满分`);
  const bands: (RuleBand & { text: string; top?: number })[] = [];
  let rest: (Grade & { value: number }) | undefined;
  for (const g of grades) {
    const c = g.condition;
    if (c.kind === "range") {
      const [edge, top] = side === "atLeast" ? [c.low, c.high] : [c.high, c.low];
      const strict = edge.inclusive === false;
      const comparator: RuleComparator = side === "atLeast" ? (strict ? ">" : "≥") : strict ? "<" : "≤";
      bands.push({ comparator, value: edge.value, share: g.share, text: g.text, top: top.value });
      continue;
    }
    const comparator = comparatorOn(c.bound, side);
    const better = side === "atLeast" ? UP.includes(comparator) : DOWN.includes(comparator);
    if (better) bands.push({ comparator, value: c.bound.value, share: g.share, text: g.text });
    else if (rest !== undefined) return no(`“${rest.text}”和“${g.text}”都写了最低一档的得分`);
    else rest = { ...g, value: c.bound.value };
  }
  const order = side === "atLeast" ? -1 : 1;
  bands.sort((a, b) => order * (a.value - b.value));
  let edge = full.value;
  for (const band of bands) {
    const beyond = side === "atLeast" ? band.value > full.value : band.value < full.value;
    if (beyond)
      return no(`分档“${band.text}”比得满分的条件（${full.comparator}${full.value}${full.unit}）还高`);
    if (band.top !== undefined && band.top !== edge)
      return no(`分档“${band.text}”与上一档之间有空档或重叠（${band.top}与${edge}）`);
    edge = band.value;
  }
  if (rest !== undefined && rest.value !== edge)
    return no(`“${rest.text}”与上一档之间有空档或重叠（${rest.value}与${edge}）`);
  const restShare = rest?.share ?? 0;
  if (bands.length === 0) {
    if (restShare === 0) return { ok: true, value: { method: "zero" } };
    bands.push({ comparator: full.comparator, value: full.value, share: 1, text: "" });
  }
  if (rest === undefined && !zeroRest && bands.length > 0) {
    // Below every band with nothing said: the text does not say what the row earns there.
    return no(`写了分档，但没有写明低于“${bands.at(-1)?.text}”时的得分（例如“<90%不得分”）`);
  }
  return {
    ok: true,
    value: {
      method: "bands",
      bands: bands.map(({ comparator, value, share }) => ({ comparator, value, share })),
      rest: restShare,
    },
  };
}

/** Builds the rule from the clauses (see the module comment). */
export function buildRule(parts: RuleParts): Reading<Omit<IndicatorRule, "text">> {
  const { clauses, weight } = parts;
  const of = <K extends Clause["kind"]>(kind: K) => clauses.filter((c): c is Of<K> => c.kind === kind);
  let fullClause: Of<"outcome"> | undefined;
  let zero: Of<"outcome"> | undefined;
  const grades: Grade[] = [];
  for (const clause of of("outcome")) {
    const share = shareOf(clause.outcome, clause.text, weight);
    if (!share.ok) return share;
    const isZero = clause.outcome.kind === "zero" || (clause.outcome.kind === "deduct" && share.value === 0);
    if (share.value === 1) {
      if (fullClause !== undefined) return no(`“${fullClause.text}”和“${clause.text}”都写了得满分的条件`);
      if (clause.condition?.kind === "range") return no(`“${clause.text}”的满分条件是一个区间，无法读成门槛`);
      fullClause = clause;
    } else if (clause.condition !== undefined)
      grades.push({ text: clause.text, condition: clause.condition, share: share.value });
    else if (isZero) zero = clause;
    else return no(`“${clause.text}”按定性档次给分，无法读成按数值计分的规则`);
  }
  const steps = of("step");
  const standards = of("standard");
  if (steps.length > 1) return no(`“${steps[0]?.text}”和“${steps[1]?.text}”写了两种扣分步长`);
  const step = steps[0];
  const standard = standards[0]?.condition;
  const fullBound =
    fullClause?.condition?.kind === "one"
      ? fullClause.condition.bound
      : standard?.kind === "one"
        ? standard.bound
        : undefined;
  const fullValue = fullBound?.value;

  // Which way is better: every clause that says so must agree.
  let side: Side | null = null;
  let sideText = "";
  for (const clause of clauses) {
    const grade = grades.find((g) => g.text === clause.text);
    const said = sideOf(clause, grade, fullValue);
    if (said === null) continue;
    if (side !== null && said !== side)
      return no(`“${sideText}”按${sideWord(side)}计分，“${clause.text}”却按${sideWord(said)}计分，两者矛盾`);
    side = said;
    sideText = clause.text;
  }
  const resolved: Side = side ?? "atLeast";

  let full: Threshold | undefined;
  if (fullClause?.condition?.kind === "one") full = threshold(fullClause.condition.bound, resolved);
  for (const s of standards) {
    if (s.condition.kind !== "one") return no(`“${s.text}”的标准是一个区间，无法读成门槛`);
    if (full !== undefined && full.value !== s.condition.bound.value)
      return no(`“${s.text}”与得满分的条件（${full.comparator}${full.value}${full.unit}）不一致`);
    full ??= threshold(s.condition.bound, resolved);
  }
  if (step?.condition !== undefined) {
    if (step.condition.kind !== "one") return no(`“${step.text}”的扣分条件是一个区间`);
    const bound = step.condition.bound;
    const wrongSide =
      resolved === "atLeast" ? UP.includes(bound.comparator) : DOWN.includes(bound.comparator);
    if (wrongSide) return no(`“${step.text}”的扣分条件与扣分方向矛盾`);
    if (full !== undefined && full.value !== bound.value)
      return no(
        `“${step.text}”的扣分起点${bound.value}与得满分的条件（${full.comparator}${full.value}${full.unit}）不一致`,
      );
    full ??= { comparator: resolved === "atLeast" ? "≥" : "≤", value: bound.value, unit: bound.unit };
  }

  const methods: { text: string; otherwise: () => Reading<Otherwise> }[] = [];
  if (step !== undefined) methods.push({ text: step.text, otherwise: () => stepOf(step, parts) });
  if (grades.length > 0)
    methods.push({
      text: grades[0]?.text ?? "",
      otherwise: () => bandsOf(grades, resolved, full, zero !== undefined),
    });
  else if (zero !== undefined)
    methods.push({ text: zero.text, otherwise: () => ({ ok: true, value: { method: "zero" } }) });
  for (const j of of("judgement"))
    methods.push({ text: j.text, otherwise: () => ({ ok: true, value: { method: "judgement" } }) });
  for (const p of of("proportional"))
    methods.push({ text: p.text, otherwise: () => ({ ok: true, value: { method: "proportional" } }) });
  const [first, second] = methods;
  if (second !== undefined && first !== undefined)
    return no(`“${first.text}”和“${second.text}”是两种不同的计分方式，无法读成一条规则`);
  const otherwise = first?.otherwise() ?? { ok: true, value: { method: "proportional" } as Otherwise };
  if (!otherwise.ok) return otherwise;
  const units = checkUnits({ full, otherwise: otherwise.value, step, targetUnit: parts.targetUnit });
  if (!units.ok) return units;
  return {
    ok: true,
    value: full === undefined ? { otherwise: units.value } : { full, otherwise: units.value },
  };
}

/** The step of "每低1个百分点扣0.5分", with the floor and part-step clauses of the same text. */
function stepOf(step: Of<"step">, parts: RuleParts): Reading<Otherwise> {
  const per = step.per.kind === "one" ? step.per.bound : undefined;
  if (per === undefined) return no(`“${step.text}”的步长是一个区间`);
  if (per.value <= 0) return no(`“${step.text}”的扣分步长${per.value}不大于0`);
  if (step.deduct <= 0) return no(`“${step.text}”的每步扣分${step.deduct}分不大于0，扣分必须为正数`);
  const { weight } = parts;
  if (weight !== undefined && step.deduct > weight)
    return no(`“${step.text}”每步扣${step.deduct}分，超过本行分值${weight}分`);
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
