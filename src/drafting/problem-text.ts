import type { Finding } from "../core/finding.ts";
import type { BlockScore, IndicatorScore } from "../scoring/score-card.ts";
import type { ProblemItem } from "./problem-items.ts";
import {
  actualPhrase,
  deviationNote,
  executionFigures,
  pointsPhrase,
  reportedNote,
  rulePhrase,
  targetPhrase,
} from "./row-phrases.ts";
import { missingSentence, q, type SectionKit } from "./section-kit.ts";

/** Findings on the row itself that say its actual value cannot be right. */
function rowDataNote(findings: readonly Finding[], row: IndicatorScore): string {
  const on = (code: string) => findings.some((f) => f.code === code && f.where.path === row.path);
  if (on("actual.contradicts_target")) return "所填实际完成值与指标方向相反，疑似把完成率填进了该栏。";
  if (on("value.conflict")) return "所填实际完成值与按预算数据计算的数值不一致。";
  return "";
}

function budgetProblem(kit: SectionKit, row: IndicatorScore): string {
  const unspent = (kit.fact("budget.unspent")?.value ?? 0) > 0 ? `，未执行资金[[budget.unspent]]` : "";
  return `${kit.title(row)}失${kit.fig("budget.lost")}：${executionFigures(kit)}，${rulePhrase(row)}，${pointsPhrase(kit, row)}${unspent}。${reportedNote(kit, row)}`;
}

function missingProblem(kit: SectionKit, row: IndicatorScore): string {
  const n = kit.numbered(row);
  const field =
    row.rule === "missing.target" ? "target" : row.rule === "missing.weight" ? "weight" : "actual";
  const fallback = { target: "指标值", weight: "分值", actual: "实际完成值" }[field];
  const label = kit.missingLabel(`indicator.${n?.n}.${field}`, `${q(row.name)}${fallback}`);
  const lost = n !== undefined && kit.has(`indicator.${n.n}.lost`) ? `失[[indicator.${n.n}.lost]]：` : "";
  return `${kit.title(row)}${lost}${missingSentence(label, "该指标无法按规则计分")}`;
}

function ruleProblem(kit: SectionKit, row: IndicatorScore): string {
  if (row.kind === "budget") return budgetProblem(kit, row);
  if (row.rule.startsWith("missing.")) return missingProblem(kit, row);
  const p = kit.prefix(row);
  const lost = p !== undefined && kit.has(`${p}.lost`) ? `失[[${p}.lost]]` : "失分";
  const points = pointsPhrase(kit, row);
  return [
    `${kit.title(row)}${lost}：${targetPhrase(kit, row)}，${actualPhrase(kit, row)}，${rulePhrase(row)}${points === "" ? "" : `，${points}`}。`,
    rowDataNote(kit.input.findings, row),
    reportedNote(kit, row),
    deviationNote(kit, row),
  ].join("");
}

function reportedProblem(kit: SectionKit, row: IndicatorScore): string {
  const p = kit.prefix(row);
  const scored =
    p !== undefined && kit.has(`${p}.reported`) && kit.has(`${p}.weight`)
      ? `自评只得[[${p}.reported]]（分值[[${p}.weight]]）`
      : "自评未得满分";
  const basis =
    row.kind === "budget"
      ? `${executionFigures(kit)}，${rulePhrase(row)}，按规则应${pointsPhrase(kit, row)}`
      : `${targetPhrase(kit, row)}，${actualPhrase(kit, row)}，${rulePhrase(row)}，按评分规则应得满分`;
  return `${kit.title(row)}${scored}，扣分缺少依据：${basis}。`;
}

function structureProblem(kit: SectionKit, block: BlockScore): string {
  const key = `block.${block.id}`;
  if (block.rowWeightSum === 0) {
    const what = block.indicators.length === 0 ? "三级指标" : "三级指标的分值";
    return missingSentence(`${q(block.name)}的${what}`, `该一级指标${kit.fig(`${key}.weight`)}无从得分`);
  }
  if (block.fit === "capped" || block.fit === "scaled") {
    const how = block.fit === "capped" ? "按一级指标分值封顶" : "按比例折算";
    return `${q(block.name)}的三级指标分值合计超过一级指标分值${kit.fig(`${key}.weight`)}，${how}后得${kit.fig(`${key}.points`)}，失${kit.fig(`${key}.lost`)}。`;
  }
  const head = `${q(block.name)}标称${kit.fig(`${key}.weight`)}，但其三级指标分值合计低于标称分值，差额部分没有对应的三级指标、无从得分`;
  if (kit.has(`${key}.unallocated`)) return `${head}，失[[${key}.unallocated]]。`;
  const rows = block.indicators
    .filter((r) => r.lost > 0.005 && kit.prefix(r) !== undefined && kit.has(`${kit.prefix(r)}.lost`))
    .map((r) => `${kit.title(r)}失[[${kit.prefix(r)}.lost]]`);
  const split = rows.length > 0 ? `，其中${rows.join("、")}，其余为分值缺口所致` : "，全部为分值缺口所致";
  return `${head}；该一级指标共失${kit.fig(`${key}.lost`)}${split}。`;
}

/**
 * The problem of one item in one or a few sentences, figures as `[[key]]`: the indicator, the
 * points lost, target vs actual, the rule, the officer's own score when it differs, and the
 * 偏差原因 the officer gave.
 */
export function problemSentence(kit: SectionKit, item: ProblemItem): string {
  if (item.source === "structure") return structureProblem(kit, item.block);
  if (item.row === undefined) return `${q(item.name)}失分。`;
  return item.source === "reported" ? reportedProblem(kit, item.row) : ruleProblem(kit, item.row);
}
