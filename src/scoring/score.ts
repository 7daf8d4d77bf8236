import { type Finding, sortFindings } from "../core/finding.ts";
import { type Block, levelPath } from "../core/indicators.ts";
import type { Report } from "../core/report.ts";
import { checkRowRates, checkStatedRates, checkSubrowSums } from "./budget-checks.ts";
import { parseCriterion } from "./criterion/parse-criterion.ts";
import { type DerivedValue, deriveAll } from "./derive.ts";
import { fitGroups, type ScoredGroup } from "./fit-groups.ts";
import { checkFundsReceived } from "./funds-checks.ts";
import { nameMatches, normalizeName } from "./names.ts";
import { fmt, round } from "./rounding.ts";
import { type CriterionReader, chooseRowRule } from "./row-rules.ts";
import type { CommonIndicator, Scheme, SchemeBlock } from "./scheme.ts";
import { scoreBudgetBlock } from "./score-budget.ts";
import type { BlockScore, IndicatorScore, ScoreCard } from "./score-card.ts";
import { scoreIndicator } from "./score-indicator.ts";
import { checkSummary, gradeFor } from "./summary-checks.ts";

/** Reads a row's printed 评分标准 into a rule (src/scoring/criterion). */
const readCriterion: CriterionReader = parseCriterion;

function summaryRowFor(report: Report, block: SchemeBlock, reportNames: string[]): number | undefined {
  const i = report.summary.blocks.findIndex(
    (row) =>
      nameMatches(row.name, block.name, block.aliases) ||
      reportNames.some((n) => normalizeName(n) === normalizeName(row.name)),
  );
  return i < 0 ? undefined : i;
}

/** Each common indicator under its normalised name and aliases, so a row is matched by one lookup. */
function commonIndicatorsByName(scheme: Scheme): Map<string, CommonIndicator> {
  const byName = new Map<string, CommonIndicator>();
  for (const c of scheme.commonIndicators) {
    for (const name of [c.name, ...c.aliases]) byName.set(normalizeName(name), c);
  }
  return byName;
}

function scoreRows(
  blocks: Array<{ block: Block; index: number }>,
  scheme: Scheme,
  derived: readonly DerivedValue[],
  schemeBlock: SchemeBlock | undefined,
): { rows: IndicatorScore[]; groups: ScoredGroup[]; findings: Finding[] } {
  const rows: IndicatorScore[] = [];
  const groups: ScoredGroup[] = [];
  const findings: Finding[] = [];
  const commonByName = commonIndicatorsByName(scheme);
  for (const { block, index } of blocks) {
    const blockName = normalizeName(block.name);
    block.groups.forEach((group, gi) => {
      const groupRows: IndicatorScore[] = [];
      group.indicators.forEach((ind, ii) => {
        const common = ind.common
          ? scheme.commonIndicators.find((c) => c.key === ind.common)
          : commonByName.get(normalizeName(ind.name));
        const d = common ? derived.find((x) => x.key === common.key) : undefined;
        const path = `indicators[${index}].groups[${gi}].indicators[${ii}]`;
        const label = levelPath(blockName, group.name, ind.name);
        const choice = chooseRowRule(ind, { path, label }, scheme, schemeBlock, group.name, readCriterion);
        const { score, findings: f } = scoreIndicator(ind, {
          path,
          label,
          scheme,
          ...(common ? { common } : {}),
          ...(d ? { derived: d } : {}),
          ...(choice.rule ? { rule: choice.rule } : {}),
        });
        rows.push(score);
        groupRows.push(score);
        findings.push(...choice.findings, ...f);
      });
      groups.push({
        blockName: block.name,
        name: group.name,
        path: `indicators[${index}].groups[${gi}]`,
        ...(group.weight === undefined ? {} : { statedWeight: group.weight }),
        rows: groupRows,
      });
    });
  }
  return { rows, groups, findings };
}

function fitBlock(
  id: string,
  name: string,
  weight: number,
  statedWeight: number | undefined,
  rows: IndicatorScore[],
  scheme: Scheme,
  sources: string[],
  groupPoints: number,
  bonus: boolean,
): { block: Omit<BlockScore, "reported" | "summaryRow">; findings: Finding[] } {
  const findings: Finding[] = [];
  const d = scheme.rounding.decimals;
  const rowWeightSum = round(
    rows.reduce((a, r) => a + r.weight, 0),
    2,
  );
  // Rows' points after each group the scheme weighs is held to its weight (see fit-groups.ts).
  const rowPoints = round(groupPoints, d);
  const where = { path: sources[0] ?? "indicators", label: name };
  let points = rowPoints;
  let fit: BlockScore["fit"] = "exact";
  const heading = statedWeight ?? weight;
  if (rows.length === 0 && bonus) {
    fit = "unallocated";
  } else if (rows.length === 0) {
    fit = "unallocated";
    findings.push({
      code: "weights.block_sum",
      severity: "error",
      where,
      message: `报告中没有“${name}”的三级指标，该项${fmt(weight)}分无从得分。请补充指标。`,
    });
  } else if (rows.some((r) => r.rule === "missing.weight")) {
    fit = "unallocated";
    findings.push({
      code: "weights.block_sum",
      severity: "error",
      where,
      message: `“${name}”有三级指标未填分值，无法核对分值合计（应为${fmt(heading)}分）。`,
    });
  } else if (Math.abs(rowWeightSum - heading) > 1e-9 && !(bonus && rowWeightSum < heading)) {
    findings.push({
      code: "weights.block_sum",
      severity: "error",
      where: { ...where, quote: `${name}（${fmt(heading)}分）` },
      message: `“${name}”标称${fmt(heading)}分，但其三级指标分值合计为${fmt(rowWeightSum)}分。请调整分值使其合计为${fmt(heading)}分。`,
    });
  }
  if (statedWeight !== undefined && Math.abs(statedWeight - weight) > 1e-9) {
    findings.push({
      code: "weights.block_sum",
      severity: "error",
      where,
      message: `“${name}”在报告中标称${fmt(statedWeight)}分，方案（${scheme.name}）规定为${fmt(weight)}分。`,
    });
  }
  if (rows.length > 0 && rowWeightSum > weight + 1e-9) {
    if (scheme.blockWeightMismatch === "scale") {
      points = round((rowPoints * weight) / rowWeightSum, d);
      fit = "scaled";
    } else {
      points = Math.min(rowPoints, weight);
      fit = "capped";
    }
  } else if (rows.length > 0 && rowWeightSum < weight - 1e-9) {
    fit = "unallocated";
  }
  return {
    block: {
      id,
      name,
      weight,
      ...(statedWeight === undefined ? {} : { statedWeight }),
      rowWeightSum,
      rowPoints,
      points,
      lost: bonus ? 0 : round(weight - points, 2),
      fit,
      ...(bonus ? { bonus: true as const } : {}),
      indicators: rows,
      sources,
    },
    findings,
  };
}

