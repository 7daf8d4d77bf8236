import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding.ts";
import { officerSection } from "../../src/drafting/officer-text.ts";
import { draftInput, seedJson } from "./drafter-fixtures.ts";

const finding = (code: string, path: string): Finding => ({
  code,
  severity: "warn",
  where: { path, label: "测试" },
  message: "测试",
});

describe("officerSection on seed 000", () => {
  const input = draftInput(seedJson("seed-000"));
  const processText = input.report.narrative.find((s) => s.id === "process")?.text.trim();

  it("keeps the four-stage 工作开展情况 the officer wrote", () => {
    expect(officerSection(input, "process")).toEqual({ text: processText, substantive: true });
  });

  it("does not keep 问题和改进措施 answered 无 (narrative.empty and narrative.contradiction on it)", () => {
    expect(officerSection(input, "problems_measures")).toEqual({ text: "无", substantive: false });
  });

  it("does not keep 其他需要说明的问题 answered 无, although the checker lets 其他 be 无", () => {
    expect(officerSection(input, "other")).toEqual({ text: "无", substantive: false });
  });

  it("keeps 资金情况 whose only finding is a value.conflict (not a reason to rewrite)", () => {
    expect(officerSection(input, "funds")?.substantive).toBe(true);
  });

  it("returns undefined for a section the report does not have", () => {
    expect(officerSection(input, "assets")).toBeUndefined();
  });
});

describe("officerSection and the findings located on a section", () => {
  const input = draftInput(seedJson("seed-000"));
  // process is narrative[2] in seed 000.
  const withFinding = (f: Finding) => officerSection({ ...input, findings: [f] }, "process")?.substantive;

  it("rejects text with narrative.generic, narrative.contradiction or any copy.* finding at narrative[2]", () => {
    expect(withFinding(finding("narrative.generic", "narrative[2]"))).toBe(false);
    expect(withFinding(finding("narrative.contradiction", "narrative[2]"))).toBe(false);
    expect(withFinding(finding("copy.cross_report", "narrative[2]"))).toBe(false);
    expect(withFinding(finding("copy.foreign_agency", "narrative[2]"))).toBe(false);
  });

  it("rejects text with a finding at narrative.process (an answer not yet saved)", () => {
    expect(withFinding(finding("narrative.generic", "narrative.process"))).toBe(false);
  });

  it("ignores those findings on another section, and other codes on this one", () => {
    expect(withFinding(finding("narrative.generic", "narrative[12]"))).toBe(true);
    expect(withFinding(finding("narrative.duplicate", "narrative[2]"))).toBe(true);
    expect(withFinding(finding("year.mismatch", "narrative[2]"))).toBe(true);
  });
});
