import type { Finding } from "../core/finding.ts";
import type { Indicator } from "../core/indicators.ts";
import type { Target } from "../core/target.ts";
import { parseNumber } from "../numbers/index.ts";
import { inferCompletion } from "./completion.ts";
import type { DerivedValue } from "./derive.ts";
import { fmt, round, samePoints, statesValue } from "./rounding.ts";
import type { CommonIndicator, Scheme } from "./scheme.ts";
import type { IndicatorScore } from "./score-card.ts";

/** Where an indicator sits and what the scheme knows about it. */
export interface IndicatorContext {
  path: string;
  label: string;
  scheme: Scheme;
  common?: CommonIndicator;
  derived?: DerivedValue;
}

type Quantitative = Extract<Target, { kind: "quantitative" }>;
type Scored = { score: IndicatorScore; findings: Finding[] };

function finding(
  ctx: IndicatorContext,
  code: string,
  severity: Finding["severity"],
  message: string,
  quote?: string,
) {
  const where =
    quote === undefined ? { path: ctx.path, label: ctx.label } : { path: ctx.path, label: ctx.label, quote };
  return { code, severity, where, message };
}

/** Scores one third-level indicator under the scheme, and reports where the officer's row disagrees. */
export function scoreIndicator(ind: Indicator, ctx: IndicatorContext): Scored {
  const weight = ind.weight ?? 0;
  const base = {
    path: ctx.path,
    label: ctx.label,
    name: ind.name,
    weight,
    ...(ind.score === undefined ? {} : { reported: ind.score }),
    ...(ind.actual === undefined ? {} : { actual: ind.actual }),
  };
  const findings: Finding[] = [];
  if (ind.score !== undefined && ind.score > weight + 1e-9 && ind.weight !== undefined) {
    findings.push(
      finding(
        ctx,
        "score.over_max",
        "error",
        `得分${ind.score}分超过该指标分值${weight}分；三级指标得分不能超过其分值。`,
      ),
    );
  }
  if (ind.weight === undefined) {
    const score: IndicatorScore = {
      ...base,
      kind: ind.target?.kind ?? "qualitative",
      rule: "missing.weight",
      formula: "未填写分值，无法计分",
      points: 0,
      lost: 0,
      lossKind: "missing",
      restorable: 0,
    };
    return { score, findings };
  }
  if (ind.target === undefined) {
    findings.push(
      finding(
        ctx,
        "target.missing",
        "warn",
        `“${ind.name}”没有指标值（年度目标），无法按规则计分。请补充指标值，例如“≥95%”或“完成”。`,
      ),
    );
    const points = Math.min(ind.score ?? 0, weight);
    const score: IndicatorScore = {
      ...base,
      kind: "qualitative",
      rule: "missing.target",
      formula:
        ind.score === undefined ? "无指标值且未填得分，计0分" : `无指标值，暂按填报得分${ind.score}分计`,
      points,
      lost: round(weight - points, 2),
      lossKind: weight - points > 0 ? "missing" : "none",
      restore: "补充指标值和实际完成值后按规则计分",
      restorable: round(weight - points, 2),
    };
    return { score, findings };
  }
  const scored =
    ind.target.kind === "quantitative"
      ? scoreQuantitative(ind, ind.target, ctx)
      : scoreQualitative(ind, ind.target.text, ctx);
  return { score: scored.score, findings: [...findings, ...scored.findings] };
}

