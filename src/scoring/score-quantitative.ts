import type { Finding } from "../core/finding.ts";
import type { Indicator } from "../core/indicators.ts";
import type { Target } from "../core/target.ts";
import { reportedActual, targetUnit } from "./actual-value.ts";
import { checkReported } from "./check-reported.ts";
import {
  type IndicatorContext,
  indicatorFinding,
  rowBase,
  type Scored,
  unscoredRow,
} from "./indicator-context.ts";
import { normalizeName } from "./names.ts";
import { fmt, round, statesValue } from "./rounding.ts";
import { scoreByRule } from "./score-by-rule.ts";
import type { IndicatorScore } from "./score-card.ts";

type Quantitative = Extract<Target, { kind: "quantitative" }>;

/**
 * The value a quantitative row is scored on: derived from the budget when the scheme can compute
 * it (a different reported value is flagged), 0/0 as not applicable, else the reported number in the
 * target's unit (see actual-value.ts; its findings count only when the reported number is used).
 */
function readActual(ind: Indicator, target: Quantitative, ctx: IndicatorContext, findings: Finding[]) {
  const d = ctx.derived;
  const percentTarget = target.unit === "%" || target.unit === "";
  const notes: Finding[] = [];
  const reported = reportedActual(ind, target, ctx, notes);
  if (d && percentTarget && d.status === "na") {
    if (reported?.unit === "%") {
      findings.push(
        indicatorFinding(
          ctx,
          "ratio.zero_over_zero",
          "warn",
          `${d.formula}，不能写成百分比“${ind.actual}”。请写“不适用”（0/0既不是0%也不是100%）。`,
          ind.actual,
        ),
      );
    }
    return { na: true as const, formula: d.formula };
  }
  if (d && percentTarget && d.status === "ok" && d.value !== undefined) {
    if (reported && !statesValue(d.value, reported.value, reported.decimals)) {
      findings.push(
        indicatorFinding(
          ctx,
          "value.conflict",
          "warn",
          `实际完成值填为“${ind.actual}”，但按预算数据计算：${d.formula}。请改为${round(d.value, 2)}%。`,
          ind.actual,
        ),
      );
    }
    return { value: d.value, derived: d, approximate: false };
  }
  findings.push(...notes);
  if (reported)
    return {
      value: reported.value,
      approximate: reported.approximate || reported.comparator === ">",
      shownUnit: reported.shownUnit,
    };
  return undefined;
}

/** target.far_above: a positive row far above its target with no reason given. */
function farAbove(
  ind: Indicator,
  ctx: IndicatorContext,
  v: number,
  t: number,
  unit: string,
  shown: string,
): Finding[] {
  const ratio = ctx.scheme.quantitative.farAboveRatio;
  if (!(t > 0 && v >= ratio * t && !ind.deviationReason)) return [];
  return [
    indicatorFinding(
      ctx,
      "target.far_above",
      "warn",
      `实际值${shown}达到指标值${t}${unit}的${round((v / t) * 100, 0)}%（≥${round(ratio * 100, 0)}%），但未说明原因。请在偏差原因中说明超额完成的原因；若指标值设定偏低，评审可按偏离度适度扣分。`,
      ind.actual,
    ),
  ];
}

