import type { ReportSummary } from "../core/report-summary.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import { getIn, type Json } from "./patch.ts";
import { progressOf } from "./progress.ts";
import type { Slot } from "./slot-types.ts";

export type { ReportSummary };

/** The listing columns of `doc`, from the card and questions the turn already computed. */
export function summaryOf(doc: Json, card: ScoreCard | null, slots: readonly Slot[]): ReportSummary {
  const p = progressOf(slots);
  const unitName = getIn(doc, ["unit", "name"]);
  const year = getIn(doc, ["year"]);
  const kind = getIn(doc, ["kind"]);
  return {
    unitName: typeof unitName === "string" ? unitName : null,
    year: typeof year === "number" ? year : null,
    kind: typeof kind === "string" ? kind : null,
    progressDone: p.done,
    progressTotal: p.total,
    score: card === null ? null : card.total,
    grade: card === null ? null : card.grade,
  };
}
