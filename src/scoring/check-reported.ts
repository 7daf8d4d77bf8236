import type { Finding } from "../core/finding.ts";
import { type IndicatorContext, indicatorFinding } from "./indicator-context.ts";
import { fmt, round, samePoints } from "./rounding.ts";
import type { IndicatorScore } from "./score-card.ts";

/**
 * Compares the officer's 得分 with the rule's points of a row: met-but-not-full, unmet-but-full, or
 * just different. No finding when they agree or no score was reported. A row scored by an explicit
 * rule (its 评分标准 or a scheme rowRule) is measured against that 标准, whose working is quoted.
 */
export function checkReported(score: IndicatorScore, ctx: IndicatorContext, met: boolean): Finding[] {
  const reported = score.reported;
  if (reported === undefined || samePoints(score.points, reported)) return [];
  const w = score.weight;
  const quote = `${score.target ?? ""} 实际${score.actual ?? ""} 得分${reported}`;
  const standard = score.ruleSource === undefined ? "指标值" : "标准";
  if (met && reported < w && score.ruleSource !== undefined) {
    const message = `“${score.name}”已达到标准，按规则应得满分${fmt(w)}分，报告只给了${reported}分（${score.formula}）。请改为${fmt(w)}分，或说明扣分依据。`;
    return [indicatorFinding(ctx, "score.met_not_full", "error", message, quote)];
  }
  if (met && reported < w) {
    const reached =
      score.actualValue === undefined
        ? "已达到指标值"
        : `实际值${round(score.actualValue, 2)}${score.target?.includes("%") ? "%" : ""}${score.derived ? "（由预算数据计算）" : ""}已达到指标值${score.target ?? ""}`;
    const message = `“${score.name}”${reached}，按规则应得满分${fmt(w)}分，报告只给了${reported}分。请改为${fmt(w)}分，或说明扣分依据。`;
    return [indicatorFinding(ctx, "score.met_not_full", "error", message, quote)];
  }
  if (!met && reported >= w) {
    const message = `“${score.name}”未达到${standard}，却给了满分${reported}分；按规则应为${fmt(score.points)}分（${score.formula}）。`;
    return [indicatorFinding(ctx, "score.unmet_full", "error", message, quote)];
  }
  const severity =
    Math.abs(reported - score.points) < 0.05 ? "info" : reported > score.points ? "error" : "warn";
  const message = `“${score.name}”报告得分${reported}分，按规则应为${fmt(score.points)}分（${score.formula}）。`;
  return [indicatorFinding(ctx, "score.rule_mismatch", severity, message, quote)];
}
