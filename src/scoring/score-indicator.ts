import type { Finding } from "../core/finding.ts";
import type { Indicator } from "../core/indicators.ts";
import { readValue } from "../numbers/index.ts";
import {
  type IndicatorContext,
  indicatorFinding,
  rowBase,
  type Scored,
  unscoredRow,
} from "./indicator-context.ts";
import { scoreQualitative } from "./score-qualitative.ts";
import { scoreQuantitative } from "./score-quantitative.ts";

export type { IndicatorContext } from "./indicator-context.ts";

function unreadableTargetMessage(name: string, text: string): string {
  const read = readValue(text);
  const why = read.kind === "unreadable" ? read.reason : "不是可识别的数字写法";
  return `“${name}”的指标值“${text}”无法识别为数字（${why}），未按规则计分。请核对原件，填写指标值，例如“≥95%”或“10次”。`;
}

/** Scores one third-level indicator under the scheme, and reports where the officer's row disagrees. */
export function scoreIndicator(ind: Indicator, ctx: IndicatorContext): Scored {
  const findings: Finding[] = [];
  if (ind.weight === undefined) {
    const score = {
      ...rowBase(ind, ctx, ind.target?.kind === "quantitative" ? "quantitative" : "qualitative"),
      rule: "missing.weight" as const,
      formula: "未填写分值，无法计分",
      points: 0,
      lost: 0,
      lossKind: "missing" as const,
      restorable: 0,
    };
    return { score, findings };
  }
  if (ind.score !== undefined && ind.score > ind.weight + 1e-9) {
    const message = `得分${ind.score}分超过该指标分值${ind.weight}分；三级指标得分不能超过其分值。`;
    findings.push(indicatorFinding(ctx, "score.over_max", "error", message));
  }
  if (ind.target === undefined) {
    const message = `“${ind.name}”没有指标值（年度目标），无法按规则计分。请补充指标值，例如“≥95%”或“完成”。`;
    findings.push(indicatorFinding(ctx, "target.missing", "warn", message));
    const base = rowBase(ind, ctx, "qualitative");
    const score = unscoredRow(base, "missing.target", "无指标值", "补充指标值和实际完成值后按规则计分");
    return { score, findings };
  }
  if (ind.target.kind === "unreadable") {
    const text = ind.target.text;
    findings.push(
      indicatorFinding(ctx, "target.unreadable", "warn", unreadableTargetMessage(ind.name, text), text),
    );
    const base = rowBase(ind, ctx, "quantitative", text);
    const score = unscoredRow(
      base,
      "missing.target",
      `指标值“${text}”无法识别`,
      `核对原件后填写“${ind.name}”的指标值，即可按规则计分`,
    );
    return { score, findings };
  }
  const scored =
    ind.target.kind === "quantitative"
      ? scoreQuantitative(ind, ind.target, ctx)
      : scoreQualitative(ind, ind.target.text, ctx);
  return { score: scored.score, findings: [...findings, ...scored.findings] };
}
