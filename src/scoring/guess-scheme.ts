import { UNNAMED_BLOCK } from "../core/indicators.ts";
import type { Report } from "../core/report.ts";
import { provincesOfPrefectures } from "./data/prefectures.ts";
import { nameMatches } from "./names.ts";
import type { Scheme } from "./scheme.ts";
import { nationalRules, resolveScheme, tableScheme } from "./table-scheme.ts";

/** The scheme chosen for a report that names none, and why, for the reader of the check. */
export interface SchemeGuess {
  scheme: Scheme;
  reason: string;
  /**
   * False when nothing tied the report to the scheme (no 一级指标 of its table is one of the
   * scheme's, no region named, not chosen): checks of the scheme's structure then say more about the
   * guess than about the report.
   */
  fitted: boolean;
}

/** Place names in a region string: "河南省郑州市（区县）" → ["河南", "郑州"]. */
export function places(region: string): string[] {
  return [...region.matchAll(/([\u4e00-\u9fa5]{2,}?)(省|自治区|市|州|盟|区|县|旗)/g)]
    .map((m) => m[1] ?? "")
    .filter((p) => p !== "" && p !== "区县");
}

/**
 * Picks the scoring scheme of an imported report that names none: among the schemes of its kind,
 * the one whose 一级指标 names and 分值 the report's indicator table repeats, then the one whose
 * region the document names (its unit or its text). A report's own `schemeId` always wins. Undefined
 * when no installed scheme is of the report's kind.
 */
export function guessScheme(
  report: Report,
  documentText: string,
  schemes: readonly Scheme[],
): SchemeGuess | undefined {
  const own = report.schemeId === undefined ? undefined : resolveScheme(report.schemeId, report, schemes);
  if (own !== undefined) return { scheme: own, reason: "报告指定的评分方案", fitted: true };
  const text = `${report.unit.name}${report.unit.region ?? ""}${documentText}`;
  // A unit named by its city ("长沙市雨花区…") is in that city's province.
  const provinces = provincesOfPrefectures(`${report.unit.name}${report.unit.region ?? ""}`);
  const ranked = schemes
    .filter((s) => s.kind === report.kind)
    .map((scheme) => ({ scheme, ...schemeFit(report, scheme, text, provinces) }))
    .sort((a, b) => b.points - a.points || a.scheme.id.localeCompare(b.scheme.id));
  const best = ranked[0];
  if (best?.fitted === true) return { scheme: best.scheme, reason: best.reason, fitted: true };
  // No installed scheme fits: the report's own table sets the structure, never another region's.
  const rules = nationalRules(schemes);
  const fromTable = rules === undefined ? undefined : tableScheme(report, rules);
  if (fromTable !== undefined) {
    const names = report.indicators.map((b) => b.name).filter((n, i, all) => all.indexOf(n) === i);
    const reason = `已安装的评分办法都与报告对不上（报告的一级指标为${names.join("、")}，地区也无从判断），按本表结构计分：${fromTable.blocks.map((b) => `${b.name}${b.weight}分`).join("、")}；可用 --scheme 指定本地区的评分办法`;
    return { scheme: fromTable, reason, fitted: true };
  }
  if (best === undefined) return undefined;
  // Nothing ties the report to a scheme: the national one of its kind, never another region's.
  const fallback = ranked.find((r) => r.scheme.region === "全国") ?? best;
  return { scheme: fallback.scheme, reason: fallback.reason, fitted: false };
}

function schemeFit(
  report: Report,
  scheme: Scheme,
  text: string,
  provinces: ReadonlySet<string>,
): { points: number; reason: string; fitted: boolean } {
  // Each scheme block the report's blocks fill: 1, or 2 when the weight is the scheme's. Several
  // report blocks under one scheme block (产出/效益/满意度 under a 90-point 绩效指标) are a weaker sign: ½.
  const filled = new Map<string, Report["indicators"]>();
  for (const block of report.indicators) {
    const match = scheme.blocks.find((b) => nameMatches(block.name, b.name, b.aliases));
    if (match !== undefined) filled.set(match.id, [...(filled.get(match.id) ?? []), block]);
  }
  let blocks = 0;
  let weightsMet = 0;
  for (const [id, list] of filled) {
    const weight = scheme.blocks.find((b) => b.id === id)?.weight;
    const [only] = list;
    if (list.length === 1 && only?.weight === weight) weightsMet += 1;
    blocks += list.length > 1 ? 0.5 : only?.weight === weight ? 2 : 1;
  }
  // A scheme block the report has no rows for speaks against it (投入/过程 of the 2013 framework in a
  // report of 产出/效益/满意度).
  const absent = scheme.blocks.filter(
    (b) =>
      b.source === "indicators" &&
      !b.bonus &&
      !report.indicators.some((r) => nameMatches(r.name, b.name, b.aliases)),
  ).length;
  if (report.indicators.some((b) => b.name !== UNNAMED_BLOCK)) blocks -= 0.5 * absent;
  // The 预算执行率 row's own 分值 and 得分 ("预算执行情况 (20分)", 19.55) name the scheme as a block weight
  // does: a score above the scheme's budget weight rules it out. Figures no scheme gives (100, 98) are
  // the report's error, not a clue.
  const budgetBlock = scheme.blocks.find((b) => b.source === "budget");
  const plausible = (v: number | undefined) => (v !== undefined && v > 0 && v <= 50 ? v : undefined);
  const budgetScore = plausible(report.budget.score);
  const budgetWeight = plausible(report.budget.weight);
  const over =
    budgetBlock !== undefined && budgetScore !== undefined && budgetScore > budgetBlock.weight + 1e-9 ? 2 : 0;
  if (budgetBlock !== undefined && budgetWeight !== undefined) {
    const same = Math.abs(budgetWeight - budgetBlock.weight) < 1e-9;
    blocks += same ? 2 : -1;
    if (same) weightsMet += 1;
  }
  if (budgetBlock === undefined && budgetWeight !== undefined) blocks -= 1;
  const names = places(scheme.region);
  const named = (n: string) => text.includes(n) || provinces.has(n);
  const region = names.length > 0 && names.every(named) ? 3 : 0;
  const national = scheme.region === "全国" ? 0.5 : 0;
  const reasons = [
    blocks > 0 ? (weightsMet > 0 ? "一级指标与分值相符" : "一级指标名称相符") : "",
    region > 0
      ? names.every((n) => text.includes(n))
        ? `文中出现${names.join("、")}`
        : `单位所在的市州属于${names.join("、")}`
      : "",
    national > 0 && blocks + region === 0 ? "全国默认方案" : "",
  ].filter((r) => r !== "");
  const fallback = `指标表和地区都不能判断，暂按“${scheme.name}”计分；可用 --scheme 指定`;
  // Names alone do not tie a table to a scheme when the table states its own weights and none is the
  // scheme's (投入20/过程20/产出30/效果30 against 投入30/过程30/产出与效益40): it is scored by its own.
  const weighs = report.indicators.some((b) => b.weight !== undefined && b.name !== UNNAMED_BLOCK);
  const namesOnly = weighs && weightsMet === 0 && region === 0;
  return {
    points: blocks + region + national - over,
    reason: reasons.join("，") || fallback,
    fitted: blocks + region > 0 && !namesOnly,
  };
}
