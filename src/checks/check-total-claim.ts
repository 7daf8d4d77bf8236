import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { fmt, statesValue } from "../scoring/rounding.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import { quoteAround, type SectionRef, sectionFinding, sectionName } from "./section-text.ts";
import { type Statement, statementsOf } from "./text-quantities.ts";

/** Words before a score in its clause that make it a block's or an indicator's, not the report's total. */
const PART_SCORE = /指标|产出|效益|效果|投入|过程|决策|管理|满意|项目|任务|单项|分项|部分/u;
/** The report's own figure named as such ("报告填报的自评得分为96分", "原填96分"): quoted, not claimed. */
const ATTRIBUTED = /填报|原填|所填|报告自评|报告中|表中|误填|误写/u;
/** A sentence that sets the figure against another ("…与按规则计算的92.71分不一致", "应更正为"): a correction, not a claim. */
const CONTRASTED = /不一致|不符|更正|纠正|有误|差异/u;
/** Where a clause ends: the score's subject is named before it in its own clause. */
const CLAUSE_BREAK = /[，,。；;！!？?\n]/u;

/**
 * Whether the rules' total is a figure to hold the text to: every counted block has rows, no row
 * lacks its 分值 or the data to score it, and nothing of the tables went unread (a `report.*`
 * finding). Otherwise a lower total may be ours, not the report's, and no finding is made.
 */
function rulesTotalKnown(card: ScoreCard): boolean {
  const counted = card.blocks.filter((b) => b.bonus !== true);
  if (counted.length === 0 || counted.some((b) => b.indicators.length === 0)) return false;
  const rows = counted.flatMap((b) => b.indicators);
  if (rows.some((r) => r.lossKind === "missing" || r.rule.startsWith("missing."))) return false;
  return !card.findings.some((f) => f.code.startsWith("report."));
}

/** The clause before the stated figure: "产出指标自评得分45分" → "产出指标自评得分". */
function leadOf(s: Statement): { lead: string; at: number } {
  const figure = s.written.replace(/分$/u, "");
  const at = Math.max(0, s.sentence.indexOf(figure));
  let from = at;
  while (from > 0 && !CLAUSE_BREAK.test(s.sentence[from - 1] ?? "")) from--;
  return { lead: s.sentence.slice(from, at), at };
}

/**
 * score.narrative_total: the narrative states the report's total score ("自评得分100分", "综合得分96分")
 * and it is not the total the scheme's rules give (92.71), at the precision written ("约93分" states
 * 92.71). Compared with the rules' score, not with the table's own total (`value.conflict` does that).
 * A block's or an indicator's score ("产出指标得分45分") and 得分率 are not the total, nor the report's
 * own figure quoted as such ("报告填报的自评得分为96分，与按规则计算的…不一致"); no finding when
 * the rules' total rests on rows that could not be read or scored. One finding per section.
 */
export function checkTotalClaim(refs: readonly SectionRef[], report: Report, card: ScoreCard): Finding[] {
  if (!rulesTotalKnown(card)) return [];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const s of statementsOf(refs, report)) {
    if (s.key !== "total" || typeof s.value !== "number" || seen.has(s.ref.path)) continue;
    if (statesValue(card.total, s.value, s.decimals)) continue;
    const { lead, at } = leadOf(s);
    if (PART_SCORE.test(lead) || ATTRIBUTED.test(lead) || CONTRASTED.test(s.sentence)) continue;
    seen.add(s.ref.path);
    const reported =
      card.reported.total === undefined || card.reported.total === s.value
        ? ""
        : `（报告表格中的自评得分是${fmt(card.reported.total)}分，同样要核对）`;
    findings.push(
      sectionFinding(
        "score.narrative_total",
        "error",
        s.ref,
        quoteAround(s.sentence, at, at + s.written.length),
        `${sectionName(s.ref)}写总得分为${s.written}，但按评分方案《${card.schemeName}》的规则总得分是${fmt(card.total)}分（${card.grade}）${reported}。请改为${fmt(card.total)}分，或补齐失分指标的依据后重新评分。`,
        { expected: `${fmt(card.total)}分`, actual: s.written },
      ),
    );
  }
  return findings;
}
