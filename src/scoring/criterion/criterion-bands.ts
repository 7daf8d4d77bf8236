import type { Comparator } from "../../numbers/index.ts";
import type { Otherwise, RuleBand, RuleComparator, Threshold } from "../indicator-rule.ts";
import type { Bound, Condition, Reading } from "./criterion-values.ts";

/**
 * The bands of a criterion ("≥95%得满分，90%-95%得80%，<90%不得分"): each graded clause becomes a
 * band on the row's better side, ordered from the best down, and the clause on the worse side is
 * the rest. Bands must follow each other without gap or overlap and stay below full marks.
 */

/** Which way the row is better: at least its threshold (higher is better) or at most. */
export type Side = "atLeast" | "atMost";

/** A clause earning part of the weight under a condition ("90%-95%得80%", "<90%不得分"). */
export interface Grade {
  text: string;
  condition: Condition;
  share: number;
}

/** Comparators of the better side when the row should be at least (UP) or at most (DOWN) a value. */
export const UP: readonly (Comparator | null)[] = ["≥", ">"];
export const DOWN: readonly (Comparator | null)[] = ["≤", "<"];

function no<T>(reason: string): Reading<T> {
  return { ok: false, reason };
}

/** The comparator of a bound on the given side: its own, or ≥ / ≤ when the text gave none. */
export function comparatorOn(bound: Bound, side: Side): RuleComparator {
  const c = bound.comparator;
  if (c !== null) return c;
  return side === "atLeast" ? "≥" : "≤";
}

/** The bands and rest of the graded clauses, ordered from the best band down. */
export function bandsOf(
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
