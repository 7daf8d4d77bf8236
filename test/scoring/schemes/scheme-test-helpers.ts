import { join } from "node:path";
import type { Report } from "../../../src/core/report.ts";
import { type Explanation, explain } from "../../../src/scoring/explain.ts";
import type { Scheme } from "../../../src/scoring/scheme.ts";
import { score } from "../../../src/scoring/score.ts";
import type { IndicatorScore, ScoreCard } from "../../../src/scoring/score-card.ts";
import { loadScheme } from "../../../src/services/scheme-files.ts";
import { firstReport } from "../../services/imported-files.ts";

/** An installed scheme by id (throws with the loader's Chinese message when it does not load). */
export function installed(id: string): Scheme {
  const r = loadScheme(id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The first report of a real fixture, read by the project's importer. */
export function realReport(file: string): Promise<Report> {
  return firstReport(join(import.meta.dirname, "../../../fixtures/real", file));
}

/** A report scored under an installed scheme, with its explanation. */
export function scored(report: Report, schemeId: string): { card: ScoreCard; why: Explanation } {
  const scheme = installed(schemeId);
  const card = score(report, scheme);
  return { card, why: explain(card, scheme.grades) };
}

/** Every scored row that lost points, as [name, points]. */
export function losingRows(card: ScoreCard): Array<[string, number]> {
  return card.blocks
    .flatMap((b) => b.indicators)
    .filter((r: IndicatorScore) => r.lost > 0)
    .map((r) => [r.name, r.points]);
}

/** The points of each block, as [id, points]. */
export function blockPoints(card: ScoreCard): Array<[string, number]> {
  return card.blocks.map((b) => [b.id, b.points]);
}

/** The explanation's items as [label, lost, kind]. */
export function lostItems(why: Explanation): Array<[string, number, string]> {
  return why.items.map((i) => [i.label, i.lost, i.kind]);
}
