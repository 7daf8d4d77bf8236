import { describe, expect, it } from "vitest";
import { hanNumber, parenList, yiShi } from "../../src/drafting/chinese-ordinals.ts";

describe("chinese ordinals", () => {
  it("writes 1–99 in Chinese numerals", () => {
    expect([1, 9, 10, 11, 12, 20, 23, 99].map(hanNumber)).toEqual([
      "一",
      "九",
      "十",
      "十一",
      "十二",
      "二十",
      "二十三",
      "九十九",
    ]);
  });

  it("numbers paragraphs 一是/二是 and （一）/（二）", () => {
    expect(yiShi(["甲。", "乙。"])).toBe("一是甲。\n\n二是乙。");
    expect(parenList(["甲。", "乙。"])).toBe("（一）甲。\n\n（二）乙。");
  });
});
