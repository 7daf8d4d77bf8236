import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/core/report.ts";
import { score } from "../../src/scoring/score.ts";
import { loadScheme } from "../../src/services/scheme-files.ts";

const scheme = loadScheme("cn-2020-project-default");

function rowsScored(rows: Array<{ name: string; target: string; actual: string }>) {
  if (!scheme.ok) throw new Error(scheme.error.message);
  const report = ReportSchema.parse({
    kind: "project",
    unit: { name: "重庆科学城融媒体中心" },
    year: 2021,
    indicators: [
      {
        name: "产出指标",
        groups: [{ name: "数量指标", indicators: rows.map((r) => ({ ...r, weight: 2, score: 2 })) }],
      },
    ],
  });
  const card = score(report, scheme.value);
  const block = card.blocks.find((b) => b.name === "产出指标");
  return {
    rows: block?.indicators.map((r) => [r.name, r.rule, r.points]),
    codes: card.findings.filter((f) => f.where.label.startsWith("产出指标")).map((f) => f.code),
    unmetFull: card.findings.filter((f) => f.code === "score.unmet_full").map((f) => f.where.label),
  };
}

describe("rates that are lower-is-better by name, when the table writes no ≤", () => {
  it("控制率 below its target is met (92% of 100%), above it is proportional (2 × 100 ÷ 105 = 1.9)", () => {
    const out = rowsScored([
      { name: "财政供养人员控制率", target: "100%", actual: "92%" },
      { name: "公用经费控制率", target: "100%", actual: "105%" },
      { name: "预算调整率", target: "3%", actual: "0" },
    ]);
    expect(out.rows).toEqual([
      ["财政供养人员控制率", "reverse.met", 2],
      ["公用经费控制率", "reverse.proportional", 1.9],
      ["预算调整率", "reverse.met", 2],
    ]);
    // Only the row above its ceiling scored full is wrong.
    expect(out.unmetFull).toEqual(["产出指标 / 数量指标 / 公用经费控制率"]);
  });

  it("other rates stay higher-is-better: 政府采购执行率 72.74% of 100% is 2 × 0.7274 = 1.45", () => {
    const out = rowsScored([{ name: "政府采购执行率", target: "100%", actual: "72.74%" }]);
    expect(out.rows).toEqual([["政府采购执行率", "quantitative.proportional", 1.45]]);
    expect(out.codes).toContain("score.unmet_full");
  });
});
