import type { ReportKind } from "../../core/report.ts";
import { cleanCell, filled } from "../grid/cell-text.ts";
import type { GridRow } from "../grid/text-grid.ts";
import type { AmountUnit } from "./cell-values.ts";

/**
 * Single-cell lines around the tables: titles ("2020年项目支出绩效自评表"), the year line
 * ("(2021 年度)"), the unit line ("单位：万元") and notes ("注：1. …").
 */

/** What a titled table is: a 自评表, a 申报表, a 基础数据表, a 监控表, a 得分情况表 or another table. */
export type TitleForm = "self" | "declare" | "data" | "monitor" | "summary" | "other";

/** A table title and what it says about the report. */
export interface TableTitle {
  text: string;
  form: TitleForm;
  /** 部门整体 (department) or 项目支出 (project); null when the title does not say. */
  kind: ReportKind | null;
  year?: number;
}

const MAX_TITLE_LENGTH = 40;
const FORMS: ReadonlyArray<readonly [RegExp, TitleForm]> = [
  [/监控表$/, "monitor"],
  [/基础数据表$/, "data"],
  [/自评表$/, "self"],
  [/申报表$/, "declare"],
  [/得分情况表$/, "summary"],
];

/**
 * Reads a table title: short, no sentence punctuation, naming a kind of table (自评表, 申报表,
 * 基础数据表, 监控表, 得分情况表) or another 绩效…表 / 附表. Null for anything else, so a cell such as
 * a task named "编制报表" is not taken for a title.
 */
export function readTitle(cell: string): TableTitle | null {
  const text = cell.replace(/[：:\s]+$/, "");
  if (text.length > MAX_TITLE_LENGTH || !text.endsWith("表") || /[，,。；;！!？?]/.test(text)) return null;
  const form = FORMS.find(([pattern]) => pattern.test(text))?.[1] ?? "other";
  if (form === "other" && !/^附表|绩效.*表$/.test(text)) return null;
  const kind: ReportKind | null = /项目/.test(text)
    ? "project"
    : /部门|单位|整体/.test(text)
      ? "department"
      : null;
  const year = /^(\d{4})\s*年/.exec(text)?.[1];
  return year === undefined ? { text, form, kind } : { text, form, kind, year: Number(year) };
}

/** Reads a unit line ("单位：万元", "（金额单位：元）"); null for anything else. */
export function readUnitLine(cell: string): AmountUnit | null {
  const match = /^[（(]?\s*(?:金额)?单位\s*[：:]\s*(万元|元)\s*[)）]?$/.exec(cell);
  return (match?.[1] as AmountUnit | undefined) ?? null;
}

/** Reads a year line ("(2021 年度)", "2021年度"); null for anything else. */
export function readYearLine(cell: string): number | null {
  const match = /^[（(]\s*(\d{4})\s*年度?\s*[)）]$|^(\d{4})\s*年度$/.exec(cell);
  const year = match?.[1] ?? match?.[2];
  return year === undefined ? null : Number(year);
}

/** Whether a cell is a note under a table ("注：1. …", "说明：…", "备注："). */
export function isNote(cell: string): boolean {
  return /^(?:注|说明|备注)\s*[：:]/.test(cell);
}

/** The title a row holds when it is a single filled cell naming a table; null for any other row. */
export function rowTitle(row: GridRow): TableTitle | null {
  const values = filled(row.cells.map(cleanCell));
  const [only] = values;
  return values.length === 1 && only !== undefined ? readTitle(only) : null;
}
