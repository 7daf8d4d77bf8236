import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/core/report.ts";
import { SchemeSchema } from "../../src/scoring/scheme.ts";
import { score } from "../../src/scoring/score.ts";
import { announcesStatedBlocks, readStatedBlocks } from "../../src/scoring/stated-scheme.ts";
import { resolveScheme } from "../../src/scoring/table-scheme.ts";
import { metRow, rawScheme } from "./build-report.ts";

const national = SchemeSchema.parse(rawScheme("cn-2020-project-default"));

describe("我来说一级指标和分值: the blocks an officer states in the chat (issue 15)", () => {
  it.each([
    ["投入20分，过程20分，产出40分，效益20分", "投入20 过程20 产出40 效益20"],
    ["一级指标：决策20分、过程20分、产出40分、效益20分。", "决策20 过程20 产出40 效益20"],
    ["我来说一级指标和分值：投入30分，过程30分，产出与效益40分", "投入30 过程30 产出与效益40"],
    ["产出指标（50分）；效益指标（30分）；满意度指标（20分）", "产出指标50 效益指标30 满意度指标20"],
    [
      "预算执行率10分，产出指标50，效益指标30，满意度指标10",
      "预算执行率10 产出指标50 效益指标30 满意度指标10",
    ],
    ["投入二十分，过程二十分，产出六十分", "投入20 过程20 产出60"],
    ["我们的一级指标是投入 20 分\n过程 20 分\n产出 40 分\n效益 20 分", "投入20 过程20 产出40 效益20"],
  ])("%s", (text, blocks) => {
    const r = readStatedBlocks(text);
    if (r === null || !r.ok) throw new Error(r === null ? "not read" : r.error.message);
    expect(r.value.map((b) => `${b.name}${b.weight}`).join(" ")).toBe(blocks);
  });

  it.each([
    ["投入20分", "one block is not a scheme"],
    ["自评得分96分，等级优", "a claimed score"],
    ["年初预算50万，执行50万", "budget figures"],
    ["我来说一级指标和分值", "the announcement alone"],
    ["宁德市数字宁德建设办公室", "a unit name"],
  ])("%s is not a list of blocks (%s)", (text) => {
    expect(readStatedBlocks(text)).toBeNull();
  });

  it("blocks that do not add up to 100, or a repeated block, are refused with the sum and an example", () => {
    const short = readStatedBlocks("决策20分，过程20分，产出30分，效益20分");
    expect(short?.ok === false ? short.error.message : "").toBe(
      "这些一级指标的分值合计90分，不是100分（决策20分、过程20分、产出30分、效益20分）。请重说一遍，合计100分，例如：投入20分，过程20分，产出40分，效益20分",
    );
    const twice = readStatedBlocks("产出50分，产出30分，效益20分");
    expect(twice?.ok === false ? twice.error.message : "").toBe(
      "一级指标“产出”说了两次。请每个一级指标说一次，例如：投入20分，过程20分，产出40分，效益20分",
    );
  });

  it("the announcement is recognised in its usual wordings", () => {
    for (const t of [
      "我来说一级指标和分值",
      "我自己说一级指标",
      "按我说的一级指标和分值",
      "那我来说一级指标和权重吧",
    ])
      expect(announcesStatedBlocks(t)).toBe(true);
    expect(announcesStatedBlocks("一级指标是投入20分")).toBe(false);
  });

  it("scores by the stated blocks: 产出 matches the table's 产出指标; budget 10 × 90% + 20 + (30 + 40 × 80%) = 91", () => {
    const report = ReportSchema.parse({
      kind: "project",
      unit: { name: "测试局" },
      project: "测试项目",
      year: 2021,
      schemeId: "officer-stated",
      schemeBlocks: [
        { name: "预算执行率", weight: 10 },
        { name: "决策", weight: 20 },
        { name: "产出", weight: 70 },
      ],
      budget: { adjusted: "100万元", executed: "90万元" },
      indicators: [
        { name: "决策指标", groups: [{ name: "目标设定", indicators: [metRow("目标明确性", 20)] }] },
        {
          name: "产出指标",
          groups: [
            {
              name: "数量指标",
              indicators: [metRow("甲", 30), { name: "乙", target: "≥100件", actual: "80件", weight: 40 }],
            },
          ],
        },
      ],
    });
    const scheme = resolveScheme("officer-stated", report, [national]);
    if (scheme === undefined) throw new Error("no stated scheme");
    expect(scheme.name).toBe("填报人说明的一级指标和分值");
    expect(scheme.blocks.map((b) => [b.id, b.name, b.weight, b.source])).toEqual([
      ["budget", "预算执行率", 10, "budget"],
      ["table_a", "决策", 20, "indicators"],
      ["table_b", "产出", 70, "indicators"],
    ]);
    const card = score(report, scheme);
    expect(card.blocks.map((b) => [b.name, b.points])).toEqual([
      ["预算执行率", 9],
      ["决策", 20],
      ["产出", 62],
    ]);
    expect(card.total).toBe(91);
    expect(
      resolveScheme("officer-stated", { ...report, schemeBlocks: undefined }, [national]),
    ).toBeUndefined();
  });
});

describe("readStatedBlocks keeps the text between pairs in one pass (issue 16)", () => {
  it("separators only between the pairs: read; any other word left: not a list", () => {
    expect(readStatedBlocks("投入20分，过程20分；产出40分 和 效益20分。")).toEqual({
      ok: true,
      value: [
        { name: "投入", weight: 20 },
        { name: "过程", weight: 20 },
        { name: "产出", weight: 40 },
        { name: "效益", weight: 20 },
      ],
    });
    expect(readStatedBlocks("投入20分，过程20分，产出40分，效益20分，其他")).toBeNull();
  });
});
