import type { Finding } from "../core/finding.ts";
import type { Indicator } from "../core/indicators.ts";
import { applyRule, type RuleInput, type RuleOrigin } from "./apply-rule.ts";
import { checkReported } from "./check-reported.ts";
import { type IndicatorContext, indicatorFinding, rowBase } from "./indicator-context.ts";
import { fmt, round, samePoints } from "./rounding.ts";
import type { IndicatorScore } from "./score-card.ts";

/** The fields of a row's score that its rule decides. */
export type RuleScore = Pick<
  IndicatorScore,
  "rule" | "formula" | "points" | "lost" | "lossKind" | "restorable" | "restore" | "ruleSource"
>;

type Origin = RuleOrigin & { source: "criterion" | "scheme" };

/** A rule the row cannot be scored by, as an info finding: the row then falls back to the defaults. */
function unusable(ctx: IndicatorContext, origin: Origin, reason: string): Finding {
  const what = origin.source === "criterion" ? "报告所列评分标准" : "方案规则";
  return indicatorFinding(
    ctx,
    "criterion.unusable",
    "info",
    `${what}${origin.rule.text === undefined ? "" : `“${origin.rule.text}”`}不能用于此行：${reason}；此行按${ctx.scheme.name}的通用规则计分。`,
    origin.rule.text,
  );
}

function ruleSource(origin: Origin): NonNullable<IndicatorScore["ruleSource"]> {
  return { from: origin.source, ...(origin.rule.text === undefined ? {} : { text: origin.rule.text }) };
}

/**
 * "达到得满分，否则酌情扣分并说明理由": a row short of the standard keeps the officer's score when a
 * reason is written; full marks or no reason are findings, no score is 0.
 */
function judged(
  ind: Indicator,
  ctx: IndicatorContext,
  origin: Origin,
  miss: string,
  w: number,
  quote: string,
): { score: RuleScore; findings: Finding[] } {
  const reported = ind.score;
  const reason = (ind.deviationReason ?? "").trim();
  const findings: Finding[] = [];
  const source = ruleSource(origin);
  if (reported === undefined) {
    return {
      score: {
        rule: "rule.judgement",
        formula: `${miss}；按标准应酌情评分并说明理由，但未填得分，计0分`,
        points: 0,
        lost: w,
        lossKind: "missing",
        restorable: w,
        restore: `填写“${ind.name}”的得分并说明扣分理由`,
        ruleSource: source,
      },
      findings,
    };
  }
  const points = Math.min(reported, w);
  if (samePoints(points, w)) {
    findings.push(
      indicatorFinding(
        ctx,
        "score.unmet_full",
        "error",
        `“${ind.name}”未达到标准，按评分标准应酌情扣分并说明理由，却给了满分${fmt(reported)}分（${miss}）。`,
        quote,
      ),
    );
  } else if (reason === "") {
    findings.push(
      indicatorFinding(
        ctx,
        "score.judgement_unexplained",
        "warn",
        `“${ind.name}”未达到标准，评${fmt(reported)}分（扣${fmt(w - reported)}分），但没有写扣分理由；评分标准要求酌情扣分并说明理由。请在偏差原因中写明。`,
        quote,
      ),
    );
  }
  return {
    score: {
      rule: "rule.judgement",
      formula: `${miss}，按标准酌情评分：报告评${fmt(points)}分${reason === "" ? "（未写理由）" : "并说明了理由"}`,
      points,
      lost: round(w - points, 2),
      lossKind: w - points > 1e-9 ? "judgement" : "none",
      restorable: round(w - points, 2),
      ...(w - points > 1e-9
        ? { restore: `若“${ind.name}”达到标准即可得满分${fmt(w)}分(+${fmt(w - points)})` }
        : {}),
      ruleSource: source,
    },
    findings,
  };
}

/**
 * Scores a quantitative row by its explicit rule, and compares the officer's 得分 with it. A rule the
 * row cannot be scored by (units that do not compare) comes back as an info finding instead.
 */
export function scoreByRule(
  ind: Indicator,
  ctx: IndicatorContext,
  origin: Origin,
  row: RuleInput,
): { ok: true; score: RuleScore; findings: Finding[] } | { ok: false; finding: Finding } {
  const out = applyRule(origin, row);
  if (!out.ok) return { ok: false, finding: unusable(ctx, origin, out.reason) };
  const w = row.weight;
  const quote = `${row.target.text} 实际${ind.actual ?? ""} 得分${ind.score ?? ""}`;
  if ("judgement" in out) return { ok: true, ...judged(ind, ctx, origin, out.formula, w, quote) };
  const lost = round(w - out.points, 2);
  const score: RuleScore = {
    rule: out.rule,
    formula: out.formula,
    points: out.points,
    lost,
    lossKind: lost > 0 ? "rule" : "none",
    restorable: lost,
    ...(lost > 0 ? { restore: `若“${ind.name}”${out.fullAt}即可得满分${fmt(w)}分(+${fmt(lost)})` } : {}),
    ruleSource: ruleSource(origin),
  };
  const whole = { ...rowBase(ind, ctx, "quantitative", row.target.text), ...score };
  return { ok: true, score, findings: checkReported(whole, ctx, out.met) };
}

/**
 * A qualitative row under an explicit rule: "完成得满分，未完成不得分" (zero) or "…否则酌情扣分并说明理由"
 * (judgement); 达成 earns full marks. Rules that need a number (proportional, step, bands, or a numeric
 * threshold) cannot score words: they come back as an info finding and the scheme's bands apply.
 */
export function scoreQualitativeByRule(
  ind: Indicator,
  ctx: IndicatorContext,
  origin: Origin,
  completion: "达成" | "部分达成" | "未达成",
  w: number,
  targetText: string,
): { ok: true; score: RuleScore; findings: Finding[] } | { ok: false; finding: Finding } {
  const o = origin.rule.otherwise;
  if (origin.rule.full !== undefined || (o.method !== "zero" && o.method !== "judgement")) {
    return { ok: false, finding: unusable(ctx, origin, `定性指标“${targetText}”没有可比较的数值`) };
  }
  const label = origin.rule.text === undefined ? origin.from : `${origin.from}“${origin.rule.text}”`;
  const quote = `${targetText} 实际${ind.actual ?? ""} 得分${ind.score ?? ""}`;
  const met = completion === "达成";
  if (!met && o.method === "judgement") {
    return {
      ok: true,
      ...judged(ind, ctx, origin, `按${label}：完成情况“${completion}”，未达到标准`, w, quote),
    };
  }
  const points = met ? w : 0;
  const score: RuleScore = {
    rule: met ? "rule.met" : "rule.zero",
    formula: met
      ? `按${label}：完成情况“达成”，得满分${fmt(w)}分`
      : `按${label}：完成情况“${completion}”，未达到标准，不得分`,
    points,
    lost: round(w - points, 2),
    lossKind: met ? "none" : "rule",
    restorable: round(w - points, 2),
    ...(met ? {} : { restore: `若“${ind.name}”达成预期即可得满分${fmt(w)}分(+${fmt(w)})` }),
    ruleSource: ruleSource(origin),
  };
  const whole = { ...rowBase(ind, ctx, "qualitative", targetText), ...score };
  return { ok: true, score, findings: checkReported(whole, ctx, met) };
}
