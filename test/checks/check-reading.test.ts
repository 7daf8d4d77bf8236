import { describe, expect, it } from "vitest";
import { isSuppressed, readingFindings } from "../../src/checks/check-reading.ts";
import { completeReport } from "../../src/importing/report/complete-report.ts";

describe("readingFindings: what could not be read, and the checks that therefore could not run", () => {
  it("a report with unit, year, tables and narrative gives no report.* finding and runs every check", () => {
    const done = completeReport({
      kind: "project",
      unit: { name: "中江县水利局" },
      year: 2022,
      budget: { adjusted: "20万元", executed: "20万元" },
      indicators: [
        {
          name: "产出指标",
          groups: [{ name: "数量指标", indicators: [{ name: "水标尺宽度", weight: 10 }] }],
        },
      ],
      narrative: [{ id: "problems", title: "五、存在的问题", text: "无" }],
    });
    expect(readingFindings(done, [])).toEqual({ findings: [], notRun: [], suppress: new Set() });
  });

  it("no unit and no year: warnings saying what was tried, and the two checks that read them are off", () => {
    const out = readingFindings(completeReport({ kind: "department", budget: { executed: "1万元" } }), []);
    expect(out.findings.map((f) => [f.code, f.severity, f.where.label])).toEqual([
      ["report.unit_missing", "warn", "单位名称"],
      ["report.year_missing", "warn", "年度"],
      ["report.table_unread", "warn", "绩效指标表"],
    ]);
    // No table and no stated score or grade: "未写自评得分和评价等级" would be a verdict on what was not read.
    expect([...out.suppress]).toEqual(["copy.foreign_agency", "year.mismatch", "grade.mismatch"]);
    expect(isSuppressed("copy.foreign_agency", out)).toBe(true);
    expect(isSuppressed("weights.block_sum", out)).toBe(true);
    expect(isSuppressed("score.rule_mismatch", out)).toBe(true);
    expect(isSuppressed("budget.rate_mismatch", out)).toBe(false);
    expect(isSuppressed("narrative.empty", out)).toBe(true);
  });

  it("an annex table has no narrative to miss; a budget read only in its sub-rows counts as read", () => {
    const done = completeReport({
      kind: "project",
      unit: { name: "浏阳市数据资源中心" },
      year: 2020,
      budget: { sources: { fiscal: { executed: "10万元" } } },
      indicators: [
        { name: "产出指标", groups: [{ name: "数量指标", indicators: [{ name: "链路", weight: 10 }] }] },
      ],
    });
    expect(readingFindings(done, [], { annex: true }).notRun).toEqual([]);
  });

  it("rows the readers left are information findings, each once, with the line and a clipped quote", () => {
    const done = completeReport({
      kind: "project",
      unit: { name: "x局" },
      year: 2021,
      budget: { executed: "1万元" },
    });
    const row = {
      line: 12,
      text: "指标1:居民健康档案 38508人 O76%107.6",
      reason: "“O76%107.6”无法识别为数字",
    };
    const out = readingFindings(done, [row, row, { line: 0, text: "x".repeat(90), reason: "r" }]);
    expect(
      out.findings.filter((f) => f.code === "report.row_unread").map((f) => [f.where.label, f.where.quote]),
    ).toEqual([
      ["第12行", "指标1:居民健康档案 38508人 O76%107.6"],
      ["叙述部分", `${"x".repeat(80)}…`],
    ]);
  });
});

describe("a file cut inside its indicator table", () => {
  it("is a report.table_cut warning naming the last block read, and the sum checks are off, the row checks on", () => {
    const done = completeReport({
      kind: "department",
      unit: { name: "长沙市雨花区发展和改革局" },
      year: 2022,
      budget: { executed: "1万元" },
      indicators: [
        {
          name: "投入",
          weight: 13,
          groups: [{ name: "预算配置", indicators: [{ name: "在职人员控制率", weight: 5 }] }],
        },
        {
          name: "过程",
          weight: 61,
          groups: [{ name: "预算执行", indicators: [{ name: "预算完成率", weight: 5 }] }],
        },
      ],
      narrative: [{ id: "problems", title: "五、存在的问题", text: "无" }],
    });
    const out = readingFindings(done, [], { tableCut: true });
    expect(out.findings.map((f) => [f.code, f.where.quote])).toEqual([["report.table_cut", "过程"]]);
    expect(
      ["weights.block_sum", "weights.total", "score.block_sum", "score.total_mismatch"].map((c) =>
        isSuppressed(c, out),
      ),
    ).toEqual([true, true, true, true]);
    expect(
      ["score.rule_mismatch", "score.unmet_full", "target.missing"].map((c) => isSuppressed(c, out)),
    ).toEqual([false, false, false]);
  });
});
