import type { Finding } from "../core/finding.ts";
import type { Indicator } from "../core/indicators.ts";
import { inferCompletion } from "./completion.ts";
import {
  type IndicatorContext,
  indicatorFinding,
  rowBase,
  type Scored,
  unscoredRow,
} from "./indicator-context.ts";
import { fmt, round } from "./rounding.ts";
import { scoreQualitativeByRule } from "./score-by-rule.ts";
import type { IndicatorScore } from "./score-card.ts";

/** Scores a qualitative row: the officer's score is accepted inside the band of its completion. */
export function scoreQualitative(ind: Indicator, targetText: string, ctx: IndicatorContext): Scored {
  const findings: Finding[] = [];
  const w = ind.weight ?? 0;
  const completion = ind.completion ?? inferCompletion(ind.actual, targetText);
  const base = rowBase(ind, ctx, "qualitative", targetText);
  if (completion === undefined) {
    findings.push(
      indicatorFinding(
        ctx,
        "actual.missing",
        ind.score === undefined ? "error" : "warn",
        `定性指标“${ind.name}”的完成情况${ind.actual === undefined ? "未填写" : `“${ind.actual}”无法判断档次`}。请写明“达成”“部分达成”或“未达成”（或“完成”“基本完成”“未完成”）。`,
        ind.actual,
      ),
    );
    const score = unscoredRow(
      base,
      "missing.actual",
      "完成情况不明",
      "写明完成档次（达成/部分达成/未达成）后按档次评分",
    );
    return { score, findings };
  }
  if (ctx.rule !== undefined) {
    const byRule = scoreQualitativeByRule(ind, ctx, ctx.rule, completion, w, targetText);
    if (byRule.ok) return { score: { ...base, completion, ...byRule.score }, findings: byRule.findings };
    findings.push(byRule.finding);
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
      indicatorFinding(
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