/** Scores a quantitative row: met → full; below → proportional; reverse (≤) per scheme; 0/0 per scheme. */
export function scoreQuantitative(ind: Indicator, target: Quantitative, ctx: IndicatorContext): Scored {
  const findings: Finding[] = [];
  const w = ind.weight ?? 0;
  const t = target.value;
  const unit = targetUnit(ind, target);
  const reverse =
    target.comparator === "≤" ||
    target.comparator === "<" ||
    (target.comparator === null &&
      (ctx.common?.direction === "reverse" ||
        (ctx.common === undefined &&
          ctx.scheme.quantitative.reverseNameEndings.some((e) => normalizeName(ind.name).endsWith(e)))));
  const base = rowBase(ind, ctx, "quantitative", target.text);
  const actual = readActual(ind, target, ctx, findings);
  const explained = findings.some((f) => f.code === "actual.unreadable" || f.code === "actual.unit_mismatch");
  if (actual === undefined && explained) {
    const why = `实际完成值“${ind.actual ?? ""}”无法用于计分`;
    const score = unscoredRow(
      base,
      "missing.actual",
      why,
      `核对并填写“${ind.name}”的实际完成值（数值），即可按规则计分`,
    );
    return { score, findings };
  }
  if (actual === undefined) {
    findings.push(
      indicatorFinding(
        ctx,
        "actual.missing",
        "error",
        ind.actual === undefined
          ? `“${ind.name}”缺少实际完成值。请填写数值，例如“${t}${unit}”。`
          : `“${ind.name}”的实际完成值“${ind.actual}”不是可计算的数值；定量指标请填写数值，例如“${t}${unit}”。`,
        ind.actual,
      ),
    );
    const score = unscoredRow(
      base,
      "missing.actual",
      "缺少可用的实际完成值",
      `填写“${ind.name}”的实际完成值（数值），即可按规则计分`,
    );
    return { score, findings };
  }
  if ("na" in actual) {
    const points = ctx.scheme.quantitative.notApplicable === "full" ? w : 0;
    const score: IndicatorScore = {
      ...base,
      rule: "not_applicable",
      formula: `${actual.formula}；按方案规定，不适用的指标${points === w ? "得满分" : "计0分"}${fmt(points)}分`,
      points,
      lost: round(w - points, 2),
      lossKind: points < w ? "rule" : "none",
      restorable: 0,
    };
    return { score, findings: [...findings, ...checkReported(score, ctx, true)] };
  }
  const v = actual.value;
  const shown = `${round(v, 2)}${"shownUnit" in actual ? actual.shownUnit : unit}`;
  const derived = actual.derived
    ? { key: actual.derived.key, formula: actual.derived.formula, value: v }
    : undefined;
  const withActual = { ...base, actualValue: round(v, 4), ...(derived ? { derived } : {}) };
  const source = derived
    ? `（由预算数据计算：${derived.formula}）`
    : actual.approximate
      ? "（按所填下限计）"
      : "";
  if (ctx.rule !== undefined) {
    const byRule = scoreByRule(ind, ctx, ctx.rule, {
      weight: w,
      actual: v,
      target: { value: t, comparator: reverse ? "≤" : "≥", unit, text: target.text },
      shown,
      decimals: ctx.scheme.rounding.decimals,
    });
    if (byRule.ok) {
      const far = reverse ? [] : farAbove(ind, ctx, v, t, unit, shown);
      return {
        score: { ...withActual, ...byRule.score },
        findings: [...findings, ...far, ...byRule.findings],
      };
    }
    findings.push(byRule.finding);
  }
  let score: IndicatorScore;
  if (!reverse) {
    const met = v >= t - 1e-9;
    const points = met ? w : t > 0 ? round((w * v) / t, ctx.scheme.rounding.decimals) : w;
    score = {
      ...withActual,
      rule: met ? "quantitative.met" : "quantitative.proportional",
      formula: met
        ? `实际值${shown}${source}达到指标值${target.text}，得满分${fmt(w)}分`
        : `实际值${shown}${source}未达到指标值${target.text}，按完成比例计分：${fmt(w)} × ${round(v, 2)} ÷ ${t} = ${fmt(points)}分`,
      points,
      lost: round(w - points, 2),
      lossKind: met ? "none" : "rule",
      restorable: round(w - points, 2),
      ...(met ? {} : { restore: `若“${ind.name}”达到${t}${unit}即可得满分${fmt(w)}分(+${fmt(w - points)})` }),
    };
    findings.push(...farAbove(ind, ctx, v, t, unit, shown));
    return { score, findings: [...findings, ...checkReported(score, ctx, met)] };
  }
  const met = v <= t + 1e-9;
  const zero = ctx.scheme.quantitative.reverse === "zero" || v <= 0;
  const points = met ? w : zero ? 0 : round((w * t) / v, ctx.scheme.rounding.decimals);
  const contradicts = !met && !derived && unit === "%" && v >= 100 && t < 100;
  score = {
    ...withActual,
    rule: met ? "reverse.met" : zero ? "reverse.zero" : "reverse.proportional",
    formula: met
      ? `逆向指标（越低越好）：实际值${shown}${source}不高于指标值${target.text}，得满分${fmt(w)}分`
      : zero
        ? `逆向指标（越低越好）：实际值${shown}${source}超过指标值${target.text}，计0分`
        : `逆向指标（越低越好）：实际值${shown}${source}超过指标值${target.text}，按比例计分：${fmt(w)} × ${t} ÷ ${round(v, 2)} = ${fmt(points)}分`,
    points,
    lost: round(w - points, 2),
    lossKind: met ? "none" : "rule",
    restorable: round(w - points, 2),
    ...(met
      ? {}
      : {
          restore: contradicts
            ? `若“${ind.name}”实际不高于${t}${unit}（所填${shown}疑似完成率），更正实际值即可得满分${fmt(w)}分(+${fmt(w - points)})`
            : `若“${ind.name}”控制在${t}${unit}以内即可得满分${fmt(w)}分(+${fmt(w - points)})`,
        }),
  };
  if (contradicts) {
    findings.push(
      indicatorFinding(
        ctx,
        "actual.contradicts_target",
        "error",
        `“${ind.name}”是逆向指标（指标值${target.text}，越低越好），实际值却填了${shown}：疑似把“完成率”填进了该栏。按规则计${fmt(points)}分；请填写该比率的真实值（例如“0%”）。`,
        ind.actual,
      ),
    );
  }
  // A contradicting row already says what its points are; a second finding on the same cause adds nothing.
  return { score, findings: contradicts ? findings : [...findings, ...checkReported(score, ctx, met)] };
}
