import type { Finding } from "../core/finding.ts";
import { findNumberMentions } from "./number-mentions.ts";
import { q } from "./section-kit.ts";

/**
 * What the checker found wrong with the report's own figures, as short clauses without figures
 * (the finding messages carry numbers the facts may not hold): "“得分情况表·合计行”的得分与各项得分
 * 合计不一致". Text findings (narrative.*, copy.*) are about the officer's prose, which the draft
 * replaces, and info findings are rounding notes: both are left out.
 */
const CLAUSES: Record<string, (label: string) => string> = {
  "score.total_mismatch": (l) => `${l}的得分与各项得分合计不一致`,
  "score.block_sum": (l) => `${l}的汇总得分与其各行得分合计不一致`,
  "score.rate_mismatch": (l) => `${l}的得分率不等于得分除以分值`,
  "score.over_max": (l) => `${l}的得分超过了分值`,
  "score.unmet_full": (l) => `${l}未达到指标值却评了满分`,
  "score.met_not_full": (l) => `${l}已达到指标值却未评满分`,
  "score.rule_mismatch": (l) => `${l}的得分与按评分规则计算的不一致`,
  "score.qualitative_band": (l) => `${l}的定性评分超出了所选完成档的区间`,
  "grade.mismatch": () => "评价等级与得分所在档次不符",
  "weights.total": () => "各一级指标分值合计不等于总分",
  "weights.block_sum": (l) => `${l}的三级指标分值合计与一级指标分值不一致`,
  "budget.rate_mismatch": (l) => `${l}所填执行率与执行数除以预算数的结果不符`,
  "budget.rate_base": (l) => `${l}的执行率以年初预算为基数计算，应以调整后预算数为基数`,
  "budget.rate_over_100": (l) => `${l}的执行率超过了百分之百`,
  "budget.subrows_sum": (l) => `${l}与其分项的合计不一致`,
  "budget.funds_low": (l) => `${l}实际到位资金远低于调整后预算，未说明原因`,
  "budget.balance_mismatch": (l) => `${l}所写的结余（节约）金额与预算数减执行数不符`,
  "ratio.zero_over_zero": (l) => `${l}分子分母均为零，应写“不适用”，不应写成百分比`,
  "ratio.inverted": (l) => `${l}的比率分子分母写反了`,
  "ratio.share_over_100": (l) => `${l}各部分占比之和超过了百分之百`,
  "value.conflict": (l) => `${l}同一数字在两处填写不一致`,
  "unit.suspect": (l) => `${l}的度量单位不合理`,
  "actual.contradicts_target": (l) => `${l}的实际完成值与指标方向相反`,
  "target.missing": (l) => `${l}缺少指标值`,
  "actual.missing": (l) => `${l}缺少可用的实际完成值`,
  "target.far_above": (l) => `${l}实际完成值远高于指标值，未说明原因`,
  "target.unreadable": (l) => `${l}的指标值无法识别`,
  "actual.unreadable": (l) => `${l}的实际完成值无法识别`,
  "actual.unit_mismatch": (l) => `${l}的实际完成值与指标值单位不同，无法比较`,
};

/** The clause a data finding of `code` reads as for `label` (quoted), when the draft words that code. */
export function findingClause(code: string, label: string): string | undefined {
  return CLAUSES[code]?.(label);
}

/** The last part of a finding's label, in quotes unless it has its own: “预算调整率”, “三公经费”控制率. */
function labelOf(finding: Finding): string {
  const last = finding.where.label.split(" / ").at(-1)?.trim() ?? "";
  if (last === "" || findNumberMentions(last).length > 0) return "自评表中的一处数据";
  return q(last);
}

/** Up to four labels, then 等. */
function labels(list: readonly string[]): string {
  return `${list.slice(0, 4).join("")}${list.length > 4 ? "等" : ""}`;
}

/**
 * The report's data problems as clauses, one per finding code with the places it concerns, in the
 * findings' order. `covered` holds the report paths the problems list already explains (a row's
 * path, a block's sources) and `block:<name>` for blocks whose 分值 structure it explains: their
 * findings are not repeated.
 */
export function dataIssueClauses(findings: readonly Finding[], covered: ReadonlySet<string>): string[] {
  const byCode = new Map<string, string[]>();
  for (const f of findings) {
    if (f.severity === "info" || f.where.path.startsWith("narrative") || covered.has(f.where.path)) continue;
    if (f.code === "weights.block_sum" && covered.has(`block:${f.where.label}`)) continue;
    // A grade the report does not state (warn) is not the officer's error: the draft states it.
    if (f.code === "grade.mismatch" && f.severity === "warn") continue;
    if (CLAUSES[f.code] === undefined) continue;
    const list = byCode.get(f.code) ?? [];
    const label = labelOf(f);
    if (!list.includes(label)) list.push(label);
    byCode.set(f.code, list);
  }
  return [...byCode].map(([code, list]) => (CLAUSES[code] ?? String)(labels(list)));
}
