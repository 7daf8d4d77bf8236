import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/core/report.ts";
import { SchemeSchema } from "../../src/scoring/scheme.ts";
import { score } from "../../src/scoring/score.ts";
import { resolveScheme, tableScheme } from "../../src/scoring/table-scheme.ts";
import { metRow, rawScheme } from "./build-report.ts";

const national = SchemeSchema.parse(rawScheme("cn-2020-project-default"));

function report(blocks: unknown[], budget: Record<string, unknown> = {}) {
  return ReportSchema.parse({
    kind: "department",
    unit: { name: "测试局" },
    year: 2021,
    budget,
    indicators: blocks,
  });
}

describe("按本表结构: the scheme a report's own table sets", () => {
  const decision = {
    name: "决策指标",
    weight: 20,
    groups: [{ name: "目标设定", indicators: [metRow("目标明确性", 20)] }],
  };
  const output = {
    name: "产出指标",
    groups: [
      {
        name: "数量指标",
        indicators: [metRow("甲", 30), { name: "乙", target: "≥100件", actual: "80件", weight: 40 }],
      },
    ],
  };

  it("its blocks and weights (a heading's, else its rows' sum), the budget block when the budget row has a 分值", () => {
    const own = tableScheme(
      report([decision, output], { adjusted: "100万元", executed: "90万元", weight: 10 }),
      national,
    );
    expect(own?.blocks.map((b) => [b.id, b.name, b.weight, b.source])).toEqual([
      ["budget", "预算执行率", 10, "budget"],
      ["table_a", "决策指标", 20, "indicators"],
      ["table_b", "产出指标", 70, "indicators"],
    ]);
    expect(own?.kind).toBe("department");
    expect(own?.template).toBeUndefined();
    expect(own?.name).toBe("按本表结构");
    // 10 × 90% = 9; 决策 20; 产出 30 + 40 × 80 ÷ 100 = 62: 91.
    const r = report([decision, output], { adjusted: "100万元", executed: "90万元", weight: 10 });
    if (own === undefined) throw new Error("no table scheme");
    expect(score(r, own).total).toBe(91);
  });

  it("a table totalling 90 with budget figures but no budget 分值: the remaining 10 points go to 预算执行率", () => {
    const r = report([decision, output], { adjusted: "100万元", executed: "90万元" });
    const own = tableScheme(r, national);
    expect(own?.blocks.map((b) => [b.id, b.name, b.weight, b.source])).toEqual([
      ["budget", "预算执行率", 10, "budget"],
      ["table_a", "决策指标", 20, "indicators"],
      ["table_b", "产出指标", 70, "indicators"],
    ]);
    expect(own?.basis).toBe(
      "报告自身指标表的一级指标和分值（预算执行率10分、决策指标20分、产出指标70分）；预算执行率10分：指标表合计90分，余下的10分按预算执行率计；各行按报告所列评分标准，未列评分标准的行按财预〔2020〕10号的通用规则（未达到指标值按完成比例计分，定性指标按完成档次评分）",
    );
    if (own === undefined) throw new Error("no table scheme");
    // 10 × 90% = 9; 决策 20; 产出 30 + 40 × 80 ÷ 100 = 62: 91 of 100.
    expect(score(r, own).total).toBe(91);
  });

  it("no remainder block when the table already totals 100, or when the budget figures are missing", () => {
    const full = {
      ...decision,
      weight: 30,
      groups: [{ name: "目标设定", indicators: [metRow("目标明确性", 30)] }],
    };
    const hundred = tableScheme(
      report([full, output], { adjusted: "100万元", executed: "90万元" }),
      national,
    );
    expect(hundred?.blocks.map((b) => [b.name, b.weight])).toEqual([
      ["决策指标", 30],
      ["产出指标", 70],
    ]);
    expect(hundred?.basis.includes("余下")).toBe(false);
    const noExecuted = tableScheme(report([decision, output], { adjusted: "100万元" }), national);
    expect(noExecuted?.blocks.map((b) => [b.name, b.weight])).toEqual([
      ["决策指标", 20],
      ["产出指标", 70],
    ]);
  });

  it("no scheme when a block has neither a heading weight nor weighted rows", () => {
    const bare = {
      name: "效益指标",
      groups: [{ name: "社会效益", indicators: [{ name: "丙", target: "好", actual: "好" }] }],
    };
    expect(tableScheme(report([decision, bare]), national)).toBeUndefined();
    expect(resolveScheme("table", report([decision, bare]), [national])).toBeUndefined();
    expect(resolveScheme("按本表结构", report([decision]), [national])?.id).toBe("table-structure");
    expect(resolveScheme("cn-2020-project-default", report([decision]), [national])?.id).toBe(
      "cn-2020-project-default",
    );
  });
});

describe("a table whose own weights match no installed scheme is scored by its own structure", () => {
  it("投入20/过程20/产出30/效果30 (names of the 2013 framework, weights of none) → 按本表结构, with why", async () => {
    const { guessScheme } = await import("../../src/scoring/guess-scheme.ts");
    const { installedSchemes } = await import("../../src/services/scheme-files.ts");
    const all = installedSchemes();
    if (!all.ok) throw new Error(all.error.message);
    const block = (name: string, weight: number) => ({
      name,
      weight,
      groups: [{ name: `${name}·二级`, indicators: [metRow(`${name}行`, weight)] }],
    });
    const r = ReportSchema.parse({
      kind: "project",
      unit: { name: "测试中心" },
      year: 2016,
      budget: {},
      indicators: [block("投入", 20), block("过程", 20), block("产出", 30), block("效果", 30)],
    });
    const guess = guessScheme(r, "", all.value);
    expect(guess?.scheme.id).toBe("table-structure");
    expect(guess?.reason).toBe(
      "已安装的评分办法都与报告对不上（报告的一级指标为投入、过程、产出、效果，地区也无从判断），按本表结构计分：投入20分、过程20分、产出30分、效果30分；可用 --scheme 指定本地区的评分办法",
    );
    if (guess === undefined) throw new Error("no guess");
    expect(score(r, guess.scheme).total).toBe(100);
  });
});
