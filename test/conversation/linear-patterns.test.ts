import { describe, expect, it } from "vitest";
import { splitShared } from "../../src/conversation/facts.ts";
import { AMOUNT, PERCENT } from "../../src/conversation/figure-leftovers.ts";

const OLD_SHARED = /^(.+?[和及与、].+?)(均为|都是|均是|皆为|同为)(.+)$/;
const OLD_AMOUNT = /[-+]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|万)/;
const OLD_PERCENT = /\d+(?:\.\d+)?\s*[%％]/;

describe("splitShared: labels sharing one value, in one pass (issue 16)", () => {
  it("splits at the first shared word after the first 和/及/与/、", () => {
    expect(splitShared("年初预算和调整后预算均为318.91万元")).toEqual([
      "年初预算和调整后预算",
      "均为",
      "318.91万元",
    ]);
    expect(splitShared("甲、乙都是丙均为丁")).toEqual(["甲、乙", "都是", "丙均为丁"]);
  });

  it("gives what the regular expression it replaces gives", () => {
    for (const clause of [
      "和乙均为1",
      "甲和均为1",
      "甲和乙均为",
      "甲和乙均为1",
      "甲乙均为1",
      "a与b同为c",
      "甲和乙\n均为1",
    ]) {
      const m = clause.match(OLD_SHARED);
      expect(splitShared(clause)).toEqual(m === null ? null : [m[1], m[2], m[3]]);
    }
  });

  it("reads a 30,000-character clause of 、 without a shared word as none", () => {
    expect(splitShared("预算和、".repeat(7_500))).toBeNull();
  });
});

describe("AMOUNT and PERCENT never start inside a run of digits (issue 16)", () => {
  it("find the same figure as before", () => {
    const texts = [
      "执行545.06万元",
      "3-5万",
      "1,234.5万",
      "a,5万",
      "1,,5万",
      "率97.5 %",
      "1.5.3%",
      "12%和8%",
    ];
    expect(texts.map((t) => t.match(AMOUNT)?.[0] ?? null)).toEqual(
      texts.map((t) => t.match(OLD_AMOUNT)?.[0] ?? null),
    );
    expect(texts.map((t) => t.match(PERCENT)?.[0] ?? null)).toEqual(
      texts.map((t) => t.match(OLD_PERCENT)?.[0] ?? null),
    );
    expect("执行545.06万元".match(AMOUNT)?.[0]).toBe("545.06万元");
    expect("率97.5 %".match(PERCENT)?.[0]).toBe("97.5 %");
  });

  it("find nothing in 30,000 digits with no unit", () => {
    expect("0".repeat(30_000).match(AMOUNT)).toBeNull();
    expect("1,".repeat(15_000).match(AMOUNT)).toBeNull();
    expect("0".repeat(30_000).match(PERCENT)).toBeNull();
  });
});
