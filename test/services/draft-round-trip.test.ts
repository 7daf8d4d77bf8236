import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/report.ts";
import { type DraftedReport, draftDocx, draftReport } from "../../src/services/draft-report.ts";
import { importFile } from "../../src/services/import-file.ts";
import { loadReport } from "../../src/services/report-files.ts";
import { loadTemplateFamilies } from "../../src/services/template-files.ts";
import { schemeOfReport } from "./scheme-of-report.ts";

/**
 * A draft ziping wrote reads back to the report it was drafted from, for each template family and
 * both formats. The key fields must be equal; every other difference is listed here, by path (indexes
 * shown as []), with why the draft cannot carry it: the draft prints what the rules compute (rates,
 * block names, the 合计 row) and leaves out columns its template has none of.
 */

const now = () => new Date("2026-12-03T00:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "ziping-round-trip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function drafted(name: string): Promise<DraftedReport> {
  const report = loadReport(join(import.meta.dirname, "../../fixtures/reports", `${name}.json`));
  if (!report.ok) throw new Error(report.error.message);
  const scheme = schemeOfReport(report.value);
  const families = loadTemplateFamilies();
  if (!scheme.ok || !families.ok) throw new Error("scheme or templates missing");
  const result = await draftReport(report.value, scheme.value, { families: families.value, now });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function readBack(path: string): Promise<Report> {
  const result = await importFile(path);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.reports).toHaveLength(1);
  const report = result.value.reports[0]?.report;
  if (report === undefined || !report.ok) throw new Error(report?.error.message ?? "no report");
  return report.value;
}

/** The leaf paths where two values differ, indexes as [] and each path once. */
function differences(a: unknown, b: unknown, path = ""): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return [path.slice(1)];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const paths = [...keys].flatMap((k) =>
    differences(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${path}.${/^\d+$/.test(k) ? "[]" : k}`,
    ),
  );
  return [...new Set(paths)];
}

/** The fields a reviewer relies on: who, when, what, the money, every indicator, the total. */
function keyFields(report: Report) {
  return {
    unit: report.unit.name,
    year: report.year,
    kind: report.kind,
    project: report.project,
    budget: [report.budget.initial?.wan, report.budget.adjusted?.wan, report.budget.executed?.wan],
    budgetScore: [report.budget.weight, report.budget.score],
    indicators: report.indicators.flatMap((block) =>
      block.groups.flatMap((group) =>
        group.indicators.map((i) => [block.name, group.name, i.name, i.target, i.actual, i.weight, i.score]),
      ),
    ),
    total: report.summary.total,
    grade: report.summary.grade,
  };
}

/** What the draft cannot carry, in every family: figures the rules compute, printed instead. */
const RULES_PRINTED = [
  "summary.blocks.[].rate.value", // 得分率 printed as computed
  "summary.blocks.[].rate.decimals",
  "summary.blocks.[].rate.text",
  "summary.totalRow.rate.value",
  "summary.totalRow.rate.decimals",
  "summary.totalRow.rate.text",
];

const families: {
  name: string;
  family: string;
  ids: string[];
  more: string[];
  differs: string[];
  noTotal?: true;
}[] = [
  {
    name: "seed-000",
    family: "henan-department",
    ids: ["duties", "targets", "process", "conclusion", "funds", "analysis_input", "analysis_output"],
    more: ["analysis_outcome", "problems_measures", "application", "experience", "other"],
    differs: [
      "unit.region", // not printed in a draft
      "tasks.[].executedFiscal", // the draft's task table has no 其中：财政资金 column for the execution
      "tasks.[].reportedRate.decimals", // 98.10% is printed 98.1%
      "tasks.[].reportedRate.text",
      "budget.reportedRate.value", // 97% stated, 97.09% printed: the same at the stated precision
      "budget.reportedRate.decimals",
      "budget.reportedRate.text",
      "budget.sources.fiscal.reportedRate.value",
      "budget.sources.fiscal.reportedRate.decimals",
      "budget.sources.fiscal.reportedRate.text",
      "budget.structure.project.reportedRate.value",
      "budget.structure.project.reportedRate.decimals",
      "budget.structure.project.reportedRate.text",
      "indicators.[].groups.[].indicators.[].unit", // no 度量单位 column in the draft
      ...RULES_PRINTED,
      "summary.blocks.[].name", // the scheme's block name ("投入管理指标" for the report's "投入管理")
      "narrative.[].title", // the template's headings
      "narrative.[].text", // the draft's own lead-ins and notes
    ],
  },
  {
    name: "seed-003",
    family: "hunan-department",
    ids: [
      "duties",
      "organization",
      "plan",
      "spending_scope",
      "funds_basic",
      "funds_project",
      "implementation",
    ],
    more: ["assets", "analysis", "problems", "measures", "experience", "grade_statement"],
    differs: [
      "unit.region",
      "budget.sources.other.adjusted.text", // "0元" printed "0.00"
      "budget.sources.other.executed.text",
      "budget.staff", // the 基础数据表 is not part of the draft
      "budget.threePublicExpenses",
      "budget.procurement",
      "summary.blocks.[]", // the draft adds a 各项指标得分情况表 computed by the rules
      "summary.totalRow.name", // 总分 printed 合计
      "summary.totalRow.rate",
      "narrative.[].title",
      "narrative.[].text",
    ],
  },
  {
    name: "seed-003-project",
    family: "project",
    noTotal: true,
    ids: ["duties", "targets", "process", "conclusion", "analysis_output", "analysis_outcome"],
    more: ["problems_measures", "application", "experience"],
    differs: [
      "unit.region",
      "budget.reportedRate.decimals", // "100.00%" printed "100%"
      "budget.reportedRate.text",
      "budget.initial.text", // "403.00万元" printed "403"
      "budget.adjusted.text",
      "budget.sources.fiscal.initial.text",
      "budget.sources.fiscal.adjusted.text",
      "summary.blocks.[]", // the draft adds a 各项指标得分情况表 computed by the rules
      "summary.totalRow.name",
      "summary.totalRow.rate",
      // The project table has no 自评得分 cell: the stated total 96 is only in the 合计 row (read as
      // that row's score) and in prose that also says 99.
      "summary.total",
      // The report had no narrative; the draft shows the template's sections built from its data too.
      "narrative.[]",
      "narrative.[].id",
      "narrative.[].title",
      "narrative.[].text",
    ],
  },
];

describe("a draft ziping wrote reads back to the report it was drafted from", () => {
  for (const { name, family, ids, more, differs, noTotal } of families) {
    describe(`${name} (${family})`, () => {
      let draft: DraftedReport;
      const paths = { md: join(dir, `${name}.md`), docx: join(dir, `${name}.docx`) };
      beforeAll(async () => {
        draft = await drafted(name);
        writeFileSync(paths.md, draft.markdown);
        writeFileSync(paths.docx, await draftDocx(draft, now()));
      });

      for (const format of ["md", "docx"] as const) {
        it(`from .${format}: the key fields are equal, the narrative has the template's sections`, async () => {
          const read = await readBack(paths[format]);
          const want = keyFields(draft.report);
          expect(keyFields(read)).toEqual(noTotal ? { ...want, total: undefined } : want);
          expect(read.narrative.map((s) => s.id)).toEqual([...ids, ...more]);
          const { schemeId: _a, source: _b, ...drafted } = draft.report;
          const { schemeId: _c, source: _d, ...got } = read;
          expect(differences(drafted, got).sort()).toEqual([...differs].sort());
        });
      }
    });
  }

  it("the stated total is the officer's 96, not the rules' 92.71 printed beside it", async () => {
    const draft = await drafted("seed-000");
    expect(draft.markdown).toContain("92.71（原填96）");
    const read = await readBack(paths000(draft));
    expect(read.summary.total).toBe(96);
    expect(read.budget.score).toBe(9);
  });
});

function paths000(draft: DraftedReport): string {
  const path = join(dir, "seed-000-total.md");
  writeFileSync(path, draft.markdown);
  return path;
}
