import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import type { Draft, TemplateFamily } from "../drafting/draft-types.ts";
import { orPending, pending } from "../drafting/pending.ts";
import { fmt } from "../scoring/rounding.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import type { ReportView } from "./report-view.ts";
import { departmentTable, gradeText, projectTable } from "./self-evaluation-table.ts";
import { viewFindings } from "./view-findings.ts";
import { scoreText } from "./view-format.ts";
import { kindLabel, sectionTexts } from "./view-sections.ts";
import { chartBars, summaryTable } from "./view-tables.ts";

export { familyIdFor } from "./family-id-for.ts";

/** Everything a view is built from. */
export interface ViewInput {
  report: Report;
  card: ScoreCard;
  draft: Draft;
  /** The checker's findings on the drafted report, listed at the end of the draft. */
  findings: Finding[];
  family: TemplateFamily;
  /** Who drafted the narrative, for the colophon: "确定性起草（未配置模型）". */
  drafter: string;
}

/**
 * "郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告" or, for a project,
 * "宁德市数字宁德建设办公室2018年度政务网等运行维护费项目支出绩效自评报告": unit, year and project,
 * a missing project name marked 〔待补充：项目名称〕 rather than dropped.
 */
export function reportTitle(report: Report): string {
  const unit = orPending(report.unit.name, "单位名称");
  if (report.kind === "department") return `${unit}${report.year}年度部门整体支出绩效自评报告`;
  const project = orPending(report.project?.trim().replace(/项目$/, ""), "项目名称");
  return `${unit}${report.year}年度${project}项目支出绩效自评报告`;
}

function header(report: Report, card: ScoreCard): ReportView["header"] {
  const preparer = [report.preparer?.name, report.preparer?.phone].filter((p) => p !== undefined && p !== "");
  return [
    { label: "部门（单位）名称", value: report.unit.name },
    ...(report.kind === "project"
      ? [{ label: "项目名称", value: orPending(report.project, "项目名称") }]
      : []),
    { label: "年度", value: `${report.year}年度` },
    { label: "填报人", value: preparer.length === 0 ? pending("填报人姓名和电话") : preparer.join(" ") },
    { label: "自评得分", value: scoreText(card.total, card.reported.total) },
    { label: "自评结果", value: gradeText(card) },
  ];
}

/**
 * The report as the templates and the Word writer print it, every figure already formatted: the
 * sections of the family (drafted text, or text generated from the figures, never blank or "无"),
 * the 自评表 and the 各项指标得分情况表 by the scheme's rules (the officer's differing scores in
 * brackets), one chart bar per block, and the checker's findings. Pure.
 */
export function buildReportView(input: ViewInput): ReportView {
  const { report, card, draft, findings, family, drafter } = input;
  const { sections, authors } = sectionTexts({ report, card, draft, findings, family });
  const selfEvaluation =
    family.kind === "project" ? projectTable(report, card) : departmentTable(report, card);
  return {
    title: reportTitle(report),
    unit: report.unit.name,
    year: report.year,
    kindLabel: kindLabel(report),
    ...(report.project === undefined ? {} : { project: report.project }),
    familyId: family.id,
    schemeName: card.schemeName,
    score: fmt(card.total),
    grade: card.grade,
    header: header(report, card),
    sections,
    authors,
    tables: { self_evaluation: selfEvaluation, summary: summaryTable(card) },
    chart: chartBars(card),
    findings: viewFindings(findings, report, family),
    missing: draft.missing,
    drafter,
  };
}
