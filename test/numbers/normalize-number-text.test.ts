import { describe, expect, it } from "vitest";
import { normalizeNumberText } from "../../src/numbers/normalize-number-text.ts";

describe("normalizeNumberText", () => {
  it.each([
    [" ≥ 99 % ", "≥99%"],
    ["１　２３４．５", "1 234.5"],
    ["1 234", "1 234"],
    ["不少于12 种", "不少于12种"],
    ["95.\n\n10%", "95.10%"],
    ["＞０", ">0"],
  ])("%j → %j", (text, normalized) => {
    expect(normalizeNumberText(text)).toBe(normalized);
  });

  it("keeps one space per whitespace run between digits on a long input", () => {
    const text = "1 \t 2".repeat(50000);
    const out = normalizeNumberText(text);
    expect(out.length).toBe(50000 * 3);
    expect(out.slice(0, 7)).toBe("1 21 21");
  });
});
