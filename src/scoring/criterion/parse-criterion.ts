import { type IndicatorRule, ruleProblems } from "../indicator-rule.ts";
import {
  type Clause,
  MAX_CLAUSE,
  normalizeCriterion,
  readClause,
  splitClauses,
} from "./criterion-clauses.ts";
import { buildRule, type RuleParts } from "./criterion-rule.ts";

/**
 * Reads the 评分标准 a table prints for a row ("资金使用率>95%得满分", "每减少30件扣1分",
 * "X得满分，否则酌情扣分并说明理由") into an IndicatorRule, or says in Chinese what could not be
 * read. Pure and deterministic; never guesses: a clause that is no known phrasing, a damaged number
 * ("W100%") or a rule that contradicts its row makes the whole criterion unreadable.
 *
 * How the phrasings are read (the words are data in criterion-phrases.ts):
 * - "≥ 达到 不低于 以上(含)" are ≥; "> 高于 超过 大于" are strict >; "≤ 不超过 以下 以内" are ≤.
 *   "X%以上" without (含) is read as ≥ (Chinese usage, and how the report's number reader reads it).
 * - A bare number ("100%计满分", "预算控制率=0,计5分") takes its side from the rest of the text:
 *   "每低于/每减少/…不得分 below" make it ≥, "每超过/每超出/大于…不得分" make it ≤; with nothing
 *   to say otherwise it is ≥ (higher is better).
 * - "得X分" is absolute points: X equal to the row's 分值 is full marks, a band's X becomes the share
 *   X ÷ 分值 (the 分值 must be known); "得80%" is a share as written; "扣X分" in a band leaves (分值−X).
 * - "每低1个百分点扣0.5分" is a step (per 1, deduct 0.5); "每低于5%" on a rate is read as 5
 *   percentage points. "扣完为止" is floor 0; "扣完X分为止" leaves 分值−X.
 * - "完成得满分" (no number) leaves `full` out: the row earns full marks when it meets its own 指标值.
 * - "计划建设内容完成100%的得20分" on a row counted in 件 (not %) is a threshold on the completion
 *   rate (`basis: "completion"`); on a percent row, or a row of unknown unit, on the value itself.
 * - A rule unsound in itself (ruleProblems: a percent threshold above 100%, a step not above 0, a
 *   share outside 0–1) is refused with the problem named.
 * - Only a full-marks condition, with nothing said about the rest, keeps the national default
 *   (proportional).
 */

/** What the row says about itself: its 分值 and the unit of its 指标值 ("%", "件", "定性"). */
export interface CriterionRow {
  weight?: number;
  targetUnit?: string;
}

/** The rule read from a criterion, or the Chinese reason it could not be read. */
export type CriterionReading = { ok: true; rule: IndicatorRule } | { ok: false; reason: string };

const EXAMPLES =
  "可读的写法例如“≥95%得满分，每低1个百分点扣0.5分，扣完为止”“完成得满分，未完成不得分”“按完成比例得分”";

/** Reads a 评分标准 cell for a row (see the module comment). */
export function parseCriterion(text: string, row: CriterionRow): CriterionReading {
  const written = text.trim();
  if (written === "") return { ok: false, reason: "评分标准为空" };
  const clauses: Clause[] = [];
  const pieces = splitClauses(normalizeCriterion(written));
  const long = pieces.find((p) => [...p].length > MAX_CLAUSE);
  if (long !== undefined)
    return {
      ok: false,
      reason: `评分标准“${written}”中的“${long}”超过${MAX_CLAUSE}字且没有标点分句，不是能读成计分规则的写法，${EXAMPLES}`,
    };
  for (const piece of pieces) {
    const clause = readClause(piece);
    if (clause === null)
      return {
        ok: false,
        reason: `评分标准“${written}”中的“${piece}”不是能读成计分规则的写法，${EXAMPLES}`,
      };
    if (clause.kind === "bad")
      return { ok: false, reason: `评分标准“${written}”中的“${piece}”：${clause.reason}` };
    if (clause.kind !== "noise") clauses.push(clause);
  }
  if (clauses.length === 0) return { ok: false, reason: `评分标准“${written}”没有写出计分规则` };
  const parts: RuleParts = { clauses, weight: row.weight, targetUnit: row.targetUnit };
  const built = buildRule(parts);
  if (!built.ok) return { ok: false, reason: `评分标准“${written}”：${built.reason}` };
  const rule: IndicatorRule = { ...built.value, text: written };
  const problems = ruleProblems(rule);
  if (problems.length > 0) return { ok: false, reason: `评分标准“${written}”：${problems.join("；")}` };
  return { ok: true, rule };
}
