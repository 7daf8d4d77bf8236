import type { IndicatorScore, RuleId } from "../scoring/score-card.ts";
import { findNumberMentions } from "./number-mentions.ts";
import { pending } from "./pending.ts";
import { comparatorOf, missingSentence, q, type SectionKit } from "./section-kit.ts";

/**
 * Phrases about one scored row, figures as `[[key]]`: its target, its actual value, the rule
 * that scored it, the budget figures behind 预算执行率. Shared by the analysis and problems writers
 * so a row reads the same wherever it is named.
 */

/** Officer text quoted only when it carries no figure (a figure there could not be grounded). */
export function figureFree(text: string | undefined): string | undefined {
  const t = text?.trim();
  if (t === undefined || t === "") return undefined;
  return findNumberMentions(t).length === 0 ? t : undefined;
}

/** "指标值≥[[indicator.5.target]]", "指标值“提高”", or the missing wording. */
export function targetPhrase(kit: SectionKit, row: IndicatorScore): string {
  const n = kit.numbered(row);
  const key = `indicator.${n?.n}.target`;
  if (n !== undefined && kit.has(key)) return `指标值${comparatorOf(n)}[[${key}]]`;
  const qualitative = n?.indicator?.target?.kind === "qualitative" ? n.indicator.target.text : undefined;
  const text = figureFree(qualitative);
  if (text !== undefined) return `指标值为${q(text)}`;
  return "报告未提供指标值";
}

/** "实际完成值[[indicator.5.actual]]", "完成情况为“达成”", or the missing wording. */
export function actualPhrase(kit: SectionKit, row: IndicatorScore): string {
  const n = kit.numbered(row);
  const key = `indicator.${n?.n}.actual`;
  if (n !== undefined && kit.has(key)) {
    return `实际完成值${row.derived ? "（按预算数据计算）" : ""}[[${key}]]`;
  }
  if (row.rule === "not_applicable") return "实际完成值不适用（分子分母均为零）";
  if (row.completion !== undefined) return `完成情况为“${row.completion}”`;
  const written = figureFree(row.actual);
  if (written !== undefined && row.kind === "qualitative") return `完成情况为${q(written)}`;
  return "报告未提供可用的实际完成值";
}

const RULE_PHRASES: Record<RuleId, (row: IndicatorScore) => string> = {
  "quantitative.met": () => "已达到指标值",
  "quantitative.proportional": () => "未达到指标值，按“分值×实际值÷指标值”计分",
  "reverse.met": () => "该指标为逆向指标，实际值不高于指标值",
  "reverse.proportional": () => "该指标为逆向指标（越低越好），实际值高于指标值，按“分值×指标值÷实际值”计分",
  "reverse.zero": () => "该指标为逆向指标，实际值超过指标值，按评分方案不得分",
  not_applicable: () => "该指标不适用，按评分方案得满分",
  "qualitative.band": (row) => `该指标为定性指标，自评在“${row.completion ?? "达成"}”档的区间内评分`,
  "budget.proportional": () => "按执行率比例计分",
  "budget.thresholds": () => "按执行率所在区间计分",
  "missing.actual": () => "报告未提供可用的实际完成值，无法计分",
  "missing.target": () => "报告未设定指标值，无法判断完成情况",
  "missing.weight": () => "报告未提供分值，无法计分",
  "rule.met": (row) => `已达到${ruleName(row)}规定的满分标准`,
  "rule.proportional": (row) => `未达到${ruleName(row)}规定的满分标准，按比例计分`,
  "rule.zero": (row) => `未达到${ruleName(row)}规定的标准，按标准不得分`,
  "rule.step": (row) => `未达到${ruleName(row)}规定的标准，按标准逐级扣分`,
  "rule.bands": (row) => `未达到${ruleName(row)}规定的满分标准，按所在档次计分`,
  "rule.judgement": (row) => `未达到${ruleName(row)}规定的标准，酌情评分`,
};

/** "报告所列评分标准" or "评分方案" (the rule's own text holds figures, which a draft may not carry). */
function ruleName(row: IndicatorScore): string {
  return row.ruleSource?.from === "criterion" ? "报告所列评分标准" : "评分方案";
}

/** How the rule scored the row, in words without figures. */
export function rulePhrase(row: IndicatorScore): string {
  return RULE_PHRASES[row.rule](row);
}

/** The base of the execution rate as the facts name it: 调整后预算数, or 年初预算数 when unadjusted. */
function baseFigure(kit: SectionKit): string | undefined {
  if (kit.has("budget.adjusted")) return "调整后预算数[[budget.adjusted]]";
  if (kit.has("budget.initial")) return "年初预算数[[budget.initial]]";
  return undefined;
}

/**
 * The execution-rate figures: "预算执行数[[budget.executed]]，调整后预算数[[budget.adjusted]]，执行率
 * [[budget.rate]]", or the missing wording, with the stated rate when the computed one is absent.
 */
export function executionFigures(kit: SectionKit): string {
  const base = baseFigure(kit);
  if (kit.has("budget.rate") && kit.has("budget.executed") && base !== undefined) {
    return `预算执行数[[budget.executed]]，${base}，执行率[[budget.rate]]`;
  }
  const missing = [
    ...(base === undefined ? [kit.missingLabel("budget.adjusted", "调整后预算数")] : []),
    ...(kit.has("budget.executed") ? [] : [kit.missingLabel("budget.executed", "预算执行数")]),
  ];
  const said = missingSentence(missing.join("和"), "执行率无法计算").replace(/。$/, "");
  return kit.has("budget.reportedRate") ? `${said}；报告所填执行率为[[budget.reportedRate]]` : said;
}

/** "得[[indicator.5.points]]（分值[[indicator.5.weight]]）" for a row, or "" when the row has no 分值. */
export function pointsPhrase(kit: SectionKit, row: IndicatorScore): string {
  const p = kit.prefix(row);
  if (p === undefined || !kit.has(`${p}.points`) || !kit.has(`${p}.weight`)) return "";
  return `得[[${p}.points]]（分值[[${p}.weight]]）`;
}

/** "报告自评得[[…reported]]，与按规则计算的得分不一致。" when the officer's score differs from the rules'. */
export function reportedNote(kit: SectionKit, row: IndicatorScore): string {
  const p = kit.prefix(row);
  if (p === undefined || row.reported === undefined || !kit.has(`${p}.reported`)) return "";
  if (Math.abs(row.reported - row.points) < 0.005) return "";
  return `报告自评得[[${p}.reported]]，与按规则计算的得分不一致。`;
}

/** The officer's 偏差原因 quoted, a pointer to the column when it holds figures, or a 〔待补充〕 marker asking for it. */
export function deviationNote(kit: SectionKit, row: IndicatorScore): string {
  const reason = kit.numbered(row)?.indicator?.deviationReason?.trim();
  if (reason === undefined || reason === "")
    return row.kind === "budget" ? "" : `偏差原因：${pending(`${kit.title(row)}失分的原因`)}。`;
  const quotable = figureFree(reason);
  return quotable === undefined
    ? "偏差原因见自评表“偏差原因分析”栏。"
    : `报告说明的偏差原因是：“${quotable.replace(/[。；;]+$/, "")}”。`;
}
