import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Report, ReportSchema } from "../../src/core/report.ts";
import { explain } from "../../src/scoring/explain.ts";
import { score } from "../../src/scoring/score.ts";
import type { ScoreCard } from "../../src/scoring/score-card.ts";
import { loadScheme } from "../../src/services/scheme-files.ts";

function load(name: string): Report {
  const path = join(import.meta.dirname, "../../fixtures/reports", `${name}.json`);
  return ReportSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

function card(name: string): ScoreCard {
  const report = load(name);
  const scheme = loadScheme(report.schemeId ?? "");
  if (!scheme.ok) throw new Error(scheme.error.message);
  return score(report, scheme.value);
}

const codes = (c: ScoreCard) => c.findings.map((f) => f.code);
const findingAt = (c: ScoreCard, code: string, labelPart: string) =>
  c.findings.find((f) => f.code === code && f.where.label.includes(labelPart));

describe("seed 000 (金水区电子政务中心 2021)", () => {
  const c = card("seed-000");
  const block = (id: string) => c.blocks.find((b) => b.id === id);

  it("scores 预算执行 9.71 of 10: 545.06 / 561.41 = 97.09%, proportional", () => {
    expect(block("budget")?.points).toBe(9.71);
    expect(block("budget")?.indicators[0]?.formula).toContain("97.09%");
    expect(block("budget")?.indicators[0]?.reported).toBe(9);
  });

  it("reports that 效益 rows carry 25 points under a heading of 30", () => {
    const f = findingAt(c, "weights.block_sum", "效益");
    expect(f?.message).toContain("标称30分");
    expect(f?.message).toContain("25分");
    expect(block("outcome")?.rowWeightSum).toBe(25);
    expect(block("outcome")?.fit).toBe("unallocated");
  });

  it("reports the 合计 row (100) that is not the sum of the blocks (96) and its 95% rate", () => {
    expect(findingAt(c, "score.total_mismatch", "合计")?.message).toContain("96分");
    expect(findingAt(c, "score.rate_mismatch", "合计")?.message).toContain("95%");
  });

  it("reports 辖区居民满意 ≥98% with actual 100% given 4 of 5 as met-but-not-full", () => {
    const f = findingAt(c, "score.met_not_full", "辖区居民满意");
    expect(f?.severity).toBe("error");
    const row = block("outcome")?.indicators.find((r) => r.name === "辖区居民满意");
    expect([row?.points, row?.reported]).toEqual([5, 4]);
  });

  it("reports 预算执行率 ≥97% with actual 97% (derived 97.09%) given 1 of 2", () => {
    expect(findingAt(c, "score.met_not_full", "预算执行率")).toBeDefined();
  });

  it("reports the 效益 summary row (28) that its rows (23) do not support", () => {
    expect(findingAt(c, "score.block_sum", "效益")?.message).toContain("23分");
  });

  it("totals 92.71 (优) by the rules: 9.71 + 19 + 40 + 24", () => {
    expect(c.blocks.map((b) => b.points)).toEqual([9.71, 19, 40, 24]);
    expect(c.total).toBe(92.71);
    expect(c.grade).toBe("优");
    expect(c.reported).toEqual({ total: 96, totalRow: 100, grade: "优" });
  });

  it("flags reverse indicators with 100% as actual, and 三公 0/0", () => {
    expect(findingAt(c, "actual.contradicts_target", "结转结余率")).toBeDefined();
    expect(findingAt(c, "value.conflict", "预算调整率")?.message).toContain("0%");
    expect(findingAt(c, "ratio.zero_over_zero", "三公")).toBeDefined();
    const tpe = block("input")?.indicators.find((r) => r.name.includes("三公"));
    expect(tpe?.rule).toBe("not_applicable");
  });

  it("finds the 8 tasks' budgets (307.92) not adding up to 项目支出 (307.88)", () => {
    expect(findingAt(c, "budget.subrows_sum", "项目支出")?.message).toContain("307.92");
  });

  it("explains every lost point, largest first, summing to 100 − 92.71", () => {
    const e = explain(c, [
      { grade: "优", min: 90 },
      { grade: "良", min: 80 },
      { grade: "中", min: 60 },
      { grade: "差", min: 0 },
    ]);
    expect(e.items.map((i) => [i.kind, i.lost])).toEqual([
      ["structure", 5],
      ["rule", 1],
      ["judgement", 1],
      ["rule", 0.29],
    ]);
    expect(e.byKind).toEqual({ rule: 1.29, judgement: 1, missing: 0, structure: 5 });
    expect(e.lostTotal).toBe(7.29);
    expect(e.items[3]?.restore).toContain("再执行16.35万元");
    expect(e.reportedLosses.filter((r) => !r.supported).map((r) => r.label)).toEqual([
      "预算执行（预算执行率）",
      "投入管理指标 / 预算和财务管理 / 预算执行率",
      "效益指标 / 满意度 / 辖区居民满意",
    ]);
  });
});

describe("seed 001 (金水区智慧城市管理中心 2021)", () => {
  const c = card("seed-001");

  it("reports the stated 105% as computed on 年初预算 (814.75 / 814.75 = 100% on the adjusted budget)", () => {
    const f = findingAt(c, "budget.rate_base", "预算执行率");
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain("105.96%");
    expect(f?.message).toContain("请改为100%");
    expect(c.derived.find((d) => d.key === "executionRate")?.value).toBe(100);
  });

  it("reports 三公经费控制率 180% as inverted (0.04 / 7.2 = 0.56%)", () => {
    const f = findingAt(c, "ratio.inverted", "三公");
    expect(f?.message).toContain("请改为0.56%");
  });

  it("does not compare the 申报表 sub-rows (56) with the year's budget (768.94)", () => {
    expect(codes(c)).not.toContain("budget.subrows_sum");
  });
});

describe("seed 002 (管城区政务服务和大数据管理局 2022)", () => {
  const c = card("seed-002");

  it("finds the 23 projects adding up to 2318.97 / 1866.92 万元, not the 2118.34 claimed", () => {
    const messages = c.findings.filter((f) => f.code === "budget.subrows_sum").map((f) => f.message);
    expect(messages.some((m) => m.includes("2318.97"))).toBe(true);
    expect(messages.some((m) => m.includes("1866.92") && m.includes("2118.34"))).toBe(true);
  });

  it("does not accept the stated 100% execution rate", () => {
    expect(codes(c)).toContain("budget.rate_mismatch");
  });
});

describe("seed 003 (浏阳市数据资源中心 2020)", () => {
  it("department table: 100.00% stated for 6,272,512 元 budget and 11,124,990.85 元 spent", () => {
    const c = card("seed-003");
    const f = findingAt(c, "budget.rate_mismatch", "财政");
    expect(f?.message).toContain("177.36%");
    expect(codes(c)).toContain("budget.rate_over_100");
    expect(c.total).toBe(96.8);
  });

  it("project table: weights that add up to 110, not 100, and the 效益 block headed 40 holding 50", () => {
    const c = card("seed-003-project");
    expect(findingAt(c, "weights.total", "分值")?.message).toContain("110分");
    expect(findingAt(c, "weights.block_sum", "效益")?.message).toContain("标称40分");
    expect(c.blocks.find((b) => b.id === "outcome")?.fit).toBe("capped");
    expect(findingAt(c, "score.total_mismatch", "自评得分")?.message).toContain("106分");
  });
});
