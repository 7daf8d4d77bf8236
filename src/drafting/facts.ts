import { deductionsOf } from "../checks/deductions.ts";
import type { Report } from "../core/report.ts";
import type { BlockScore, ScoreCard } from "../scoring/score-card.ts";
import { budgetFacts, taskFacts } from "./budget-facts.ts";
import type { Fact, FactSheet, MissingFact } from "./draft-types.ts";
import { percentFact, plainFact, pointsFact } from "./fact-builders.ts";
import { indicatorFacts, missingRowFacts, numberedRows } from "./indicator-facts.ts";

function yearFacts(year: number): Fact[] {
  return [
    ...plainFact("year", "评价年度", year, "年"),
    ...plainFact("year.previous", "上一年度", year - 1, "年", { derived: true }),
    ...plainFact("year.next", "下一年度", year + 1, "年", { derived: true }),
  ];
}

function scoreFacts(card: ScoreCard): Fact[] {
  const stated = card.reported.total;
  return [
    ...pointsFact("score.total", "总得分（按评分规则）", card.total),
    ...pointsFact("score.reported", "自评得分（报告所填）", stated, false),
    ...pointsFact("score.lost", "总失分（100−按规则总得分）", 100 - card.total),
    ...(stated === undefined
      ? []
      : pointsFact("score.reportedLost", "自评失分（100−自评得分）", 100 - stated)),
  ];
}

function blockFacts(block: BlockScore): Fact[] {
  const key = `block.${block.id}`;
  const name = `“${block.name}”`;
  return [
    ...pointsFact(`${key}.weight`, `${name}分值`, block.weight, false),
    ...pointsFact(`${key}.points`, `${name}得分（按评分规则）`, block.points),
    ...pointsFact(`${key}.lost`, `${name}失分（按评分规则）`, block.lost),
    ...(block.weight > 0
      ? percentFact(`${key}.rate`, `${name}得分率（得分÷分值）`, (block.points / block.weight) * 100)
      : []),
    ...pointsFact(`${key}.reported`, `${name}得分（报告自评）`, block.reported, false),
    // Points of the block's weight with no third-level row behind them (seed 000's 效益 30 vs 25).
    ...(block.fit === "unallocated" && block.rowWeightSum > 0 && block.weight - block.rowWeightSum > 0.005
      ? pointsFact(
          `${key}.unallocated`,
          `${name}分值缺口（标称分值−三级指标分值合计）`,
          block.weight - block.rowWeightSum,
        )
      : []),
  ];
}

function derivedFacts(card: ScoreCard): Fact[] {
  return card.derived.flatMap((d) =>
    d.status === "ok" ? percentFact(`derived.${d.key}`, `${d.name}（按预算数据计算）`, d.value) : [],
  );
}

/**
 * Figures a draft cannot do without. The stated total is not one: a draft states the total by the
 * rules, and the report's own total, when there is one, is compared with it.
 */
function missingFacts(report: Report, card: ScoreCard): MissingFact[] {
  const b = report.budget;
  return [
    ...(b.adjusted === undefined && b.initial === undefined
      ? [{ key: "budget.adjusted", label: "调整后预算数（或年初预算数）" }]
      : []),
    ...(b.executed === undefined ? [{ key: "budget.executed", label: "预算执行数" }] : []),
    ...missingRowFacts(numberedRows(report, card)),
  ];
}

/**
 * Every figure a drafted section may cite, from the report as stated and its score card, and the
 * figures a complete report needs but this one lacks. The LLM writes `[[key]]` for a figure; the
 * renderer prints the fact's `text`; the grounding check accepts only numbers some fact carries.
 *
 * Key scheme (stable: prompts and drafters write these keys):
 * - `year`, `year.previous`, `year.next` (年).
 * - Budget (万元, 元 converted): `budget.initial`, `budget.adjusted`, `budget.executed`,
 *   `budget.declaredTotal`, `budget.unspent` (base − executed, base = adjusted, or initial when
 *   unadjusted; only when not negative), `budget.reportedRate` (%, as stated), `budget.rate`
 *   (%, executed ÷ base, 2 decimals), from the card's 预算执行率 row `budget.weight`,
 *   `budget.points`, `budget.lost`, `budget.reported` (分).
 * - Sub-rows `budget.{fiscal,other,basic,project}.{initial,adjusted,executed,rate,reportedRate}`;
 *   `budget.threePublicExpenses.{budget,actual,rate,reportedRate}`, `budget.procurement.*` likewise;
 *   `budget.carryover.{amount,reportedRate}`, `budget.funds.{planned,received}`,
 *   `budget.staff.{authorized,actual}` (人).
 * - `derived.<key>` (%): each common indicator the card computed (status ok), e.g. derived.executionRate.
 * - `score.total` (by the rules), `score.reported` (stated), `score.lost` (100 − total),
 *   `score.reportedLost` (100 − stated) (分).
 * - `block.<id>.{weight,points,lost,reported}` (分) and `block.<id>.rate` (得分率 %, points ÷ weight).
 * - `indicator.<n>.{weight,points,lost,reported}` (分), `.target` and `.actual` (the target's unit;
 *   actual = the number the rule used), `.gap` (|target − actual| in 个百分点 when both are %; the
 *   label says 低于 / 高于), n = 1-based over the card's rows without the 预算执行率 row.
 * - `task.<n>.{budget,executed,rate}`, `tasks.count` (项), `tasks.budget`, `tasks.executed` (sums).
 * - `indicators.count`, `indicators.full` (个), `deductions.count` (项, rule deductions).
 * Missing: `budget.adjusted` (when neither adjusted nor initial), `budget.executed`,
 * `indicator.<n>.{target,actual,weight}` and `score.reported`.
 */
export function collectFacts(report: Report, card: ScoreCard): FactSheet {
  const rows = card.blocks.flatMap((b) => b.indicators);
  const budgetRow = rows.find((r) => r.kind === "budget");
  const deductions = deductionsOf(card).rule.length;
  const facts: Fact[] = [
    ...yearFacts(report.year),
    ...budgetFacts(report.budget, budgetRow),
    ...taskFacts(report.tasks),
    ...derivedFacts(card),
    ...scoreFacts(card),
    ...card.blocks.flatMap(blockFacts),
    ...indicatorFacts(numberedRows(report, card)),
    ...plainFact("deductions.count", "按评分规则失分的指标项数", deductions, "项", { derived: true }),
  ];
  return { facts: dedupe(facts), missing: missingFacts(report, card), grade: card.grade };
}

/** Keeps the first fact of each key, so a key always names one figure. */
function dedupe(facts: readonly Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    if (seen.has(f.key)) return false;
    seen.add(f.key);
    return true;
  });
}
