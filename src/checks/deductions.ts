import { explain } from "../scoring/explain.ts";
import { fmt, round } from "../scoring/rounding.ts";
import type { IndicatorScore, ScoreCard } from "../scoring/score-card.ts";

/** One place points were lost: a row or a block, named as the officer knows it. */
export interface Deduction {
  name: string;
  lost: number;
}

/** Points lost by the report's own scores and by the scheme's rules, largest first. */
export interface Deductions {
  /** Rows the officer scored below their 分值. */
  reported: Deduction[];
  /** 100 − the stated total when the report states one, else the sum of `reported`. */
  reportedLost: number;
  /** What the rules take off (rows, and block weights with no rows behind them). */
  rule: Deduction[];
  /** Sum of `rule`: 100 − the total by the rules, less blocks the report has no rows for. */
  ruleLost: number;
}

function rowName(row: IndicatorScore): string {
  return row.kind === "budget" ? row.label : row.name;
}

/** The losses of a score card, both as the report scored itself and as the rules score it. */
export function deductionsOf(card: ScoreCard): Deductions {
  const reported = card.blocks
    .flatMap((b) => b.indicators)
    .filter((r) => r.reported !== undefined && r.reported < r.weight - 0.005)
    .map((r) => ({ name: rowName(r), lost: round(r.weight - (r.reported ?? 0), 2) }))
    .sort((a, b) => b.lost - a.lost);
  // A block with no rows, or rows without 分值 (a 申报表 copied in place of the 自评表), is a table the
  // report lacks (weights.block_sum says so), not a deduction the officer could explain.
  const empty = new Set(card.blocks.filter((b) => b.rowWeightSum === 0).map((b) => b.name));
  // Points lost only because the data to score them is absent (no budget figures, no actual value; often
  // data the reading could not get) are not a shortfall the narrative must explain: left out here.
  const rule = explain(card, [])
    .items.filter((item) => item.kind !== "missing" && !(item.kind === "structure" && empty.has(item.label)))
    .map((item) => ({
      name: item.kind === "structure" ? item.label : (item.label.split(" / ").at(-1) ?? item.label),
      lost: item.lost,
    }));
  const sum = reported.reduce((a, d) => a + d.lost, 0);
  const stated = card.reported.total;
  return {
    reported,
    reportedLost: round(stated === undefined ? sum : Math.max(0, 100 - stated), 2),
    rule,
    ruleLost: round(
      rule.reduce((a, d) => a + d.lost, 0),
      2,
    ),
  };
}

/** Whether any points were lost, by the report's own scores or by the rules. */
export function hasLostPoints(d: Deductions): boolean {
  return d.reportedLost > 0.005 || d.ruleLost > 0.005;
}

/** “服务单位满意度”失0.31分、“预算执行率”失1分 …, at most `max` items (then 等N项). */
function deductionList(items: readonly Deduction[], max = 5): string {
  const shown = items.slice(0, max).map((d) => `“${d.name}”失${fmt(d.lost)}分`);
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join("、")}等${items.length}项` : shown.join("、");
}

/**
 * The deductions in one Chinese clause: "报告自评扣了4分（“…”失1分、…），按评分规则计算失7.29分
 * （“效益指标”失5分、…）". Empty when nothing was lost.
 */
export function deductionText(d: Deductions): string {
  const parts: string[] = [];
  // A stated total that only repeats the rules' loss adds nothing unless rows show the officer's own cuts.
  const echoes = d.reported.length === 0 && Math.abs(d.reportedLost - d.ruleLost) < 0.005;
  if (d.reportedLost > 0.005 && !echoes) {
    const list = d.reported.length > 0 ? `（${deductionList(d.reported)}）` : "";
    parts.push(`报告自评扣了${fmt(d.reportedLost)}分${list}`);
  }
  if (d.ruleLost > 0.005) {
    const list = d.rule.length > 0 ? `（${deductionList(d.rule)}）` : "";
    parts.push(`按评分规则计算失${fmt(d.ruleLost)}分${list}`);
  }
  return parts.join("，");
}
