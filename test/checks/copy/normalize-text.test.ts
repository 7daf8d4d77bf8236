import { describe, expect, it } from "vitest";
import { normalizeText, originalSpan } from "../../../src/checks/copy/normalize-text.ts";

describe("normalizeText", () => {
  it("keeps Chinese, letters and digits, half-width and lower-cased, with offsets into the original", () => {
    const original = "《预算法》第１２条：ＡＢｃ, 2021 年“优”。\t①Ⅻ";
    const n = normalizeText(original);
    expect(n.text).toBe("预算法第12条abc2021年优①ⅻ");
    expect(n.offsets).toEqual([1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 15, 16, 17, 18, 20, 22, 26, 27]);
    expect(n.text.length).toBe(n.offsets.length);
  });

  it("drops whitespace, Chinese and ASCII punctuation and symbols", () => {
    expect(normalizeText(" ，。、；：“”‘’（）《》【】〔〕!?,.;:()\"'≥≤%×…—\n").text).toBe("");
  });

  it("keeps a character outside the BMP as its two code units", () => {
    const n = normalizeText("甲𠀀乙");
    expect(n.text).toBe("甲𠀀乙");
    expect(n.offsets).toEqual([0, 1, 2, 3]);
  });

  it("maps a normalised range back to the original span from first to last kept character", () => {
    const original = "（一）部门，年度履职目标。";
    const n = normalizeText(original);
    expect(n.text).toBe("一部门年度履职目标");
    expect(originalSpan(n, 1, 5)).toEqual([3, 8]);
    expect(original.slice(3, 8)).toBe("部门，年度");
  });
});
