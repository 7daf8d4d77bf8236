import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ReviewResult } from "./review-result.ts";

/**
 * Writes the review's files into `dir` (made if missing) and returns their paths: review.json, the
 * whole result as `--json` prints it. The one place `--out` writes, so every file is made from the
 * same result (the workbook and the web page are added here).
 */
export function writeReviewOutputs(result: ReviewResult, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, "review.json");
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  return [json];
}
