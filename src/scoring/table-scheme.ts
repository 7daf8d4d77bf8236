import { UNNAMED_BLOCK } from "../core/indicators.ts";
import type { Report } from "../core/report.ts";
import { nameMatches, normalizeName } from "./names.ts";
import { fmt, round } from "./rounding.ts";
import type { Scheme, SchemeBlock } from "./scheme.ts";

/** Id of the scheme built from a report's own table. `--scheme table` chooses it. */
export const TABLE_SCHEME_ID = "table-structure";
/** Words that choose it on the command line or in a chat. */
export const TABLE_SCHEME_NAMES = [TABLE_SCHEME_ID, "table", "按本表结构", "本表结构"];

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function blockId(i: number): string {
  return `table_${LETTERS[i % 26] ?? "z"}${i >= 26 ? LETTERS[Math.floor(i / 26) % 26] : ""}`;
}

/** A block's weight as the table gives it: its heading, else the sum of its rows' 分值 when all have one. */
function tableWeight(block: Report["indicators"][number]): number | undefined {
  if (block.weight !== undefined && block.weight > 0) return block.weight;
  const rows = block.groups.flatMap((g) => g.indicators);
  if (rows.length === 0 || rows.some((r) => r.weight === undefined)) return undefined;
  const sum = round(
    rows.reduce((a, r) => a + (r.weight ?? 0), 0),
    2,
  );
  return sum > 0 ? sum : undefined;
}

/**
 * "按本表结构": the scheme a report's own table sets, for a report no installed scheme fits — its own
 * first-level blocks and their weights (a heading's 分值, else its rows' sum), a 预算执行率 block when
 * the budget row carries a 分值, and the national row rules of `rules` (财预〔2020〕10号: proportional
 * below target, qualitative bands, grades); each row's own 评分标准 still comes first. Undefined when
 * the table names no block with a weight, so there is no structure to score by.
 */
export function tableScheme(report: Report, rules: Scheme): Scheme | undefined {
  const blocks: SchemeBlock[] = [];
  const seen = new Set<string>();
  for (const b of report.indicators) {
    if (b.name === UNNAMED_BLOCK || seen.has(normalizeName(b.name))) continue;
    const weight = tableWeight(b);
    if (weight === undefined) return undefined;
    seen.add(normalizeName(b.name));
    blocks.push({
      id: blockId(blocks.length),
      name: b.name,
      aliases: [],
      weight,
      source: "indicators",
      groups: [],
      bonus: false,
    });
  }
  if (blocks.length === 0) return undefined;
  const budgetWeight = report.budget.weight;
  const budgetInTable = report.indicators.some((b) =>
    nameMatches(b.name, "预算执行率", ["预算执行", "资金执行"]),
  );
  if (budgetWeight !== undefined && budgetWeight > 0 && !budgetInTable) {
    blocks.unshift({
      id: "budget",
      name: "预算执行率",
      aliases: ["预算执行"],
      weight: budgetWeight,
      source: "budget",
      groups: [],
      bonus: false,
    });
  }
  const list = blocks.map((b) => `${b.name}${fmt(b.weight)}分`).join("、");
  // The draft's template follows the report's kind, not the borrowed scheme's.
  const { template: _borrowed, ...settings } = rules;
  return {
    ...settings,
    id: TABLE_SCHEME_ID,
    name: "按本表结构",
    kind: report.kind,
    region: report.unit.region ?? "报告自身",
    basis: `报告自身指标表的一级指标和分值（${list}）；各行按报告所列评分标准，未列评分标准的行按财预〔2020〕10号的通用规则（未达到指标值按完成比例计分，定性指标按完成档次评分）`,
    blocks,
    rowRules: [],
    maxTotal: 100,
    sources: ["报告自身的绩效指标表"],
  };
}

/** The installed scheme whose row rules 按本表结构 borrows: the national one, else the first. */
export function nationalRules(installed: readonly Scheme[]): Scheme | undefined {
  return installed.find((s) => s.region === "全国") ?? installed[0];
}

/**
 * The scheme an id names for this report: 按本表结构 (built from the report's own table; undefined
 * when it has no weighted blocks) or an installed scheme.
 */
export function resolveScheme(id: string, report: Report, installed: readonly Scheme[]): Scheme | undefined {
  if (TABLE_SCHEME_NAMES.includes(id.trim())) {
    const rules = nationalRules(installed);
    return rules === undefined ? undefined : tableScheme(report, rules);
  }
  return installed.find((s) => s.id === id);
}
