import { describe, expect, it } from "vitest";
import { checkClaims } from "../../src/drafting/claims.ts";
import type { Fact, FactSheet, FactUnit } from "../../src/drafting/draft-types.ts";

function fact(key: string, value: number, unit: FactUnit): Fact {
  return { key, label: key, value, unit, text: `${value}${unit}`, derived: false };
}

/** Seed 000's score by the rules: 92.71分, 优; the report itself claimed 96分; the output block lost nothing. */
const sheet: FactSheet = {
  facts: [
    fact("score.total", 92.71, "分"),
    fact("score.reported", 96, "分"),
    fact("block.output.weight", 40, "分"),
    fact("block.output.lost", 0, "分"),
    fact("block.outcome.lost", 6, "分"),
  ],
  missing: [],
  grade: "优",
};
/** The same report when no block or indicator scored its full weight, and its report claimed 100分. */
const noFull: FactSheet = {
  facts: [
    fact("score.total", 92.71, "分"),
    fact("score.reported", 100, "分"),
    fact("block.output.lost", 2, "分"),
  ],
  missing: [],
  grade: "优",
};
const texts = (text: string, s: FactSheet = sheet) => checkClaims(text, s).map((c) => c.text);

describe("checkClaims", () => {
  it("refuses 满分 for the whole report when the rules' total is 92.71, naming the total", () => {
    expect(checkClaims("经自评，本单位自评得分为满分。", sheet)).toEqual([
      {
        text: "满分",
        reason:
          "“本单位自评得分为满分”称总得分为满分，但按评分规则总得分是92.71分：总分只能写[[score.total]]",
      },
    ]);
  });

  it("accepts 满分 for a block when some block scored its full weight, and refuses it when none did", () => {
    expect(texts("产出指标全部取得满分")).toEqual([]);
    expect(texts("产出指标全部取得满分", noFull)).toEqual(["满分"]);
  });

  it("accepts the absence of a full mark and the scale: 未达到满分, 满分100分, 满分为40分, 满分[[key]]", () => {
    expect(
      texts("预算执行率未达到满分，总分满分100分，产出满分为40分，可得满分[[block.output.weight]]", noFull),
    ).toEqual([]);
  });

  it("refuses 100分 as a score unless a fact by the rules is 100; the report's own 100 does not count", () => {
    expect(texts("本单位得分100分", noFull)).toEqual(["100分"]);
    expect(texts("按百分制，满分100分，总分值100分", noFull)).toEqual([]);
    expect(texts("本单位得分100分", { ...noFull, facts: [fact("score.total", 100, "分")] })).toEqual([]);
  });

  it("accepts the rules' grade and refuses any other, however written", () => {
    expect(texts("评价等级为“优”，自评结果为优秀")).toEqual([]);
    expect(checkClaims("自评等级为良。", sheet)).toEqual([
      { text: "等级为良", reason: "“等级为良”与按评分规则的等级“优”不符：等级只能写“优”" },
    ]);
    expect(texts("评定为良好，考核结果：差", sheet)).toEqual(["评定为良好", "考核结果：差"]);
  });

  it("does not read a grade into ordinary words: 评定中, 等级划分, 中期", () => {
    expect(texts("评价工作正在评定中期安排，等级划分按办法执行")).toEqual([]);
  });

  it("refuses every ranking: 排名第1, 位居全省第三名, 名列前茅, 第2名", () => {
    expect(texts("绩效排名第1；位居全省第三名；名列前茅；获第2名")).toEqual([
      "排名第1",
      "位居全省第三名",
      "名列前茅",
      "第2名",
    ]);
  });

  it("refuses every multiple: 两倍, 提升3倍, 1.5倍, 翻番, 翻了一番", () => {
    expect(texts("服务人数是上年的两倍；效率提升3倍；达1.5倍；收入翻番，规模翻了一番")).toEqual([
      "两倍",
      "3倍",
      "1.5倍",
      "翻番",
      "翻了一番",
    ]);
  });
});
