import { UNNAMED_BLOCK } from "../core/indicators.ts";
import type { Report } from "../core/report.ts";
import { nameMatches, normalizeName } from "./names.ts";
import { fmt, round } from "./rounding.ts";
import type { Scheme, SchemeBlock } from "./scheme.ts";
import { STATED_SCHEME_ID } from "./stated-scheme.ts";

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
 * the budget row carries a 分值 — or, when it carries none, the blocks total less than 100 and the
 * report gives 调整后预算数 and 预算执行数, one worth the remainder (said so in the basis) — and the national row rules of `rules` (财预〔2020〕10号: proportional
 * below target, qualitative bands, grades); each row's own 评分标准 still comes first. Undefined when
 * the table names no block with a weight, so there is no structure to score by.
 */
export function tableScheme(report: Report, rules: Scheme): Scheme | undefined {
  const stated: { name: string; weight: number }[] = [];
  const seen = new Set<string>();
  for (const b of report.indicators) {
    if (b.name === UNNAMED_BLOCK || seen.has(normalizeName(b.name))) continue;
    const weight = tableWeight(b);
    if (weight === undefined) return undefined;
    seen.add(normalizeName(b.name));
    stated.push({ name: b.name, weight });
  }
  if (stated.length === 0) return undefined;
  const budgetWeight = report.budget.weight;
  const budgetInTable = stated.some((b) => isBudgetBlock(b.name));
  const tableSum = round(
    stated.reduce((a, b) => a + b.weight, 0),
    2,
  );
  let remainderNote = "";
  if (budgetWeight !== undefined && budgetWeight > 0 && !budgetInTable)
    stated.unshift({ name: "预算执行率", weight: budgetWeight });
  else if (budgetWeight === undefined && !budgetInTable && tableSum < 100 && hasBudgetFigures(report)) {
    const rest = round(100 - tableSum, 2);
    stated.unshift({ name: "预算执行率", weight: rest });
    remainderNote = `；预算执行率${fmt(rest)}分：指标表合计${fmt(tableSum)}分，余下的${fmt(rest)}分按预算执行率计`;
  }
  const list = stated.map((b) => `${b.name}${fmt(b.weight)}分`).join("、");
  return blocksScheme(stated, report, rules, {
    id: TABLE_SCHEME_ID,
    name: "按本表结构",
    basis: `报告自身指标表的一级指标和分值（${list}）${remainderNote}`,
    source: "报告自身的绩效指标表",
  });
}

/**
 * "我来说一级指标和分值": the 一级指标 and 分值 the officer stated in the chat (`report.schemeBlocks`),
 * under the same national row rules as 按本表结构. Undefined when none were stated.
 */
function statedScheme(report: Report, rules: Scheme): Scheme | undefined {
  const stated = report.schemeBlocks ?? [];
  if (stated.length === 0) return undefined;
  const list = stated.map((b) => `${b.name}${fmt(b.weight)}分`).join("、");
  return blocksScheme(stated, report, rules, {
    id: STATED_SCHEME_ID,
    name: "填报人说明的一级指标和分值",
    basis: `填报人说明的一级指标和分值（${list}）`,
    source: "填报人在对话中说明的一级指标和分值",
    variants: true,
  });
}

/** A stated name as a table may print it: "产出" ↔ "产出指标", "产出与效益" ↔ "产出和效益". */
function nameVariants(name: string): string[] {
  const bare = name.replace(/指标$/u, "");
  const joined = [bare, ...["与", "和", "及"].map((w) => bare.replace(/[与和及]/u, w))];
  return [...new Set(joined.flatMap((n) => [n, `${n}指标`]))].filter((n) => n !== name);
}

/** Whether the report gives both 调整后预算数 and 预算执行数, so 预算执行率 can be computed. */
function hasBudgetFigures(report: Report): boolean {
  return report.budget.adjusted !== undefined && report.budget.executed !== undefined;
}

function isBudgetBlock(name: string): boolean {
  return nameMatches(name, "预算执行率", ["预算执行", "资金执行", "预算资金执行率", "预算执行情况"]);
}

/** A scheme of the given first-level blocks, borrowing the row rules and grades of `rules`. */
function blocksScheme(
  stated: readonly { name: string; weight: number }[],
  report: Report,
  rules: Scheme,
  meta: { id: string; name: string; basis: string; source: string; variants?: boolean },
): Scheme {
  let n = 0;
  const blocks: SchemeBlock[] = stated.map((b) => ({
    id: isBudgetBlock(b.name) ? "budget" : blockId(n++),
    name: b.name,
    aliases: isBudgetBlock(b.name) ? ["预算执行"] : meta.variants === true ? nameVariants(b.name) : [],
    weight: b.weight,
    source: isBudgetBlock(b.name) ? "budget" : "indicators",
    groups: [],
    bonus: false,
  }));
  // The draft's template follows the report's kind, not the borrowed scheme's.
  const { template: _borrowed, ...settings } = rules;
  return {
    ...settings,
    id: meta.id,
    name: meta.name,
    kind: report.kind,
    region: report.unit.region ?? "报告自身",
    basis: `${meta.basis}；各行按报告所列评分标准，未列评分标准的行按财预〔2020〕10号的通用规则（未达到指标值按完成比例计分，定性指标按完成档次评分）`,
    blocks,
    rowRules: [],
    maxTotal: 100,
    sources: [meta.source],
  };
}

/** The installed scheme whose row rules 按本表结构 borrows: the national one, else the first. */
export function nationalRules(installed: readonly Scheme[]): Scheme | undefined {
  return installed.find((s) => s.region === "全国") ?? installed[0];
}

/**
 * The scheme an id names for this report: 按本表结构 (built from the report's own table; undefined
 * when it has no weighted blocks), the officer's stated blocks, or an installed scheme.
 */
export function resolveScheme(id: string, report: Report, installed: readonly Scheme[]): Scheme | undefined {
  if (TABLE_SCHEME_NAMES.includes(id.trim())) {
    const rules = nationalRules(installed);
    return rules === undefined ? undefined : tableScheme(report, rules);
  }
  if (id.trim() === STATED_SCHEME_ID) {
    const rules = nationalRules(installed);
    return rules === undefined ? undefined : statedScheme(report, rules);
  }
  return installed.find((s) => s.id === id);
}
