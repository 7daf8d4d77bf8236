import type { IndicatorScore } from "../scoring/score-card.ts";
import { pending } from "./pending.ts";
import type { MeasureKind, ProblemItem } from "./problem-items.ts";
import { q, type SectionKit } from "./section-kit.ts";

/** Formulas of the common ratio indicators, by derived key, for "按公式重新核算". */
const RATIO_FORMULAS: Record<string, string> = {
  adjustmentRate: "调整后预算数与年初预算数之差÷年初预算数",
  carryoverRate: "结转结余总额÷支出预算数",
  threePublicControlRate: "“三公经费”实际支出÷“三公经费”预算数",
  procurementRate: "实际政府采购金额÷政府采购预算数",
  staffControlRate: "在职人员数÷编制数",
  fundsAvailabilityRate: "实际到位资金÷计划投入资金",
};

/** The derived indicator a row measures: by the key the rule used, else by name. */
function derivedOf(kit: SectionKit, row: IndicatorScore) {
  const key = row.derived?.key;
  return kit.card.derived.find((d) => d.key === key || d.name === row.name);
}

/**
 * The tasks executed most slowly (below 100%), slowest first: “运维服务外包项目”（执行率[[task.2.rate]]）.
 * Empty when no task's rate is known.
 */
export function slowTasks(kit: SectionKit, max = 2): string[] {
  return kit.report.tasks
    .map((_, i) => ({ i, key: `task.${i + 1}.rate` }))
    .filter(({ key }) => (kit.fact(key)?.value ?? 100) < 100)
    .sort((a, b) => (kit.fact(a.key)?.value ?? 0) - (kit.fact(b.key)?.value ?? 0))
    .slice(0, max)
    .map(({ i, key }) => `${kit.taskTitle(i)}（执行率[[${key}]]）`);
}

/**
 * Budget execution: supplying a missing 预算执行数 is the rules' fix; how to spend faster is the
 * officer's to say, marked 〔待补充〕 after the slowest tasks by name (never a stock 按月调度).
 */
export function executionMeasure(kit: SectionKit): string {
  const slow = slowTasks(kit);
  const tasks = slow.length > 0 ? `执行偏慢的是${slow.join("、")}；` : "";
  const supply = kit.has("budget.executed")
    ? ""
    : `补充${kit.missingLabel("budget.executed", "预算执行数")}，按执行数÷预算数核算执行率；`;
  return `${supply}${tasks}${pending("加快预算执行的具体措施（做什么、谁负责、何时完成）")}。`;
}

/** A satisfaction indicator: what to do about it is the officer's, marked 〔待补充〕 (never a stock 满意度回访). */
export function satisfactionMeasure(name: string): string {
  return `${pending(`提高${q(name)}的具体措施`)}。`;
}

function ratio(kit: SectionKit, row: IndicatorScore): string {
  const d = derivedOf(kit, row);
  const formula = d === undefined ? undefined : RATIO_FORMULAS[d.key];
  const how = formula === undefined ? "" : `（${formula}）`;
  const lacking =
    d?.status === "missing" && d.missing.length > 0 ? `，补充计算所需的${d.missing.join("、")}` : "";
  const contradicts = kit.input.findings.some(
    (f) => f.code === "actual.contradicts_target" && f.where.path === row.path,
  );
  return `按公式重新核算${kit.title(row)}${how}${lacking}，据实填写实际比率${contradicts ? "，不能把完成率填入逆向指标" : ""}。`;
}

/**
 * A quantitative target: the gap (when the facts hold it) and a 〔待补充〕 marker for the officer's
 * measures; a target met with nothing to spare gets the marker alone. Never a stock 分解到季度.
 */
export function quantitativeMeasure(kit: SectionKit, row: IndicatorScore, shortfall = true): string {
  if (!shortfall) return `${pending(`保持${kit.title(row)}达到指标值的措施`)}。`;
  const n = kit.numbered(row);
  const gap =
    n !== undefined && kit.has(`indicator.${n.n}.gap`) ? `与指标值差距[[indicator.${n.n}.gap]]，` : "";
  return `${kit.title(row)}${gap}${pending("未达到指标值的原因和改进措施")}。`;
}

/** A qualitative row: the officer's measures (which evidence, what target next year), marked 〔待补充〕. */
export function qualitativeMeasure(kit: SectionKit, row: IndicatorScore): string {
  return `${pending(`${kit.title(row)}的改进措施（如补充哪些佐证材料）`)}。`;
}

function missing(kit: SectionKit, row: IndicatorScore): string {
  const what = { "missing.target": "指标值", "missing.weight": "分值" }[row.rule as string] ?? "实际完成值";
  return `补齐${kit.title(row)}的${what}，按评分规则重新计分。`;
}

function structure(kit: SectionKit, item: ProblemItem): string {
  if (item.block.rowWeightSum === 0) {
    return `补充${q(item.block.name)}的三级指标、指标值、实际完成值和分值，使其分值合计为${kit.fig(`block.${item.block.id}.weight`)}，再按评分规则逐项计分。`;
  }
  return `${q(item.block.name)}的三级指标分值合计应等于一级指标分值${kit.fig(`block.${item.block.id}.weight`)}，补齐缺少的三级指标或调整各行分值。`;
}

function scoring(kit: SectionKit, row: IndicatorScore): string {
  const p = kit.prefix(row);
  const full = p !== undefined && kit.has(`${p}.weight`) ? `满分[[${p}.weight]]` : "满分";
  return `按评分规则核定${kit.title(row)}的得分：实际完成值已达到指标值的评${full}，确有扣分理由的在“偏差原因分析”栏写明依据，做到得分与规则一致。`;
}

/**
 * The measure tied to one problem: budget execution → 加快支出进度、按月调度 (naming the slowest
 * tasks); satisfaction → 满意度回访; ratios → recompute by the formula; quantitative shortfall →
 * break the gap down by quarter; qualitative → evidence and a measurable target; missing data →
 * supply it; block structure → 规范指标分值设置; the officer's own unsupported cut → score by the
 * rules. What only the officer can decide (how to spend faster, raise satisfaction, close a gap)
 * is a 〔待补充〕 marker, never a stock measure.
 */
export function measureSentence(kit: SectionKit, item: ProblemItem): string {
  if (item.source === "structure" || item.row === undefined) return structure(kit, item);
  const row = item.row;
  const byKind: Record<MeasureKind, () => string> = {
    execution: () => executionMeasure(kit),
    satisfaction: () => satisfactionMeasure(row.name),
    ratio: () => ratio(kit, row),
    quantitative: () => quantitativeMeasure(kit, row),
    qualitative: () => qualitativeMeasure(kit, row),
    missing: () => missing(kit, row),
    structure: () => structure(kit, item),
    scoring: () => scoring(kit, row),
  };
  return byKind[item.measure]();
}
