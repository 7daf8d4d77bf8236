import { explain } from "../scoring/explain.ts";
import { round } from "../scoring/rounding.ts";
import type { BlockScore, IndicatorScore, ScoreCard } from "../scoring/score-card.ts";

/** What kind of measure a problem calls for. */
export type MeasureKind =
  | "execution"
  | "satisfaction"
  | "ratio"
  | "quantitative"
  | "qualitative"
  | "missing"
  | "structure"
  | "scoring";

/**
 * One problem the drafted 问题 section lists: a row the rules take points off, a block whose
 * 分值 structure loses points, or a row the officer scored below its 分值 although the rules give
 * it in full. The same losses `deductionsOf(card)` lists, with the rows behind them.
 */
export interface ProblemItem {
  source: "rule" | "structure" | "reported";
  /** The name the officer knows: the row's name, 预算执行率, or the block's name. */
  name: string;
  /** Points lost: by the rules, or (source reported) by the officer's own score. */
  lost: number;
  block: BlockScore;
  row?: IndicatorScore;
  measure: MeasureKind;
}

const EXECUTION = /预算执行率|资金执行率|支出进度|资金支出率/;

/** The measure a row's loss calls for, from what the row measures and the rule that scored it. */
export function measureKindOf(row: IndicatorScore): MeasureKind {
  if (row.rule.startsWith("missing.")) return "missing";
  if (row.kind === "budget" || row.derived?.key === "executionRate" || EXECUTION.test(row.name)) {
    return "execution";
  }
  if (row.name.includes("满意")) return "satisfaction";
  if (row.rule.startsWith("reverse.") || row.derived !== undefined) return "ratio";
  if (row.kind === "qualitative") return "qualitative";
  return "quantitative";
}

function rowName(row: IndicatorScore): string {
  return row.kind === "budget" ? row.label : row.name;
}

/**
 * The problems of a score card, rule losses first (largest first, as `explain` orders them), then
 * rows the officer marked down although the rules give full marks. Unlike `deductionsOf`, a block
 * with no rows (the report lacks its table) is listed too: the draft must ask for the table.
 */
export function problemItems(card: ScoreCard): ProblemItem[] {
  const used = new Set<IndicatorScore>();
  const items: ProblemItem[] = [];
  for (const item of explain(card, []).items) {
    if (item.kind === "structure") {
      const block = card.blocks.find((b) => b.name === item.label);
      if (block === undefined) continue;
      for (const row of block.indicators) if (block.fit !== "unallocated") used.add(row);
      items.push({ source: "structure", name: block.name, lost: item.lost, block, measure: "structure" });
      continue;
    }
    const block = card.blocks.find((b) => b.indicators.some((r) => r.label === item.label && !used.has(r)));
    const row = block?.indicators.find((r) => r.label === item.label && !used.has(r));
    if (block === undefined || row === undefined) continue;
    used.add(row);
    items.push({
      source: "rule",
      name: rowName(row),
      lost: item.lost,
      block,
      row,
      measure: measureKindOf(row),
    });
  }
  for (const block of card.blocks) {
    for (const row of block.indicators) {
      if (used.has(row) || row.reported === undefined || row.reported >= row.weight - 0.005) continue;
      used.add(row);
      const lost = round(row.weight - row.reported, 2);
      items.push({ source: "reported", name: rowName(row), lost, block, row, measure: "scoring" });
    }
  }
  return items;
}
