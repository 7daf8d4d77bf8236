import type { BlockScore } from "../scoring/score-card.ts";
import {
  executionMeasure,
  qualitativeMeasure,
  quantitativeMeasure,
  satisfactionMeasure,
} from "./measure-text.ts";
import { pending } from "./pending.ts";
import { actualPhrase, targetPhrase } from "./row-phrases.ts";
import { blockOf, q, quoted, type SectionKit } from "./section-kit.ts";

/** A weak spot of a report that lost no points, and the measure that keeps it from losing next year. */
export interface ForwardItem {
  block: BlockScore | undefined;
  problem: string;
  measure: string;
}

function executionItem(kit: SectionKit): ForwardItem[] {
  const rate = kit.fact("budget.rate");
  if (rate === undefined || rate.value >= 100) return [];
  const unspent = (kit.fact("budget.unspent")?.value ?? 0) > 0 ? `，仍有[[budget.unspent]]未执行` : "";
  const block = kit.card.blocks.find((b) => b.indicators.some((r) => r.kind === "budget"));
  return [
    {
      block,
      problem: `预算执行数达到预算的[[budget.rate]]${unspent}，执行进度仍有提升空间。`,
      measure: executionMeasure(kit),
    },
  ];
}

/** Quantitative rows met with nothing to spare (gap 0): the first to slip next year. */
function tightItems(kit: SectionKit): ForwardItem[] {
  return kit.rows
    .filter(({ n, row }) => row.kind === "quantitative" && kit.fact(`indicator.${n}.gap`)?.value === 0)
    .filter(({ row }) => !row.rule.startsWith("reverse."))
    .filter(({ row }) => !row.name.includes("满意"))
    .slice(0, 2)
    .map(({ row }) => ({
      block: blockOf(kit.card, row),
      problem: `${kit.title(row)}${actualPhrase(kit, row)}，刚好达到${targetPhrase(kit, row)}，没有余量。`,
      measure: quantitativeMeasure(kit, row, false),
    }));
}

function qualitativeItem(kit: SectionKit): ForwardItem[] {
  const rows = kit.rows.filter(({ row }) => row.kind === "qualitative").map(({ row }) => row);
  const first = rows[0];
  if (first === undefined) return [];
  return [
    {
      block: blockOf(kit.card, first),
      problem: `定性指标${quoted(rows.slice(0, 3).map((r) => r.name))}等按完成情况评分，没有可核实的量化数据。`,
      measure: qualitativeMeasure(kit, first),
    },
  ];
}

function satisfactionItem(kit: SectionKit): ForwardItem[] {
  const found = kit.rows.find(({ row }) => row.name.includes("满意"));
  if (found === undefined) return [];
  const { row } = found;
  return [
    {
      block: blockOf(kit.card, row),
      problem: `${kit.title(row)}${actualPhrase(kit, row)}。`,
      measure: satisfactionMeasure(row.name),
    },
  ];
}

function targetItem(kit: SectionKit): ForwardItem[] {
  const first = kit.rows[0];
  const block = first === undefined ? kit.card.blocks[0] : blockOf(kit.card, first.row);
  if (block === undefined) return [];
  const name = first === undefined ? "" : `${q(first.row.name)}等`;
  return [
    {
      block,
      problem: `${q(block.name)}各项三级指标均取得满分。`,
      measure: `${pending(`${name}指标下一年度的指标值和措施`)}。`,
    },
  ];
}

/**
 * What a report that lost no points should still watch, at most three items, weakest first: budget
 * execution below 100%, quantitative targets met with nothing to spare, qualitative rows without
 * figures, satisfaction surveys; else targets that may be set too low. Never empty when the report
 * has any block.
 */
export function forwardItems(kit: SectionKit): ForwardItem[] {
  const items = [
    ...executionItem(kit),
    ...tightItems(kit),
    ...qualitativeItem(kit),
    ...satisfactionItem(kit),
  ];
  return (items.length > 0 ? items : targetItem(kit)).slice(0, 3);
}
