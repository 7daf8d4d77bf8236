import { describe, expect, it } from "vitest";
import { cleanFigures } from "../../../src/importing/files/ocr-figures.ts";

/** Characters read with confidence 1, except those listed as [index, confidence]. */
function read(text: string, unsure: Array<[number, number]> = []) {
  const chars = [...text].map((t) => ({ text: t, confidence: 1 }));
  for (const [i, c] of unsure) (chars[i] as { confidence: number }).confidence = c;
  return chars;
}

describe("cleanFigures", () => {
  it("keeps clean figures as read: amounts with thousands commas, decimals and percentages", () => {
    expect(cleanFigures(read("预算数1,234.56万元，执行率97.5%，共3项"))).toEqual({
      text: "预算数1,234.56万元，执行率97.5%，共3项",
      unclear: [],
    });
  });

  it("marks a figure holding a letter that looks like a digit unreadable, never corrected", () => {
    expect(cleanFigures(read("执行数1O5.2万元"))).toEqual({
      text: "执行数\uFFFD万元",
      unclear: [{ seen: "1O5.2", why: "数字中夹有形似数字的字母“O”" }],
    });
  });

  it("marks a figure with an unsure digit unreadable and says how sure the engine was", () => {
    expect(cleanFigures(read("43.3 343.3", [[5, 0.74]]))).toEqual({
      text: "43.3 \uFFFD",
      unclear: [{ seen: "343.3", why: "“3”识别把握不足（74%，需 90% 以上）" }],
    });
  });

  it("marks two table cells read as one figure unreadable", () => {
    expect(cleanFigures(read("8.068.06完成 95%100"))).toEqual({
      text: "\uFFFD完成 \uFFFD",
      unclear: [
        { seen: "8.068.06", why: "有两个小数点，可能是相邻两格数字连在了一起" },
        { seen: "95%100", why: "百分号后还有数字，可能是相邻两格数字连在了一起" },
      ],
    });
  });

  it("leaves sentence punctuation, Latin codes and a misplaced comma's neighbours as they are", () => {
    expect(cleanFigures(read("1.推进5G和IPv6，共12,34项。"))).toEqual({
      text: "1.推进5G和IPv6，共\uFFFD项。",
      unclear: [{ seen: "12,34", why: "千分位逗号位置不对" }],
    });
  });
});
