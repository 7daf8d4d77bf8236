import type { ReportKind } from "../core/report.ts";
import { cleanCell } from "./cell-text.ts";

/** What a report's title line says: "2022 年度管城回族区政务服务和大数管理 局部门整体自评报告". */
export interface ReportTitle {
  line: number;
  text: string;
  kind: ReportKind;
  year?: number;
  /** The unit named before the kind words, spaces left by PDF extraction removed. */
  unit?: string;
}

const TITLE =
  /^(?:(\d{4})\s*年度?)?(.*?)(部门整体|部门|单位整体|项目支出|项目)(?:支出)?(?:资金)?(?:绩效)?自评(?:价)?报告$/;
const MAX_TITLE = 60;
/** Lines looked at for the title: it is the first text of the report, after Word metadata at most. */
const TITLE_WINDOW = 12;

/**
 * Finds the report's own title among the first lines of a document ("2021 年度郑州市金水区智慧城市
 * 管理中心 部门整体绩效自评报告", "# 电子政务中心部门整体绩效自评报告", "2020年部门整体支出绩效自评报告")
 * and reads kind, year and unit from it. Spaces are dropped: in a title they are extraction noise
 * ("大数管理 局"). A unit is only taken when the title names one; nothing is
 * completed ("电子政务中心" stays as written).
 */
export function findReportTitle(lines: readonly string[]): ReportTitle | null {
  let seen = 0;
  for (const [index, raw] of lines.entries()) {
    const text = cleanCell(raw);
    if (text === "") continue;
    if (++seen > TITLE_WINDOW) return null;
    const title = readReportTitle(text);
    if (title !== null) return { line: index + 1, ...title };
  }
  return null;
}

/** Reads one line as a report title; null when it is not one. */
export function readReportTitle(text: string): Omit<ReportTitle, "line"> | null {
  const compact = text.replace(/\s+/g, "");
  if (compact.length > MAX_TITLE) return null;
  const match = TITLE.exec(compact);
  if (match === null) return null;
  const [, year, unitText, kindText] = match;
  const kind: ReportKind = kindText?.startsWith("项目") ? "project" : "department";
  const unit = (unitText ?? "").replace(/^[（(]|[)）]$/g, "");
  return {
    text,
    kind,
    ...(year === undefined ? {} : { year: Number(year) }),
    ...(unit.length >= 2 ? { unit } : {}),
  };
}
