import { describe, expect, it } from "vitest";
import { run } from "./cli-harness.ts";

describe("score and explain give no total for a table with no 分值 (seed 001's 申报表), and say why", () => {
  it("score: 不计算, with the reason, where it used to print 10分（差）", async () => {
    const r = await run("score", "fixtures/reports/seed-001.json");
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(1, 3)).toEqual([
      "评分方案：河南郑州区县 部门整体绩效自评（henan-zhengzhou-district-department；报告指定的评分方案）",
      "按规则得分：不计算（指标表没有分值列，各行没有可计的分值）；报告填报99分（优）",
    ]);
    const json = JSON.parse((await run("score", "fixtures/reports/seed-001.json", "--json")).out) as {
      withheld?: string;
      schemeReason: string;
    };
    expect(json.withheld).toBe("指标表没有分值列，各行没有可计的分值");
    expect(json.schemeReason).toBe("报告指定的评分方案");
  });

  it("explain: no list of lost points for a total that is not computed", async () => {
    const r = await run("explain", "fixtures/reports/seed-001.json");
    expect(r.out.trim().split("\n").at(-1)).toBe(
      "按规则不计算总分：指标表没有分值列，各行没有可计的分值。请先补充各行的分值和得分，再看失分原因。",
    );
  });

  it("a scored report is unchanged: seed 000 still 92.71", async () => {
    const r = await run("score", "fixtures/reports/seed-000.json");
    expect(r.out).toContain("按规则得分：92.71分（优）；报告填报96分（优）");
  });
});
