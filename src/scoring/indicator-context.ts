import type { Finding } from "../core/finding.ts";
import type { Indicator } from "../core/indicators.ts";
import type { RuleOrigin } from "./apply-rule.ts";
import type { DerivedValue } from "./derive.ts";
import { round } from "./rounding.ts";
import type { CommonIndicator, Scheme } from "./scheme.ts";
import type { IndicatorScore, RuleId } from "./score-card.ts";

/** Where an indicator sits and what the scheme knows about it. */
export interface IndicatorContext {
  path: string;
  label: string;
  scheme: Scheme;
  common?: CommonIndicator;
  derived?: DerivedValue;
  /** The explicit rule for this row (the report's 评分标准, else a scheme rowRule); absent: the defaults. */
  rule?: RuleOrigin & { source: "criterion" | "scheme" };
}

/** A scored row and what was found on the way. */
export type Scored = { score: IndicatorScore; findings: Finding[] };

/** A finding located at the indicator of `ctx`. */
export function indicatorFinding(
  ctx: IndicatorContext,
  code: string,
  severity: Finding["severity"],
  message: string,
  quote?: string,
): Finding {
  const where =
    quote === undefined ? { path: ctx.path, label: ctx.label } : { path: ctx.path, label: ctx.label, quote };
  return { code, severity, where, message };
}

/** The fields every scored row shares, taken from the indicator as reported. */
export function rowBase(
  ind: Indicator,
  ctx: IndicatorContext,
  kind: IndicatorScore["kind"],
  target?: string,
) {
  return {
    path: ctx.path,
    label: ctx.label,
    name: ind.name,
    kind,
    weight: ind.weight ?? 0,
    ...(target === undefined ? {} : { target }),
    ...(ind.score === undefined ? {} : { reported: ind.score }),
    ...(ind.actual === undefined ? {} : { actual: ind.actual }),
  };
}

/**
 * A row the rules cannot score for lack of data (target, actual or completion): it keeps the
 * officer's score, capped at the weight, or 0 when none was given, and says what to add.
 */
export function unscoredRow(
  base: ReturnType<typeof rowBase>,
  rule: RuleId,
  why: string,
  restore: string,
): IndicatorScore {
  const w = base.weight;
  const points = Math.min(base.reported ?? 0, w);
  return {
    ...base,
    rule,
    formula:
      base.reported === undefined ? `${why}且未填得分，计0分` : `${why}，暂按填报得分${base.reported}分计`,
    points,
    lost: round(w - points, 2),
    lossKind: w - points > 0 ? "missing" : "none",
    restore,
    restorable: round(w - points, 2),
  };
}