function readActual(ind: Indicator, target: Quantitative, ctx: IndicatorContext, findings: Finding[]) {
  const d = ctx.derived;
  const percentTarget = target.unit === "%" || target.unit === "";
  const parsed = ind.actual === undefined ? undefined : parseNumber(ind.actual);
  const reported =
    parsed?.ok && (parsed.value.unit === "%" || parsed.value.unit === null) ? parsed.value : undefined;
  if (d && percentTarget && d.status === "na") {
    if (reported?.unit === "%") {
      findings.push(
        finding(
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
        finding(
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
  if (reported)
    return { value: reported.value, approximate: reported.approximate || reported.comparator === ">" };
  return undefined;
}

function scoreQuantitative(ind: Indicator, target: Quantitative, ctx: IndicatorContext): Scored {
  const findings: Finding[] = [];
  const w = ind.weight ?? 0;
  const t = target.value;
  const unit = target.unit || (ind.unit === "%" ? "%" : "");
  const reverse =
    target.comparator === "≤" ||
    target.comparator === "<" ||
    (target.comparator === null && ctx.common?.direction === "reverse");
  const base = {
    path: ctx.path,
    label: ctx.label,
    name: ind.name,
    kind: "quantitative" as const,
    weight: w,
    target: target.text,
    ...(ind.score === undefined ? {} : { reported: ind.score }),
    ...(ind.actual === undefined ? {} : { actual: ind.actual }),
  };
  const actual = readActual(ind, target, ctx, findings);
  if (actual === undefined) {
    findings.push(
      finding(
        ctx,
        "actual.missing",
        "error",
        ind.actual === undefined
          ? `“${ind.name}”缺少实际完成值。请填写数值，例如“${t}${unit}”。`
          : `“${ind.name}”的实际完成值“${ind.actual}”不是可计算的数值；定量指标请填写数值，例如“${t}${unit}”。`,
        ind.actual,
      ),
    );
    const points = Math.min(ind.score ?? 0, w);
    const score: IndicatorScore = {
      ...base,
      rule: "missing.actual",
      formula:
        ind.score === undefined
          ? "缺少可用的实际完成值，计0分"
          : `缺少可用的实际完成值，暂按填报得分${ind.score}分计`,
      points,
      lost: round(w - points, 2),
      lossKind: w - points > 0 ? "missing" : "none",
      restore: `填写“${ind.name}”的实际完成值（数值），即可按规则计分`,
      restorable: round(w - points, 2),
    };
    return { score: checkReported(score, ind, ctx, findings, undefined), findings };
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
    return { score: checkReported(score, ind, ctx, findings, true), findings };
  }
  const v = actual.value;
  const shown = `${round(v, 2)}${unit}`;
  const derived = actual.derived
    ? { key: actual.derived.key, formula: actual.derived.formula, value: v }
    : undefined;
  const withActual = { ...base, actualValue: round(v, 4), ...(derived ? { derived } : {}) };
  const source = derived
    ? `（由预算数据计算：${derived.formula}）`
    : actual.approximate
      ? "（按所填下限计）"
      : "";
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
    const ratio = ctx.scheme.quantitative.farAboveRatio;
    if (t > 0 && v >= ratio * t && !ind.deviationReason) {
      findings.push(
        finding(
          ctx,
          "target.far_above",
          "warn",
          `实际值${shown}达到指标值${t}${unit}的${round((v / t) * 100, 0)}%（≥${round(ratio * 100, 0)}%），但未说明原因。请在偏差原因中说明超额完成的原因；若指标值设定偏低，评审可按偏离度适度扣分。`,
          ind.actual,
        ),
      );
    }
    return { score: checkReported(score, ind, ctx, findings, met), findings };
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
      finding(
        ctx,
        "actual.contradicts_target",
        "error",
        `“${ind.name}”是逆向指标（指标值${target.text}，越低越好），实际值却填了${shown}：疑似把“完成率”填进了该栏。按规则计${fmt(points)}分；请填写该比率的真实值（例如“0%”）。`,
        ind.actual,
      ),
    );
  }
  return { score: contradicts ? score : checkReported(score, ind, ctx, findings, met), findings };
}

function scoreQualitative(ind: Indicator, targetText: string, ctx: IndicatorContext): Scored {
  const findings: Finding[] = [];
  const w = ind.weight ?? 0;
  const completion = ind.completion ?? inferCompletion(ind.actual, targetText);
  const base = {
    path: ctx.path,
    label: ctx.label,
    name: ind.name,
    kind: "qualitative" as const,
    weight: w,
    target: targetText,
    ...(ind.score === undefined ? {} : { reported: ind.score }),
    ...(ind.actual === undefined ? {} : { actual: ind.actual }),
  };
  if (completion === undefined) {
    findings.push(
      finding(
        ctx,
        "actual.missing",
        ind.score === undefined ? "error" : "warn",
        `定性指标“${ind.name}”的完成情况${ind.actual === undefined ? "未填写" : `“${ind.actual}”无法判断档次`}。请写明“达成”“部分达成”或“未达成”（或“完成”“基本完成”“未完成”）。`,
        ind.actual,
      ),
    );
    const points = Math.min(ind.score ?? 0, w);
    const score: IndicatorScore = {
      ...base,
      rule: "missing.actual",
      formula:
        ind.score === undefined
          ? "完成情况不明且未填得分，计0分"
          : `完成情况不明，暂按填报得分${ind.score}分计`,
      points,
      lost: round(w - points, 2),
      lossKind: w - points > 0 ? "missing" : "none",
      restore: "写明完成档次（达成/部分达成/未达成）后按档次评分",
      restorable: round(w - points, 2),
    };
    return { score, findings };
  }
  const band = ctx.scheme.qualitative.bands[completion] ?? { min: 0, max: 100 };
  const lo = round((w * band.min) / 100, 2);
  const hi = round((w * band.max) / 100, 2);
  const reported = ind.score;
  const inBand = reported !== undefined && reported >= lo - 1e-9 && reported <= hi + 1e-9;
  const points = reported === undefined ? hi : Math.min(Math.max(reported, lo), hi);
  const bandText = `“${completion}”档可评分值的${band.min}%–${band.max}%（${fmt(lo)}–${fmt(hi)}分）`;
  if (reported !== undefined && !inBand) {
    findings.push(
      finding(
        ctx,
        "score.qualitative_band",
        "error",
        `定性指标完成情况为“${completion}”，${bandText}，所评${reported}分不在此区间。请在区间内评分，或改写完成情况。`,
        String(reported),
      ),
    );
  }
  const judged = points < w - 1e-9;
  const score: IndicatorScore = {
    ...base,
    completion,
    rule: "qualitative.band",
    formula:
      reported === undefined
        ? `定性指标：完成情况“${completion}”，${bandText}；未填得分，按档次上限计${fmt(points)}分`
        : inBand
          ? `定性指标：完成情况“${completion}”，${bandText}；填报${fmt(points)}分在区间内，予以认可`
          : `定性指标：完成情况“${completion}”，${bandText}；填报${reported}分不在区间内，按最接近的${fmt(points)}分计`,
    points,
    lost: round(w - points, 2),
    lossKind: judged ? (completion === "达成" ? "judgement" : "rule") : "none",
    restorable: round(w - points, 2),
    ...(judged
      ? {
          restore:
            completion === "达成"
              ? `定性指标“${ind.name}”已达成，可评${fmt(lo)}–${fmt(hi)}分；如有依据评满分${fmt(w)}分(+${fmt(w - points)})`
              : `定性指标“${ind.name}”若达成预期，可评至满分${fmt(w)}分(+${fmt(w - points)})`,
        }
      : {}),
  };
  return { score, findings };
}

/** Compares the officer's 得分 with the rule's points: met-but-not-full, unmet-but-full, or just different. */
function checkReported(
  score: IndicatorScore,
  ind: Indicator,
  ctx: IndicatorContext,
  findings: Finding[],
  met: boolean | undefined,
): IndicatorScore {
  const reported = ind.score;
  if (reported === undefined || met === undefined) return score;
  const w = score.weight;
  if (samePoints(score.points, reported)) return score;
  const quote = `${score.target ?? ""} 实际${score.actual ?? ""} 得分${reported}`;
  const reached =
    score.actualValue === undefined
      ? "已达到指标值"
      : `实际值${round(score.actualValue, 2)}${score.target?.includes("%") ? "%" : ""}${score.derived ? "（由预算数据计算）" : ""}已达到指标值${score.target ?? ""}`;
  if (met && reported < w) {
    findings.push(
      finding(
        ctx,
        "score.met_not_full",
        "error",
        `“${ind.name}”${reached}，按规则应得满分${fmt(w)}分，报告只给了${reported}分。请改为${fmt(w)}分，或说明扣分依据。`,
        quote,
      ),
    );
  } else if (!met && reported >= w) {
    findings.push(
      finding(
        ctx,
        "score.unmet_full",
        "error",
        `“${ind.name}”未达到指标值，却给了满分${reported}分；按规则应为${fmt(score.points)}分（${score.formula}）。`,
        quote,
      ),
    );
  } else {
    findings.push(
      finding(
        ctx,
        "score.rule_mismatch",
        Math.abs(reported - score.points) < 0.05 ? "info" : reported > score.points ? "error" : "warn",
        `“${ind.name}”报告得分${reported}分，按规则应为${fmt(score.points)}分（${score.formula}）。`,
        quote,
      ),
    );
  }
  return score;
}
