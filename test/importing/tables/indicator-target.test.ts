import { describe, expect, it } from "vitest";
import { readTargetCells, type TargetPlace } from "../../../src/importing/tables/indicator-target.ts";

function place(reasons: string[]): TargetPlace {
  return { line: 12, targetColumn: "年初指标值", unitColumn: "计量单位", unread: (r) => reasons.push(r) };
}

describe("readTargetCells", () => {
  it.each<[target: string, unit: string, cells: ReturnType<typeof readTargetCells>]>([
    ["≥", "99%", { target: "≥99%", unit: "%" }],
    ["≥99", "%", { target: "≥99%", unit: "%" }],
    ["≥266米", "", { target: "≥266米" }],
    ["26次", "次", { target: "26次", unit: "次" }],
    ["26", "次", { target: "26", unit: "次" }],
    ["≥", "266米", { target: "≥266米" }],
    ["—", "次", { unit: "次" }],
    ["/", "", {}],
    ["无", "%", { unit: "%" }],
    ["显著提升", "", { target: "显著提升" }],
  ])("%j | %j", (target, unit, cells) => {
    expect(readTargetCells(target, unit)).toEqual(cells);
  });

  it("reads a target to reach with a count word: 服务人次达2万人次 → ≥20000 人次", () => {
    expect(readTargetCells("服务人次达2万人次", "")).toEqual({
      target: {
        kind: "quantitative",
        comparator: "≥",
        value: 20000,
        unit: "人次",
        text: "服务人次达2万人次",
      },
    });
  });

  it("keeps an unreadable target as written and reports it with the line, column and text", () => {
    const reasons: string[] = [];
    expect(readTargetCells("第O份", "份", place(reasons))).toEqual({ target: "第O份", unit: "份" });
    expect(reasons).toEqual(["第12行“年初指标值”列的“第O份”无法识别为数字（疑似扫描识别错误），未采用"]);
  });

  it("drops a 计量单位 garbled by scanning (tot扁) and reports it", () => {
    const reasons: string[] = [];
    expect(readTargetCells("2200篇", "tot扁", place(reasons))).toEqual({ target: "2200篇" });
    expect(reasons).toEqual(["第12行“计量单位”列的“tot扁”无法识别为单位（疑似扫描识别错误），未采用"]);
  });

  it("keeps units written in letters (Mbps, km) and reports nothing for readable cells", () => {
    const reasons: string[] = [];
    expect(readTargetCells("≥100", "Mbps", place(reasons))).toEqual({ target: "≥100", unit: "Mbps" });
    expect(readTargetCells("≥95%", "%", place(reasons))).toEqual({ target: "≥95%", unit: "%" });
    expect(reasons).toEqual([]);
  });
});
