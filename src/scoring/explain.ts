import type { Grade } from "../core/report.ts";
import { fmt, round } from "./rounding.ts";
import type { BlockScore, IndicatorScore, LossKind, ScoreCard } from "./score-card.ts";

/** Kinds of lost points, as the explainer separates them. */
export type ExplainKind = Exclude<LossKind, "none"> | "structure";

/** One reason points were lost, with the rule and what would restore them. */
export interface ExplainItem {
  kind: ExplainKind;
  label: string;
  lost: number;
  why: string;
  restore?: string;
  restorable: number;
  /** Row-level detail behind a structural item (a capped block). */
  details?: ExplainItem[];
}

/** A row where the officer's own 得分 is below its 分值: is that deduction supported by the rules? */
export interface ReportedLoss {
  label: string;
  weight: number;
  reported: number;
  rulePoints: number;
  supported: boolean;
}

/** What it takes to reach a grade (or 100). */
export interface GoalPlan {
  goal: Grade | "100";
  need: number;
  reached: boolean;
  reachable: boolean;
  steps: ExplainItem[];
}

/** The answer to "为什么是X分不是100分" and "怎样才能得优/100分". */
export interface Explanation {
  total: number;
  grade: Grade;
  reportedTotal?: number;
  lostTotal: number;
  byKind: Record<ExplainKind, number>;
  items: ExplainItem[];
  reportedLosses: ReportedLoss[];
  /** Findings where the report's scores disagree with the rules or with itself. */
  unsupported: Array<{ code: string; label: string; message: string }>;
  goals: GoalPlan[];
}

const KIND_LABEL: Record<ExplainKind, string> = {
  rule: "规则扣分",
  judgement: "主观评分",
  missing: "缺少数据",
  structure: "分值结构问题",
};

function rowItem(row: IndicatorScore): ExplainItem {
  return {
    kind: row.lossKind === "none" ? "rule" : row.lossKind,
    label: row.label,
    lost: row.lost,
    why: row.formula,
    ...(row.restore ? { restore: row.restore } : {}),
    restorable: row.restorable,
  };
}

function groupCapItems(block: BlockScore): ExplainItem[] {
  return (block.groupCaps ?? [])
    .filter((g) => g.rowPoints - g.points > 0.005)
    .map((g) => ({
      kind: "structure" as const,
      label: `${block.name} / ${g.name}`,
      lost: round(g.rowPoints - g.points, 2),
      why: `二级指标“${g.name}”三级指标分值合计${fmt(g.rowWeightSum)}分，超过方案规定的${fmt(g.weight)}分，各行得分${fmt(g.rowPoints)}分按${fmt(g.weight)}分封顶后计${fmt(g.points)}分`,
      restore: `把“${g.name}”的三级指标分值调整为合计${fmt(g.weight)}分`,
      restorable: 0,
    }));
}

function blockItems(block: BlockScore): ExplainItem[] {
  if (block.bonus === true) return [];
  const rows = [...block.indicators.filter((r) => r.lost > 0).map(rowItem), ...groupCapItems(block)];
  if (block.indicators.length === 0) {
    return [
      {
        kind: "structure",
        label: block.name,
        lost: block.lost,
        why: `报告中没有“${block.name}”的三级指标，该项${fmt(block.weight)}分无从得分`,
        restore: `补充“${block.name}”的三级指标、指标值和实际完成值(+最多${fmt(block.lost)})`,
        restorable: block.lost,
      },
    ];
  }
  if (block.fit === "capped" || block.fit === "scaled") {
    if (block.lost <= 0) return [];
    const how =
      block.fit === "capped"
        ? `按一级指标分值${fmt(block.weight)}分封顶`
        : `按比例折算到${fmt(block.weight)}分`;
    return [
      {
        kind: "structure",
        label: block.name,
        lost: block.lost,
        why: `“${block.name}”三级指标分值合计${fmt(block.rowWeightSum)}分，超过一级指标分值${fmt(block.weight)}分，${how}后得${fmt(block.points)}分`,
        restore: `把三级指标分值调整为合计${fmt(block.weight)}分，再按各行规则计分`,
        restorable: block.lost,
        details: rows,
      },
    ];
  }
  const items = [...rows];
  const gap = round(block.weight - block.rowWeightSum, 2);
  if (block.fit === "unallocated" && gap > 0) {
    items.push({
      kind: "structure",
      label: block.name,
      lost: gap,
      why: `“${block.name}”标称${fmt(block.weight)}分，但三级指标分值合计只有${fmt(block.rowWeightSum)}分，${fmt(gap)}分没有对应指标，无从得分`,
      restore: `补齐三级指标或调整分值，使“${block.name}”的三级指标分值合计为${fmt(block.weight)}分(+最多${fmt(gap)})`,
      restorable: gap,
    });
  }
  return items;
}

