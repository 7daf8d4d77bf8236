import { describe, expect, it } from "vitest";
import { hasPending, orPending, pending } from "../../src/drafting/pending.ts";

describe("pending markers", () => {
  it("names what is missing, or is bare when nothing is named", () => {
    expect(pending("主管部门")).toBe("〔待补充：主管部门〕");
    expect(pending("  ")).toBe("〔待补充〕");
  });

  it("fills a blank field with the marker and keeps a given one trimmed", () => {
    expect(orPending(undefined, "实际完成值")).toBe("〔待补充：实际完成值〕");
    expect(orPending(" ", "实际完成值")).toBe("〔待补充：实际完成值〕");
    expect(orPending(" 59人 ", "实际完成值")).toBe("59人");
  });

  it("tells a text holding a marker from one without", () => {
    expect(hasPending("年度总体目标：〔待补充：年度总体目标〕")).toBe(true);
    expect(hasPending("没有标记的句子。")).toBe(false);
  });
});
