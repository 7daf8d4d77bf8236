import { samePoints } from "../../scoring/rounding.ts";
import type { UnrankedEntry } from "./review-entry.ts";
import type { ReviewEntry } from "./review-result.ts";

type RankKey = ReviewEntry["rankKey"];

const TIER_LABEL = ["无法读取", "得分待核", "一般", "重复"] as const;

/**
 * The ranking key of a row (see `RankKeySchema` for the order): an unreadable file first, since the
 * reviewer must ask for another; then a report whose total by the rules cannot be computed or
 * differs from the score or grade it claims, since its score is what the review decides; then the
 * rest; a duplicate last, since its original is reviewed already. Within a tier: more errors, more
 * warnings, a larger score gap, more notes first.
 */
function rankKey(e: UnrankedEntry): RankKey {
  const { claimed, byRules } = e.score;
  const scoreGap = claimed !== null && byRules !== null ? Math.abs(claimed - byRules) : null;
  const scoreDiffers =
    (claimed !== null && byRules !== null && !samePoints(claimed, byRules)) ||
    (e.grade.claimed !== null && e.grade.byRules !== null && e.grade.claimed !== e.grade.byRules);
  const tier =
    e.status === "unreadable" ? 0 : e.status === "duplicate" ? 3 : byRules === null || scoreDiffers ? 1 : 2;
  return {
    tier,
    tierLabel: TIER_LABEL[tier] ?? "一般",
    errors: e.counts.errors,
    warnings: e.counts.warnings,
    scoreGap: scoreGap === null ? null : Math.round(scoreGap * 100) / 100,
    infos: e.counts.infos,
  };
}

/** Descending, with null last. */
function byGap(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** Code-point order, the same on every machine (localeCompare depends on the ICU data). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows ranked, most in need of a reviewer first, each with its key and 1-based rank. */
export function rankEntries(entries: readonly UnrankedEntry[]): ReviewEntry[] {
  return entries
    .map((e) => ({ ...e, rankKey: rankKey(e) }))
    .sort(
      (a, b) =>
        a.rankKey.tier - b.rankKey.tier ||
        b.rankKey.errors - a.rankKey.errors ||
        b.rankKey.warnings - a.rankKey.warnings ||
        byGap(a.rankKey.scoreGap, b.rankKey.scoreGap) ||
        b.rankKey.infos - a.rankKey.infos ||
        byText(a.path, b.path) ||
        byText(a.label, b.label),
    )
    .map((e, i) => ({ rank: i + 1, ...e }));
}