function plan(goal: Grade | "100", need: number, items: readonly ExplainItem[]): GoalPlan {
  if (need <= 1e-9) return { goal, need: 0, reached: true, reachable: true, steps: [] };
  const steps: ExplainItem[] = [];
  let gained = 0;
  for (const item of items) {
    if (gained >= need - 1e-9) break;
    if (item.restorable <= 0) continue;
    steps.push(item);
    gained += item.restorable;
  }
  return { goal, need: round(need, 2), reached: false, reachable: gained >= need - 1e-9, steps };
}

/**
 * Explains a score card: every point lost, largest first, each with its rule and what would restore
 * it; losses the rules impose apart from judgement calls and structural faults; the officer's own
 * deductions checked against the rules; and what it takes to reach each better grade or 100.
 */
export function explain(card: ScoreCard, grades: ReadonlyArray<{ grade: Grade; min: number }>): Explanation {
  const items = card.blocks
    .flatMap(blockItems)
    .sort((a, b) => b.lost - a.lost || a.label.localeCompare(b.label));
  const byKind: Record<ExplainKind, number> = { rule: 0, judgement: 0, missing: 0, structure: 0 };
  for (const item of items) byKind[item.kind] = round(byKind[item.kind] + item.lost, 2);
  const reportedLosses = card.blocks
    .flatMap((b) => b.indicators)
    .filter((r) => r.reported !== undefined && r.reported < r.weight - 1e-9)
    .map((r) => ({
      label: r.label,
      weight: r.weight,
      reported: r.reported as number,
      rulePoints: r.points,
      supported: Math.abs((r.reported as number) - r.points) < 0.005 || r.lossKind === "judgement",
    }));
  const unsupported = card.findings
    .filter(
      (f) => f.code.startsWith("score.") || f.code.startsWith("weights.") || f.code === "grade.mismatch",
    )
    .map((f) => ({ code: f.code, label: f.where.label, message: f.message }));
  const better = [...grades].sort((a, b) => b.min - a.min).filter((g) => g.min > 0);
  const goals = [
    ...better
      .filter((g) => g.min > card.total - 1e-9 || g.grade === card.grade)
      .map((g) => plan(g.grade, g.min - card.total, items)),
    plan("100", 100 - card.total, items),
  ];
  return {
    total: card.total,
    grade: card.grade,
    ...(card.reported.total === undefined ? {} : { reportedTotal: card.reported.total }),
    lostTotal: round(100 - card.total, 2),
    byKind,
    items,
    reportedLosses,
    unsupported,
    goals,
  };
}

/**
 * Renders an explanation as plain Chinese text for a terminal or chat. Finding codes stay out of the
 * text (an officer reads it); `ziping explain --json` carries them in `unsupported`.
 */
export function explanationText(e: Explanation, schemeName: string): string {
  const out: string[] = [];
  const reported = e.reportedTotal;
  if (reported !== undefined && Math.abs(reported - e.total) > 0.005) {
    out.push(
      `报告填报${fmt(reported)}分；按评分规则（${schemeName}）计算应为${fmt(e.total)}分（${e.grade}）。`,
    );
  } else {
    out.push(`按评分规则（${schemeName}）计算得${fmt(e.total)}分（${e.grade}）。`);
  }
  if (e.lostTotal <= 0) {
    out.push("没有失分。");
  } else {
    const parts = (Object.keys(KIND_LABEL) as ExplainKind[])
      .filter((k) => e.byKind[k] > 0)
      .map((k) => `${KIND_LABEL[k]}${fmt(e.byKind[k])}分`);
    out.push(`为什么不是100分：共失${fmt(e.lostTotal)}分，其中${parts.join("、")}。按失分从大到小：`);
    e.items.forEach((item, i) => {
      out.push(`${i + 1}. 【${KIND_LABEL[item.kind]}】${item.label}：失${fmt(item.lost)}分。${item.why}。`);
      if (item.restore) out.push(`   → ${item.restore}`);
      for (const d of item.details ?? []) out.push(`   · ${d.label}：失${fmt(d.lost)}分（${d.why}）`);
    });
  }
  if (e.reportedLosses.length > 0) {
    out.push("", `报告自己扣的分（共${e.reportedLosses.length}处）：`);
    for (const r of e.reportedLosses) {
      const verdict = r.supported ? "规则支持" : `规则不支持，按规则应得${fmt(r.rulePoints)}分`;
      out.push(`- ${r.label}：${fmt(r.reported)}/${fmt(r.weight)}分，${verdict}`);
    }
  }
  if (e.unsupported.length > 0) {
    out.push("", "报告中与规则或自身不符的分数：");
    for (const u of e.unsupported) out.push(`- ${u.message}`);
  }
  out.push("");
  for (const g of e.goals) {
    const name = g.goal === "100" ? "100分" : `“${g.goal}”`;
    if (g.reached) {
      out.push(`已达到${name}。`);
      continue;
    }
    const how = g.steps.map((s) => s.restore ?? s.label).join("；");
    out.push(
      g.reachable
        ? `要得${name}还差${fmt(g.need)}分：${how}。`
        : `要得${name}还差${fmt(g.need)}分，现有可挽回的失分不够${how ? `（可做的：${how}）` : ""}。`,
    );
  }
  return out.join("\n");
}
