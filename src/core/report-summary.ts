/**
 * The listing columns of a report, stored beside its document and shown in every listing: unit,
 * year, kind, progress, score and grade. One declaration for the engine's summary, the stored
 * row's update and the listing.
 */
export interface ReportSummary {
  unitName: string | null;
  year: number | null;
  kind: string | null;
  progressDone: number;
  progressTotal: number;
  score: number | null;
  grade: string | null;
}
