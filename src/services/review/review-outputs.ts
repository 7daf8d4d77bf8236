import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { reviewPage } from "./review-html.ts";
import type { ReviewResult } from "./review-result.ts";
import { reviewWorkbook } from "./review-xlsx.ts";

/**
 * Writes the review's files into `dir` (made if missing) and returns their paths: review.json, the
 * whole result as `--json` prints it; review.xlsx, the workbook; review.html, the page a reviewer
 * opens in a browser. The one place `--out` writes, so every file is made from the same result.
 */
export async function writeReviewOutputs(result: ReviewResult, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, "review.json");
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  const xlsx = join(dir, "review.xlsx");
  writeFileSync(xlsx, await reviewWorkbook(result));
  const html = join(dir, "review.html");
  writeFileSync(html, reviewPage(result));
  return [json, xlsx, html];
}
