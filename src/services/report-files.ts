import type { Report } from "../core/report.ts";
import type { Result } from "../core/result.ts";
import { validateReport } from "../core/validate-report.ts";
import { readJsonFile } from "./scheme-files.ts";

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
