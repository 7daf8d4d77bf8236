import { SECTION_TITLES } from "../core/sections.ts";
import type { DraftedReport } from "./draft-report.ts";

/**
 * What every channel shows once a report is drafted: score by the rules, points lost, who drafted,
 * findings, missing figures, files. The one summary type: the terminal prints it as lines, Slack as
 * Block Kit.
 */
export interface DeliverySummary {
  title: string;
  score: number | null;
  grade: string | null;
  /** The total the report itself stated, when it did. */
  reportedScore: number | null;
  /** Points lost, one row per indicator (or per block where 分值 were left unallocated). */
  lost: { item: string; points: number }[];
  drafter: string;
  /** The scoring scheme's name the score was computed under. */
  scheme: string;
  /** How many narrative sections kept the officer's own text (the rest were drafted). */
  officerSections: number;
  /** True when no Chinese font was found for the chart (its labels may not show). */
  fontMissing: boolean;
  /** Sections whose model text was not used (it failed the checks twice, or the call failed), and why, in Chinese. */
  replaced: { section: string; reasons: string[] }[];
  findings: { level: "error" | "warn" | "info"; code: string; text: string }[];
  /** Figures the draft names as 待补充 instead of inventing them. */
  missing: string[];
  files: string[];
}

/** The summary of a drafted report, for a chat message. */
export function summarizeDelivery(drafted: DraftedReport, files: readonly string[]): DeliverySummary {
  const { card, report } = drafted;
  const lost: DeliverySummary["lost"] = [];
  for (const block of card.blocks) {
    let rows = 0;
    for (const row of block.indicators)
      if (row.lost > 0.0049) {
        lost.push({ item: row.label, points: round2(row.lost) });
        rows += row.lost;
      }
    const rest = round2(block.lost - rows);
    if (rest > 0.0049) lost.push({ item: `${block.name}（分值未落到指标）`, points: rest });
  }
  return {
    title: `${report.unit.name} ${report.year}年度绩效自评报告`,
    score: card.total,
    grade: card.grade,
    reportedScore: card.reported.total ?? null,
    lost,
    drafter: drafted.view.drafter,
    scheme: card.schemeName,
    officerSections: drafted.draft.sections.filter((s) => s.by === "officer").length,
    fontMissing: !drafted.chart.fontFound,
    replaced: drafted.draft.sections
      .filter((s) => (s.rejected ?? []).length > 0)
      .map((s) => ({
        section: report.narrative.find((n) => n.id === s.id)?.title ?? SECTION_TITLES[s.id],
        reasons: [...(s.rejected ?? [])],
      })),
    findings: drafted.findings.map((f) => ({
      level: f.severity,
      code: f.code,
      text: `${f.where.label}：${f.message}`,
    })),
    missing: drafted.draft.missing.map((m) => m.label),
    files: [...files],
  };
}

/** A file name officers recognise: "郑州市金水区电子政务中心2021年度绩效自评报告", without path characters. */
export function deliveryFileBase(drafted: DraftedReport): string {
  const { report } = drafted;
  const project = report.kind === "project" && report.project !== undefined ? report.project : "";
  return `${report.unit.name}${project}${report.year}年度绩效自评报告`.replace(/[\\/:*?"<>|\s]+/g, "_");
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
