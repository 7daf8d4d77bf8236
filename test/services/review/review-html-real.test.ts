import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { SEVERITY_LABEL } from "../../../src/core/finding.ts";
import { reviewBatch } from "../../../src/services/review/review-batch.ts";
import { writeReviewOutputs } from "../../../src/services/review/review-outputs.ts";
import { type ReviewResult, ReviewResultSchema } from "../../../src/services/review/review-result.ts";
import { buildReviewFolder, PLANTED, plainOptions } from "./review-folder.ts";
import { dumpDom, findChromium } from "./review-html-chromium.ts";
import { expectedFindings, pageFindings } from "./review-html-read.ts";

/**
 * The three files `--out` writes for a real run (the reviewer's folder of 13 files: seeds as
 * .txt/.docx/.pdf, real reports, a broken file, a scan, duplicates, a planted paragraph) show the
 * same findings: the workbook read back with exceljs and the page read back from its text hold
 * exactly the findings of review.json, which is the result `--json` prints.
 */

let result: ReviewResult;
let out: string;
let written: string[];
beforeAll(async () => {
  const dir = await buildReviewFolder(mkdtempSync(join(tmpdir(), "ziping-review-out-")));
  result = await reviewBatch([dir], plainOptions());
  out = join(dir, "审阅结果");
  written = await writeReviewOutputs(result, out);
}, 300_000);

/** A cell as a string or number; empty cells as null. */
function cells(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const v = sheet.getRow(r).getCell(c).value;
      row.push(v === null || v === undefined ? null : (v as string | number));
    }
    rows.push(row);
  }
  return rows;
}

async function workbook(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(readFileSync(join(out, "review.xlsx"))).buffer);
  return book;
}

describe("review.json, review.xlsx and review.html of one real run", () => {
  it("are written side by side; review.json is the result", () => {
    expect(written).toEqual(["review.json", "review.xlsx", "review.html"].map((f) => join(out, f)));
    expect(ReviewResultSchema.parse(JSON.parse(readFileSync(written[0] ?? "", "utf8")))).toEqual(result);
    expect(result.entries.length).toBeGreaterThanOrEqual(12);
  }, 120_000);

  it("the workbook's 全部发现 is every finding of the result, cell by cell, in ranking order", async () => {
    const sheet = (await workbook()).getWorksheet("全部发现");
    if (sheet === undefined) throw new Error("no 全部发现 sheet");
    const expected = result.entries.flatMap((e) =>
      e.findings.map((f) => [
        e.rank,
        e.label === "" || e.label === "主报告" ? e.path : `${e.path}【${e.label}】`,
        e.unit ?? "（未读出）",
        SEVERITY_LABEL[f.severity],
        f.code,
        f.message,
        f.location.label,
        f.location.path,
        f.quote === "" ? null : f.quote,
        f.expected ?? null,
        f.actual ?? null,
        f.fromOcr ? "是" : "否",
      ]),
    );
    expect(expected.length).toBeGreaterThan(50);
    expect(cells(sheet)).toEqual(expected);
  }, 120_000);

  it("the workbook's 总览 has one row per report in ranked order; 疑似抄袭 holds the planted paragraph with both agencies", async () => {
    const book = await workbook();
    const overview = book.getWorksheet("总览");
    const copies = book.getWorksheet("疑似抄袭");
    if (overview === undefined || copies === undefined) throw new Error("sheets missing");
    expect(cells(overview).map((r) => [r[0], r[2], r[3] ?? "", r[14], r[15], r[16]])).toEqual(
      result.entries.map((e) => [
        e.rank,
        e.path,
        e.label,
        e.counts.errors,
        e.counts.warnings,
        e.counts.infos,
      ]),
    );
    const passages = result.copies.flatMap((p) => p.passages.map((x) => ({ agencies: p.agencies, ...x })));
    expect(cells(copies)).toEqual(
      passages.map((p) => [
        p.agencies[0],
        p.agencies[1],
        p.length,
        p.a.label === "主报告" ? p.a.path : `${p.a.path}【${p.a.label}】`,
        p.a.year,
        "本批",
        p.a.quote,
        p.b.label === "主报告" ? p.b.path : `${p.b.path}【${p.b.label}】`,
        p.b.year,
        "本批",
        p.b.quote,
      ]),
    );
    const planted = cells(copies).filter((r) => String(r[6]).includes(PLANTED.slice(0, 20)));
    expect(planted.length).toBeGreaterThanOrEqual(1);
    expect([...new Set(planted.map((r) => `${r[0]}↔${r[1]}`))]).toEqual([
      "下桥镇人民政府↔重庆市大足区发展和改革委员会",
    ]);
  }, 120_000);

  it("the page shows every finding of the result once, under its report, and one overview row per report", () => {
    const html = readFileSync(join(out, "review.html"), "utf8");
    const shown = pageFindings(html);
    expect(shown).toEqual(expectedFindings(result));
    expect([...html.matchAll(/<tr id="o-(\d+)"/g)].map((m) => Number(m[1]))).toEqual(
      result.entries.map((e) => e.rank),
    );
  }, 120_000);

  const chromium = findChromium();
  it.skipIf(chromium === null)(
    "opened in headless Chromium, the page's overview lists every report in ranked order",
    async () => {
      const dom = await dumpDom(chromium ?? "", out, pathToFileURL(join(out, "review.html")).href);
      expect(dom).toContain('data-ready="1"');
      expect([...dom.matchAll(/<tr id="o-(\d+)"/g)].map((m) => Number(m[1]))).toEqual(
        result.entries.map((e) => e.rank),
      );
      expect(/<span id="shown">([^<]*)<\/span>/.exec(dom)?.[1]).toBe(
        `显示 ${result.entries.length} / ${result.entries.length} 份`,
      );
    },
    120_000,
  );
});
