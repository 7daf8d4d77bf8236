import { describe, expect, it } from "vitest";
import { mergeIndicators } from "../../src/conversation/indicator-merge.ts";
import type { Json } from "../../src/conversation/patch.ts";

const row = (name: string, actual: string): Json => ({ name, target: "≥95%", actual, weight: 5, score: 5 });
const SAVED: Json = [
  {
    name: "产出指标",
    groups: [{ name: "质量指标", indicators: [row("验收通过率", "100%"), row("设备完好率", "99%")] }],
  },
  { name: "效益指标", groups: [{ name: "社会效益指标", indicators: [row("群众满意度", "95%")] }] },
];

describe("mergeIndicators: a second paste adds to or updates the first", () => {
  it("a first paste is taken as it is", () => {
    const got = mergeIndicators(undefined, SAVED);
    expect([got.before, got.added, got.updated, got.kept]).toEqual([
      0,
      ["验收通过率", "设备完好率", "群众满意度"],
      [],
      0,
    ]);
    expect(got.blocks).toEqual(SAVED);
  });

  it("a row is matched by name within its block; a same-named row of another block is a new row", () => {
    const pasted: Json = [
      { name: "效益指标", groups: [{ name: "社会效益指标", indicators: [row("验收通过率", "90%")] }] },
    ];
    const got = mergeIndicators(SAVED, pasted);
    expect([got.added, got.updated, got.kept]).toEqual([["验收通过率"], [], 3]);
  });

  it("rows pasted without their 一级指标 update the saved row of that name in any block", () => {
    const pasted: Json = [{ groups: [{ indicators: [row("群众满意度", "97%"), row("设备完好率", "99%")] }] }];
    const got = mergeIndicators(SAVED, pasted);
    expect([got.added, got.updated, got.kept]).toEqual([[], ["群众满意度"], 1]);
    expect(got.blocks).toEqual([
      (SAVED as Json[])[0],
      { name: "效益指标", groups: [{ name: "社会效益指标", indicators: [row("群众满意度", "97%")] }] },
    ]);
  });

  it("a new 二级指标 and a new 一级指标 are added after the saved ones", () => {
    const pasted: Json = [
      { name: "产出指标", groups: [{ name: "时效指标", indicators: [row("按时完成率", "100%")] }] },
      {
        name: "满意度指标",
        weight: 10,
        groups: [{ name: "服务对象满意度", indicators: [row("使用单位满意度", "96%")] }],
      },
    ];
    const got = mergeIndicators(SAVED, pasted);
    expect(got.blocks).toEqual([
      {
        name: "产出指标",
        groups: [
          { name: "质量指标", indicators: [row("验收通过率", "100%"), row("设备完好率", "99%")] },
          { name: "时效指标", indicators: [row("按时完成率", "100%")] },
        ],
      },
      { name: "效益指标", groups: [{ name: "社会效益指标", indicators: [row("群众满意度", "95%")] }] },
      {
        name: "满意度指标",
        weight: 10,
        groups: [{ name: "服务对象满意度", indicators: [row("使用单位满意度", "96%")] }],
      },
    ]);
    expect([got.added.length, got.updated.length, got.kept]).toEqual([2, 0, 3]);
  });
});
