import type { Report } from "../core/report.ts";
import { explain, explanationText } from "../scoring/explain.ts";
import { fmt } from "../scoring/rounding.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { score } from "../scoring/score.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import { STATED_EXAMPLE, STATED_SCHEME_ID } from "../scoring/stated-scheme.ts";
import { resolveScheme, TABLE_SCHEME_NAMES } from "../scoring/table-scheme.ts";
import { draftAsReport, textAt } from "./draft-access.ts";
import type { Json } from "./patch.ts";
import { notice, type Reply, say } from "./replies.ts";

/** Scores a parsed report under a scheme: `score` itself, or a wrapper that counts (the bench). */
export type Scorer = (report: Report, scheme: Scheme) => ScoreCard;

/** A draft's score card with the scheme and parsed report behind it, or why it cannot be scored yet. */
export type Graded = { card: ScoreCard; scheme: Scheme; report: Report } | { why: string };

/**
 * The draft's score card, or why it cannot be scored yet (in Chinese). `parse` reads the draft as a
 * full report (a turn passes its memo, so a draft it has checked already is not parsed again).
 */
export function cardFor(
  doc: Json | null,
  schemes: readonly Scheme[],
  scorer: Scorer = score,
  parse: (doc: Json) => Report | null = draftAsReport,
): Graded {
  if (doc === null) return { why: "还没有开始填写报告。" };
  const report = parse(doc);
  if (report === null) {
    const missing = [
      textAt(doc, ["unit", "name"]) === undefined ? "单位名称" : null,
      textAt(doc, ["year"]) === undefined ? "年度" : null,
      textAt(doc, ["kind"]) === undefined ? "报告类型" : null,
    ].filter((x) => x !== null);
    return { why: `还不能计分：请先填写${missing.join("、") || "基本信息"}。` };
  }
  const scheme = report.schemeId === undefined ? undefined : resolveScheme(report.schemeId, report, schemes);
  if (scheme === undefined && report.schemeId !== undefined && TABLE_SCHEME_NAMES.includes(report.schemeId))
    return { why: "还不能按本表结构计分：指标表还没有写明一级指标及其分值（例如“产出指标（40分）”）。" };
  if (scheme === undefined && report.schemeId === STATED_SCHEME_ID)
    return { why: `还不能计分：还没有说明一级指标和分值，例如：${STATED_EXAMPLE}` };
  if (scheme === undefined)
    return {
      why: "还不能计分：还没有选择评分办法。请从下面选一个，也可以说“按本表结构”，或“我来说一级指标和分值”。",
    };
  return { card: scorer(report, scheme), scheme, report };
}

/**
 * "现在多少分": the total under the rules, the block table, and what the report itself claims.
 * `got` is the draft's card when the caller has it already (a turn scores once).
 */
export function scoreReplies(
  doc: Json | null,
  schemes: readonly Scheme[],
  got: Graded = cardFor(doc, schemes),
): Reply[] {
  if ("why" in got) return [notice("info", got.why)];
  const { card, report } = got;
  if (!report.indicators.some((b) => b.groups.some((g) => g.indicators.length > 0)))
    return [
      notice(
        "info",
        `按《${card.schemeName}》计分要看绩效指标，现在还没有填写任何指标，暂不计分。可以直接粘贴从 Excel/Word 复制的指标表，或按提问逐项填写。`,
      ),
    ];
  const reported = card.reported.total;
  const claim =
    reported !== undefined && Math.abs(reported - card.total) > 0.005
      ? `（报告填写的是${fmt(reported)}分）`
      : "";
  return [
    say(`按《${card.schemeName}》，现在计得 ${fmt(card.total)} 分，等级“${card.grade}”${claim}。`),
    {
      type: "table",
      title: "各项指标得分",
      columns: ["一级指标", "分值", "得分", "失分"],
      rows: card.blocks.map((b) => [b.name, fmt(b.weight), fmt(b.points), fmt(b.lost)]),
      note:
        card.findings.length > 0
          ? `另有 ${card.findings.length} 处与规则或数据不一致，问“为什么是${fmt(reported ?? card.total)}分不是100分”可看明细。`
          : "",
    },
  ];
}

/** "为什么是96分不是100分" / "怎样才能得优": the core's explanation, word for word. */
export function explainReplies(
  doc: Json | null,
  schemes: readonly Scheme[],
  goal?: "优" | "100",
  got: Graded = cardFor(doc, schemes),
): Reply[] {
  if ("why" in got) return [notice("info", got.why)];
  const e = explain(got.card, got.scheme.grades);
  if (goal === undefined) return [say(explanationText(e, got.scheme.name))];
  const plan = e.goals.find((g) => g.goal === goal);
  const name = goal === "100" ? "100分" : "“优”";
  if (plan === undefined || plan.reached) return [say(`按规则计得${fmt(e.total)}分，已经达到${name}。`)];
  const steps = plan.steps.map((s, i) => `${i + 1}. ${s.restore ?? s.label}（可挽回${fmt(s.restorable)}分）`);
  return [
    say(
      `按规则现在${fmt(e.total)}分，要得${name}还差${fmt(plan.need)}分。${plan.reachable ? "可以这样做：" : "现有可挽回的失分不够，能做的有："}\n${steps.join("\n")}`,
    ),
  ];
}
