import type { Severity } from "../core/finding.ts";
import type { SectionId } from "../core/sections.ts";
import type { MissingFact, SectionAuthor } from "../drafting/draft-types.ts";

/**
 * A table cell. Tables are given as an HTML-style grid: a cell with rowSpan 3 covers the same
 * column of the next two rows, and those rows simply leave that cell out (as in HTML).
 */
export interface ViewCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** Header cells and 合计 rows are bold. */
  bold?: boolean;
  align?: "left" | "center" | "right";
}

/** A table of the report, the same for Markdown (as an HTML table) and Word. */
export interface ViewTable {
  /** Stable id: "self_evaluation", "summary", "budget", "tasks", "indicators". */
  id: string;
  /** Caption printed above the table: "部门整体绩效自评表". */
  title?: string;
  /** Line under the caption: "（2021年度）  单位：万元". */
  note?: string;
  /** Relative column widths (sum need not be 100); Word uses them. */
  widths?: number[];
  rows: ViewCell[][];
  /**
   * Index of the row of column headers that heads every row after it (0 for a plain table; the
   * 一级指标/二级指标/… row inside a 自评表): Word repeats it at the top of each page.
   */
  header?: number;
}

/** 得分率 per first-level block, for the chart. */
export interface ChartBar {
  name: string;
  /** Points obtained and the block's weight. */
  points: number;
  weight: number;
  /** points / weight × 100, rounded to 2 decimals. */
  rate: number;
}

/** A finding as listed at the end of a draft. */
export interface ViewFinding {
  code: string;
  severity: Severity;
  /** Where: "五、发现的主要问题和改进措施" or "自评表 / 效益指标". */
  where: string;
  message: string;
}

/**
 * Everything a template or the Word writer prints, already formatted as text: the pure result of
 * report + score card + draft + findings. Templates never compute.
 */
export interface ReportView {
  /** "郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告". */
  title: string;
  unit: string;
  year: number;
  /** "部门整体" or "项目支出". */
  kindLabel: string;
  project?: string;
  familyId: string;
  schemeName: string;
  /** Total by the scheme's rules, formatted: "91.71". */
  score: string;
  grade: string;
  /** Header lines of the 自评表: 部门(单位)名称, 年度, 填报人, 自评得分, 自评结果. */
  header: { label: string; value: string }[];
  /** Section text by id, paragraphs separated by blank lines; every section of the family is present. */
  sections: Partial<Record<SectionId, string>>;
  /** Who wrote each drafted section. */
  authors: Partial<Record<SectionId, SectionAuthor>>;
  /** Tables by id. */
  tables: Record<string, ViewTable>;
  chart: ChartBar[];
  findings: ViewFinding[];
  missing: MissingFact[];
  /** "确定性起草" or "LLM 起草（模型 …）", for the colophon. */
  drafter: string;
}
