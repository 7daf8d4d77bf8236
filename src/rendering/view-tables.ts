import { fmt, round } from "../scoring/rounding.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import type { ChartBar, ViewCell, ViewTable } from "./report-view.ts";
import { num, scoreText, td, th } from "./view-format.ts";

/** points ÷ weight as "80%", or "—" for a block of weight 0. */
function rateOf(points: number, weight: number): string {
  return weight > 0 ? `${fmt((points / weight) * 100, 2)}%` : "—";
}

/**
 * 各项指标得分情况表 from the score card: one row per first-level block (scheme weight, the rules'
 * score with the officer's in brackets when different, 得分率) and a 合计 row that is the card's
 * total, never the report's own 合计.
 */
export function summaryTable(card: ScoreCard): ViewTable {
  const weight = card.blocks.reduce((sum, b) => sum + b.weight, 0);
  const rows: ViewCell[][] = [
    [th("指标"), th("权重分值"), th("得分"), th("得分率")],
    ...card.blocks.map((b) => [
      td(b.name),
      num(fmt(b.weight)),
      num(scoreText(b.points, b.reported)),
      num(rateOf(b.points, b.weight)),
    ]),
    [
      th("合计"),
      { ...num(fmt(weight)), bold: true },
      { ...num(scoreText(card.total, card.reported.totalRow ?? card.reported.total)), bold: true },
      { ...num(rateOf(card.total, weight)), bold: true },
    ],
  ];
  return {
    id: "summary",
    title: "各项指标得分情况表",
    note: "单位：分",
    widths: [30, 20, 30, 20],
    rows,
    header: 0,
  };
}

/** One bar per first-level block of the card: points, weight and 得分率 rounded to 2 decimals. */
export function chartBars(card: ScoreCard): ChartBar[] {
  return card.blocks.map((b) => ({
    name: b.name,
    points: round(b.points, 2),
    weight: b.weight,
    rate: b.weight > 0 ? round((b.points / b.weight) * 100, 2) : 0,
  }));
}
