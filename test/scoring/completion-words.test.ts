import { describe, expect, it } from "vitest";
import { inferCompletion } from "../../src/scoring/completion.ts";

describe("completion bands from the words officers write", () => {
  it.each([
    ["基本健全", "健全", "部分达成"],
    ["较规范", "规范", "部分达成"],
    ["基本合规", "合规", "部分达成"],
    ["达成预期指标", "严格执行相关制度规定", "达成"],
    ["完成年度目标", "完成", "达成"],
    ["基本", "健全", "部分达成"],
    ["较差", "健全", undefined],
    ["基本上没有", "健全", undefined],
  ])("%s (target %s) → %s", (actual, target, band) => {
    expect(inferCompletion(actual, target)).toBe(band);
  });
});
