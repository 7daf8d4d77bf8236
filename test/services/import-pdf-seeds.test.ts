import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imported, unspaced } from "./imported-files.ts";

/**
 * The seed reports as PDFs (fixtures/converted/*.pdf, made by scripts/convert-seeds.sh with
 * LibreOffice: ruled tables, wrapped cells, tables running over pages) import to the same reports
 * as the .txt seeds. The only difference is spacing: the .txt seeds came out of PDFs with spaces
 * between Chinese and digits ("2021 年", "任务1: 计算机") that the PDFs made from them do not
 * draw, so every string is compared with its whitespace taken out.
 */

const root = join(import.meta.dirname, "../..");
const seeds = readdirSync(join(root, "fixtures/seeds"))
  .filter((f) => /^00[0-3]_.*\.txt$/.test(f))
  .map((f) => f.replace(/\.txt$/, ""));

describe("the seeds as PDF import to the same reports as the seeds as text", () => {
  it("finds the four converted seeds", () => {
    expect(seeds).toHaveLength(4);
  });

  it.each(seeds)("%s: the .pdf reads as the .txt (strings compared without whitespace)", async (seed) => {
    const txt = await imported(join(root, "fixtures/seeds", `${seed}.txt`));
    const pdf = await imported(join(root, "fixtures/converted", `${seed}.pdf`));
    expect(pdf.format).toBe("pdf");
    expect(pdf.reports.map((r) => [r.label, r.report.ok])).toEqual(
      txt.reports.map((r) => [r.label, r.report.ok]),
    );
    expect(unspaced(pdf.reports.map((r) => r.fragment))).toEqual(
      unspaced(txt.reports.map((r) => r.fragment)),
    );
  });

  it("seed 000 as PDF: unit, year, kind, budget, tasks, indicators, summary and sections as read from the text", async () => {
    const pdf = await imported(join(root, "fixtures/converted/000_0839647822e00506.pdf"));
    const report = pdf.reports[0]?.report;
    if (report === undefined || !report.ok) throw new Error("seed 000 PDF not read");
    const r = report.value;
    expect([r.unit.name, r.year, r.kind]).toEqual(["郑州市金水区电子政务中心", 2021, "department"]);
    expect(r.budget).toMatchObject({ weight: 10, score: 9 });
    expect(JSON.stringify(r.budget)).toContain("561.41");
    expect(JSON.stringify(r.budget)).toContain("545.06");
    expect(r.tasks).toHaveLength(8);
    expect(r.tasks?.[4]?.name).toBe("任务5:金水区人民政府门户网站(集约化)建设和维护");
    const blocks = r.indicators.map((b) => [b.name, b.weight, b.groups.flatMap((g) => g.indicators).length]);
    expect(blocks).toEqual([
      ["投入管理指标", 20, 19],
      ["产出指标", 40, 8],
      ["效益指标", 30, 5],
    ]);
    const all = r.indicators.flatMap((b) => b.groups.flatMap((g) => g.indicators));
    // 投入 18 × 1 + 预算执行率 2, 产出 8 × 5, 效益 5 × 5; scores 19 + 40 + (4 + 5 + 5 + 5 + 4).
    expect(all.reduce((s, i) => s + (i.weight ?? 0), 0)).toBe(85);
    expect(all.reduce((s, i) => s + (i.score ?? 0), 0)).toBe(82);
    expect(r.summary).toMatchObject({ total: 96, grade: "优", totalRow: { weight: 100, score: 100 } });
    expect(r.narrative?.map((s) => s.title)).toEqual([
      "(一)部门年度履职目标及主要任务。",
      "(二)部门年度整体绩效目标、绩效指标设置情况。",
      "二、绩效自评工作开展情况",
      "三、综合评价结论",
      "（一）部门资金情况分析",
      "1.投入管理指标情况分析",
      "2.产出指标情况分析",
      "3.效益指标情况分析",
      "五、发现的主要问题和改进措施",
      "六、绩效自评结果拟应用和公开情况",
      "七、绩效自评工作的经验、问题和建议",
      "八、其他需要说明的问题",
    ]);
  });
});
