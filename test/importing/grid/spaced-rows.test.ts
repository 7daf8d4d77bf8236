import { describe, expect, it } from "vitest";
import { splitSpacedRows, splitSpacedValues } from "../../../src/importing/grid/spaced-rows.ts";
import type { ValueColumn } from "../../../src/importing/tables/indicator-row-split.ts";

const columns: ValueColumn[] = [
  { index: 3, role: "target", kind: "value", optional: false },
  { index: 4, role: "actual", kind: "value", optional: false },
  { index: 5, role: "weight", kind: "points", optional: false },
  { index: 6, role: "score", kind: "points", optional: false },
];
const scoreNotAboveWeight = (v: readonly string[]) => Number(v[3]) <= Number(v[2]);

describe("splitSpacedRows", () => {
  it("reads whole rows of a name and one value per column", () => {
    expect(
      splitSpacedRows("完成数 ≥50个 50 8 8 合规性 符合规定 达成预期指标 10 9", columns, scoreNotAboveWeight),
    ).toEqual([
      { name: "完成数", values: ["≥50个", "50", "8", "8"] },
      { name: "合规性", values: ["符合规定", "达成预期指标", "10", "9"] },
    ]);
  });

  it("reads nothing when the words are not whole rows, a 分值 is no number, or 得分 exceeds 分值", () => {
    expect(splitSpacedRows("完成数 ≥50个 50 8", columns, scoreNotAboveWeight)).toBeNull();
    expect(splitSpacedRows("完成数 ≥50个 50 八 8", columns, scoreNotAboveWeight)).toBeNull();
    expect(splitSpacedRows("完成数 ≥50个 50 8 9", columns, scoreNotAboveWeight)).toBeNull();
  });
});

describe("splitSpacedValues", () => {
  const kinds = ["amount", "amount", "amount", "points", "rate", "points"] as const;
  it("reads one word per column, a bare 0 as a rate and a dash as a blank cell", () => {
    expect(splitSpacedValues("0 0 0 10 0 0", kinds)).toEqual(["0", "0", "0", "10", "0", "0"]);
    expect(splitSpacedValues("90 89.974 89.974 — 99.97% —", kinds)).toEqual([
      "90",
      "89.974",
      "89.974",
      "",
      "99.97%",
      "",
    ]);
  });

  it("reads nothing when a column has no word or a word is not of its column's kind", () => {
    expect(splitSpacedValues("90 89.974 89.974", kinds)).toBeNull();
    expect(splitSpacedValues("90 89.974 89.974 10 99.97 10", kinds)).toBeNull();
  });
});
