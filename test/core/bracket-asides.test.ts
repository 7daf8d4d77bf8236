import { describe, expect, it } from "vitest";
import { removeBracketAsides } from "../../src/core/bracket-asides.ts";

describe("removeBracketAsides", () => {
  it("removes each aside up to the first closing bracket, like the regular expression it replaces", () => {
    expect(removeBracketAsides("项目12个（含1个结转项目）(另2个)共计")).toBe("项目12个共计");
    expect(removeBracketAsides("甲（乙（丙）丁）戊")).toBe("甲丁）戊");
    expect(removeBracketAsides("甲（乙（丙）丁）戊")).toBe(
      "甲（乙（丙）丁）戊".replace(/[（(][^）)]*[）)]/g, ""),
    );
  });

  it("keeps an opening bracket with no closing one, and the text after it", () => {
    expect(removeBracketAsides("甲（乙)丙（丁")).toBe("甲丙（丁");
    expect(removeBracketAsides("（（（")).toBe("（（（");
  });

  it("reads 30,000 opening brackets in one pass and keeps them all", () => {
    expect(removeBracketAsides("（".repeat(30_000))).toHaveLength(30_000);
  });
});
