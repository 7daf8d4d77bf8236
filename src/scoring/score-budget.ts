import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import type { DerivedValue } from "./derive.ts";
import { fmt, round, samePoints } from "./rounding.ts";
import type { Scheme, SchemeBlock } from "./scheme.ts";
import type { BlockScore, IndicatorScore } from "./score-card.ts";

/**
 * Scores a scheme block whose source is the budget: 预算执行率 on the scheme's base, proportional
 * (capped at the weight) or by thresholds. The officer's 分值 and 得分 of the row are compared.
 */
export function scoreBudgetBlock(
  report: Report,
  scheme: Scheme,
  block: SchemeBlock,
  execution: DerivedValue | undefined,
  reportedBlock: number | undefined,
): { block: BlockScore; findings: Finding[] } {
  const findings: Finding[] = [];
  const w = block.weight;
  const b = report.budget;
  // A block already named 预算执行率 is not named twice ("预算执行率（预算执行率）").
  const label = block.name.includes("预算执行率") ? block.name : `${block.name}（预算执行率）`;
  const where = { path: "budget", label };
  const d = scheme.rounding.decimals;
  let rate: number | undefined;
  let working: string;
  if (execution?.status === "ok" && execution.value !== undefined) {
    rate = execution.value;
    working = execution.formula;
  } else if (b.reportedRate) {
    rate = b.reportedRate.value;
    working = `缺少${execution?.missing.join("、") || "预算数据"}，按报告所填执行率${b.reportedRate.text}计`;
  } else {
    working = `缺少${execution?.missing.join("、") || "预算数据"}，无法计算预算执行率`;
  }
  let points = 0;
  let rule: IndicatorScore["rule"] = "budget.proportional";
  let formula: string;
  let restore: string | undefined;
  if (rate === undefined) {
    formula = `${working}，计0分`;
    restore = "填写年初预算数、调整后预算数和预算执行数，即可按规则计分";
  } else if (scheme.budgetExecution.method === "proportional") {
    points = round((w * Math.min(rate, 100)) / 100, d);
    formula =
      rate >= 100
        ? `${working}；按比例计分，封顶${fmt(w)}分`
        : `${working}；按比例计分：${fmt(w)} × ${round(rate, 2)}% = ${fmt(points)}分`;
  } else {
    rule = "budget.thresholds";
    const step = [...scheme.budgetExecution.thresholds]
      .sort((x, y) => y.minRate - x.minRate)
      .find((t) => rate >= t.minRate);
    points = round(w * (step?.share ?? 0), d);
    formula = `${working}；按区间计分：${step ? `执行率≥${step.minRate}%得分值的${step.share * 100}%` : "低于最低区间"}，得${fmt(points)}分`;
  }
  const lost = round(w - points, 2);
  if (rate !== undefined && lost > 0) {
    const base = execution?.inputs[1];
    const executed = execution?.inputs[0];
    restore =
      base && executed
        ? `若预算执行率达到100%（执行数达到${round(base.value, 2)}万元，即再执行${round(base.value - executed.value, 2)}万元）即可得满分${fmt(w)}分(+${fmt(lost)})`
        : `若预算执行率达到100%即可得满分${fmt(w)}分(+${fmt(lost)})`;
  }
  if (
    rate !== undefined &&
    scheme.budgetExecution.explainBelow !== undefined &&
    rate < scheme.budgetExecution.explainBelow
  ) {
    findings.push({
      code: "budget.rate_low",
      severity: "warn",
      where,
      message: `预算执行率${round(rate, 2)}%低于${scheme.budgetExecution.explainBelow}%，按本方案须说明原因。`,
    });
  }
  if (b.weight !== undefined && Math.abs(b.weight - w) > 1e-9) {
    findings.push({
      code: "weights.block_sum",
      severity: "error",
      where,
      message: `预算执行率分值填为${b.weight}分，方案（${scheme.name}）规定为${w}分。`,
    });
  }
  const row: IndicatorScore = {
    path: "budget",
    label: where.label,
    name: "预算执行率",
    kind: "budget",
    rule,
    ...(rate === undefined ? {} : { actualValue: round(rate, 4) }),
    ...(execution?.status === "ok"
      ? { derived: { key: execution.key, formula: execution.formula, value: rate } }
      : {}),
    ...(b.reportedRate ? { actual: b.reportedRate.text } : {}),
    formula,
    weight: w,
    points,
    lost,
    lossKind: lost > 0 ? (rate === undefined ? "missing" : "rule") : "none",
    ...(b.score === undefined ? {} : { reported: b.score }),
    ...(restore ? { restore } : {}),
    restorable: lost,
  };
  if (b.score !== undefined && !samePoints(points, b.score)) {
    findings.push({
      code: "score.rule_mismatch",
      severity: Math.abs(b.score - points) < 0.05 ? "info" : b.score > points ? "error" : "warn",
      where: { ...where, quote: `得分${b.score}` },
      message: `预算执行率得分填为${b.score}分，按规则应为${fmt(points)}分（${formula}）。`,
    });
  }
  const scored: BlockScore = {
    id: block.id,
    name: block.name,
    weight: w,
    ...(b.weight === undefined ? {} : { statedWeight: b.weight }),
    rowWeightSum: w,
    rowPoints: points,
    points,
    lost,
    fit: "exact",
    indicators: [row],
    sources: ["budget"],
    ...(reportedBlock === undefined ? {} : { reported: reportedBlock }),
  };
  return { block: scored, findings };
}
