import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/report.ts";
import { firstReport, unspaced } from "./imported-files.ts";

/**
 * Seeds 000 and 003 printed to PDF straight from the .txt (fixtures/pdf/seed-00N-text.pdf, made by
 * scripts/make-pdf-fixtures.sh with `soffice --convert-to pdf`): no rules, each tab set at the next
 * default stop, so no column lines up from row to row. Read back through the tab stops they are set
 * on, they import to the report the .txt gives, but for what is listed here. Strings are compared
 * without whitespace (the .txt has spaces between Chinese and digits that the PDF does not draw).
 */

const root = join(import.meta.dirname, "../..");
const report = (path: string) => firstReport(join(root, path));

describe("a seed printed to PDF from its text file (tabs at default stops, no rules)", () => {
  it("seed 000: budget, tasks, indicators, summary, sections and preparer are the .txt's", async () => {
    const txt = await report("fixtures/seeds/000_0839647822e00506.txt");
    const pdf = await report("fixtures/pdf/seed-000-text.pdf");
    for (const key of [
      "kind",
      "unit",
      "year",
      "preparer",
      "tasks",
      "budget",
      "indicators",
      "summary",
      "narrative",
    ]) {
      expect([key, unspaced(pdf[key as keyof Report])]).toEqual([key, unspaced(txt[key as keyof Report])]);
    }
    expect(pdf.goals?.status).toBe("完成");
    // The figures, by hand from the seed's 预算情况 rows.
    expect([pdf.budget.initial?.value, pdf.budget.adjusted?.value, pdf.budget.executed?.value]).toEqual([
      561.41, 561.41, 545.06,
    ]);
    expect([pdf.budget.weight, pdf.budget.score]).toEqual([10, 9]);
    expect(pdf.tasks).toHaveLength(8);
    const blocks = pdf.indicators.map((b) => [
      b.name,
      b.weight,
      b.groups.flatMap((g) => g.indicators).length,
    ]);
    expect(blocks).toEqual([
      ["投入管理指标", 20, 19],
      ["产出指标", 40, 8],
      ["效益指标", 30, 5],
    ]);
    const all = pdf.indicators.flatMap((b) => b.groups.flatMap((g) => g.indicators));
    const rate = all.find((i) => i.name === "预算执行率");
    expect(rate).toMatchObject({ actual: "97%", weight: 2, score: 1 });
    expect(rate?.target).toMatchObject({ text: "≥97%" });
    expect(all.reduce((s, i) => s + (i.weight ?? 0), 0)).toBe(85);
    expect(all.reduce((s, i) => s + (i.score ?? 0), 0)).toBe(82);
  });

  it("seed 000: the goals row, run over three lines, is cut where a space happens to fall on a tab stop", async () => {
    const pdf = await report("fixtures/pdf/seed-000-text.pdf");
    // "…6. 全区电子政务…": the space after "6." ends exactly on a stop, and reads as a tab.
    expect(pdf.goals?.text?.endsWith("指导；6.")).toBe(true);
  });

  it("seed 003 (a table typed one cell a line): kind, unit, year, goals, summary and sections are the .txt's", async () => {
    const txt = await report("fixtures/seeds/003_3bc036a0d1488051.txt");
    const pdf = await report("fixtures/pdf/seed-003-text.pdf");
    for (const key of ["kind", "year", "goals", "tasks", "summary"]) {
      expect([key, unspaced(pdf[key as keyof Report])]).toEqual([key, unspaced(txt[key as keyof Report])]);
    }
    expect(pdf.unit.name).toBe("浏阳市数据资源中心");
    // The sections: the same thirteen titles and texts, but for the last, which takes in the cells of
    // the table typed one cell a line after it (see "not read" below).
    const sections = (r: Report) => unspaced(r.narrative?.map((s) => [s.title, s.text]));
    expect(pdf.narrative).toHaveLength(13);
    expect((sections(pdf) as unknown[]).slice(0, 12)).toEqual((sections(txt) as unknown[]).slice(0, 12));
    expect(pdf.summary).toMatchObject({ total: 96, totalRow: { weight: 100, score: 96 } });
  });

  it("seed 003: the tables typed one cell a line are not read back (a blank line and an empty cell look the same)", async () => {
    const txt = await report("fixtures/seeds/003_3bc036a0d1488051.txt");
    const pdf = await report("fixtures/pdf/seed-003-text.pdf");
    // Rows are told apart by blank lines, and an empty cell is a line holding only a tab: both are
    // a missing line on the page, so the rows cannot be cut where the text cut them.
    expect(txt.indicators.map((b) => [b.name, b.weight])).toEqual([
      ["投入管理", 30],
      ["产出指标", 25],
      ["效益指标", 45],
    ]);
    expect(pdf.indicators.map((b) => b.name)).not.toContain("投入管理");
    expect(txt.budget.sources).toBeDefined();
    expect(pdf.budget.sources).toBeUndefined();
  });
});
