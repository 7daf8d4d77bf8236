import { describe, expect, it } from "vitest";
import { checkText } from "../../src/checks/check-text.ts";
import type { Finding } from "../../src/core/finding.ts";
import { brief, seed } from "./helpers.ts";

function run(name: string): Finding[] {
  const { report, card } = seed(name);
  return checkText(report, card);
}

const at = (findings: Finding[], code: string, path: string) =>
  findings.find((f) => f.code === code && f.where.path === path);

describe("seed 000 (金水区电子政务中心 2021)", () => {
  const findings = run("seed-000");

  it("finds exactly: 五 “无” though points were lost, 七 “无”, 年初预算 561.5 in text vs 561.41 in the table, 最终得分96分 vs the rules' 92.71", () => {
    expect(brief(findings)).toEqual([
      "narrative.contradiction error narrative[8]",
      "narrative.empty error narrative[8]",
      "score.narrative_total error narrative[3]",
      "narrative.empty warn narrative[10]",
      "value.conflict warn narrative[4]",
      "value.conflict warn narrative[5]",
    ]);
  });

  it("names the deductions in the contradiction: 4 points by the report, 7.29 by the rules", () => {
    const f = at(findings, "narrative.contradiction", "narrative[8]");
    expect(f?.where).toEqual({ path: "narrative[8]", label: "五、发现的主要问题和改进措施", quote: "无" });
    expect(f?.message).toContain("报告自评扣了4分");
    expect(f?.message).toContain("“辖区居民满意”失1分");
    expect(f?.message).toContain("按评分规则计算失7.29分");
    expect(f?.message).toContain("“预算执行（预算执行率）”失0.29分");
    expect(f?.message).toContain("请逐项说明失分原因和改进措施");
  });

  it("holds 三 “最终得分为 96 分” to the rules' 92.71, not to the table's own 96", () => {
    const f = at(findings, "score.narrative_total", "narrative[3]");
    expect([f?.where.quote, f?.expected, f?.actual]).toEqual([
      "我部门 2021 年部门整体绩效最终得分为 96 分",
      "92.71分",
      "96分",
    ]);
  });

  it("quotes the 年初预算 clause and gives both figures", () => {
    const f = at(findings, "value.conflict", "narrative[4]");
    expect(f?.where.quote).toBe("我部门预算年初数为 561.5 万元");
    expect([f?.expected, f?.actual]).toEqual(["561.41万元", "561.5万元"]);
  });

  it("does not call its specific sections generic, nor 八 “无” (其他需要说明的问题) empty", () => {
    expect(findings.filter((f) => f.code === "narrative.generic")).toEqual([]);
    expect(findings.some((f) => f.where.path === "narrative[11]")).toBe(false);
  });
});

describe("seed 001 (金水区智慧城市管理中心 2021)", () => {
  const findings = run("seed-001");

  it("finds exactly: 发改委's satisfaction survey, stock phrases in 五, 七 “无”", () => {
    expect(brief(findings)).toEqual([
      "copy.foreign_agency error narrative[2]",
      "narrative.empty warn narrative[10]",
      "narrative.generic warn narrative[8]",
    ]);
  });

  it("quotes “获取其对发改委主要工作的满意度” and names the reporting unit", () => {
    const f = at(findings, "copy.foreign_agency", "narrative[2]");
    expect(f?.where.quote).toBe("获取其对发改委主要工作的满意度");
    expect(f?.message).toContain("郑州市金水区智慧城市管理中心");
    expect(f?.message).toContain("本中心");
  });
});

describe("seed 002 (管城回族区政务服务和大数据管理局 2022)", () => {
  const findings = run("seed-002");

  it("finds exactly: 政协's functions, stock phrases in 五 and 七", () => {
    expect(brief(findings)).toEqual([
      "copy.foreign_agency error narrative[6]",
      "narrative.generic warn narrative[10]",
      "narrative.generic warn narrative[8]",
    ]);
  });

  it("quotes “紧扣政协政治协商、民主监督、参政议政职能”", () => {
    expect(at(findings, "copy.foreign_agency", "narrative[6]")?.where.quote).toBe(
      "紧扣政协政治协商、民主监督、参政议政职能",
    );
  });

  it("reads 五 as 依法行政 stock phrases and asks about the 1.12 points the report deducted", () => {
    const f = at(findings, "narrative.generic", "narrative[8]");
    expect(f?.message).toContain("报告自评扣了1.12分");
    expect(f?.actual).toBe("套话占82%");
  });

  it("accepts “共 23 个项目” followed by (1)…(23), the 2021 task names and the 2021 notice", () => {
    expect(findings.filter((f) => f.code === "count.mismatch" || f.code === "year.mismatch")).toEqual([]);
  });
});

describe("seed 003 (浏阳市数据资源中心 2020)", () => {
  const findings = run("seed-003");

  it("finds exactly: paragraphs repeated across sections and the 2019 year-end assets", () => {
    expect(brief(findings)).toEqual([
      "narrative.duplicate warn narrative[10]",
      "narrative.duplicate warn narrative[11]",
      "narrative.duplicate warn narrative[6]",
      "narrative.duplicate warn narrative[8]",
      "year.mismatch warn narrative[7]",
    ]);
  });

  it("quotes “2019年末资产合计数197.80万元” in a 2020 report", () => {
    const f = at(findings, "year.mismatch", "narrative[7]");
    expect(f?.where.quote).toBe("2019年末资产合计数197.80万元");
    expect([f?.expected, f?.actual]).toEqual([2020, 2019]);
  });

  it("names both places of the 项目管理 paragraph", () => {
    const f = at(findings, "narrative.duplicate", "narrative[6]");
    expect(f?.message).toContain("“(二)项目支出”和“三、部门项目组织实施情况”");
  });

  it("has no error: no foreign agency (财政局, 民政局 … appear as partners), no empty section", () => {
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("seed 003 project table", () => {
  it("has no narrative and no unit problem: nothing", () => {
    expect(run("seed-003-project")).toEqual([]);
  });
});