/**
 * Scores a report under a scheme: every indicator with its rule and working, derived indicators,
 * block totals, total and grade, and every place where the report disagrees with the rules or itself.
 * Pure and deterministic: the same report and scheme always give the same card.
 */
export function score(report: Report, scheme: Scheme): ScoreCard {
  const derived = deriveAll(report, scheme);
  const findings: Finding[] = [];
  const blocks: BlockScore[] = [];
  const used = new Set<number>();
  for (const sb of scheme.blocks) {
    if (sb.source === "budget") {
      const summaryRow = summaryRowFor(report, sb, []);
      const reportedBlock = summaryRow === undefined ? undefined : report.summary.blocks[summaryRow]?.score;
      const r = scoreBudgetBlock(
        report,
        scheme,
        sb,
        derived.find((d) => d.key === "executionRate"),
        reportedBlock,
      );
      blocks.push({ ...r.block, ...(summaryRow === undefined ? {} : { summaryRow }) });
      findings.push(...r.findings);
      continue;
    }
    const matched = report.indicators
      .map((block, index) => ({ block, index }))
      .filter(({ block, index }) => !used.has(index) && nameMatches(block.name, sb.name, sb.aliases));
    for (const m of matched) used.add(m.index);
    const { rows, groups, findings: f } = scoreRows(matched, scheme, derived, sb);
    const grouped = fitGroups(groups, scheme, sb);
    const stated = matched.map((m) => m.block.weight).find((w) => w !== undefined);
    const fitted = fitBlock(
      sb.id,
      sb.name,
      sb.weight,
      stated,
      rows,
      scheme,
      matched.map((m) => `indicators[${m.index}]`),
      grouped.points,
      sb.bonus,
    );
    const summaryRow = summaryRowFor(
      report,
      sb,
      matched.map((m) => m.block.name),
    );
    const reported = summaryRow === undefined ? undefined : report.summary.blocks[summaryRow]?.score;
    blocks.push({
      ...fitted.block,
      ...(grouped.capped.length > 0 ? { groupCaps: grouped.capped } : {}),
      ...(reported === undefined ? {} : { reported }),
      ...(summaryRow === undefined ? {} : { summaryRow }),
    });
    findings.push(...f, ...grouped.findings, ...fitted.findings);
  }
  report.indicators.forEach((block, index) => {
    if (used.has(index)) return;
    // Its rows are still checked against the row rules (met / not met, proportional, bands), only
    // not counted in the total: a table without a 一级指标 column must not go unchecked.
    const loose = scoreRows([{ block, index }], scheme, derived, undefined);
    findings.push(...loose.findings, ...fitGroups(loose.groups, scheme, undefined).findings);
    findings.push({
      code: "scheme.block_unknown",
      severity: "warn",
      where: { path: `indicators[${index}]`, label: block.name },
      message: `一级指标“${block.name}”不在方案（${scheme.name}）中，未计入总分。方案的一级指标为：${scheme.blocks.map((b) => b.name).join("、")}。`,
    });
  });
  findings.push(
    ...checkStatedRates(report, scheme, derived),
    ...checkRowRates(report),
    ...checkSubrowSums(report),
    ...checkFundsReceived(report),
    ...checkSummary(report, scheme, blocks),
  );
  const total = round(
    Math.min(
      scheme.maxTotal,
      blocks.reduce((a, b) => a + b.points, 0),
    ),
    scheme.rounding.decimals,
  );
  const s = report.summary;
  return {
    schemeId: scheme.id,
    schemeName: scheme.name,
    total,
    grade: gradeFor(total, scheme),
    blocks,
    derived,
    reported: {
      ...(s.total === undefined ? {} : { total: s.total }),
      ...(s.totalRow?.score === undefined ? {} : { totalRow: s.totalRow.score }),
      ...(s.grade === undefined ? {} : { grade: s.grade }),
    },
    findings: sortFindings(findings),
  };
}
