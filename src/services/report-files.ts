import type { Report } from "../core/report.ts";
import { fail, type Result } from "../core/result.ts";
import { validateReport } from "../core/validate-report.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { loadScheme, readJsonFile } from "./scheme-files.ts";

/** Reads a report JSON file and validates it, naming the file and every wrong field in Chinese. */
export function loadReport(path: string): Result<Report> {
  const data = readJsonFile(path);
  if (!data.ok) return data;
  return reportFromJson(data.value, path);
}

/** Validates the parsed JSON of report file `path`, naming the file and every wrong field in Chinese. */
export function reportFromJson(data: unknown, path: string): Result<Report> {
  return validateReport(data, "report.invalid", `报告文件 ${path} `);
}

/** Default scheme per report kind when neither the report nor the command names one. */
const DEFAULT_SCHEME: Partial<Record<Report["kind"], string>> = { project: "cn-2020-project-default" };

/** Picks the scheme: `--scheme` first, then the report's schemeId, then the national project default. */
export function schemeFor(report: Report, override: string | undefined): Result<Scheme> {
  const id = override ?? report.schemeId ?? DEFAULT_SCHEME[report.kind];
  if (id === undefined) {
    return fail(
      "scheme.missing",
      '报告没有指定评分方案（schemeId），部门整体报告没有全国默认方案。请在报告中写 "schemeId"，或用 --scheme 指定，例如 --scheme henan-zhengzhou-district-department（用 ziping schemes 查看全部）。',
    );
  }
  return loadScheme(id);
}
