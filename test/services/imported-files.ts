import type { Report } from "../../src/core/report.ts";
import { type ImportedFile, importFile } from "../../src/services/import-file.ts";

/** Imports a file the test expects to be readable; a refusal fails the test with its code and message. */
export async function imported(path: string): Promise<ImportedFile> {
  const result = await importFile(path);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The first report of a file, which the test expects to be complete. */
export async function firstReport(path: string): Promise<Report> {
  const report = (await imported(path)).reports[0]?.report;
  if (report === undefined || !report.ok)
    throw new Error(`${path}: ${report?.error.message ?? "no report read"}`);
  return report.value;
}

/** The value with every string's whitespace removed (PDFs draw no spaces the .txt seeds have). */
export function unspaced(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\s+/g, "");
  if (Array.isArray(value)) return value.map(unspaced);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unspaced(v)]));
  }
  return value;
}
