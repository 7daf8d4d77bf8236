import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScheme } from "../../src/scoring/scheme-registry.ts";
import { rawScheme, SCHEME_DIR } from "./build-report.ts";

type Raw = Record<string, unknown>;
const files = readdirSync(SCHEME_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();

/** The error message of a rejected scheme (fails the test when the scheme is accepted). */
function rejection(data: unknown): string {
  const r = parseScheme(data, "test.json");
  if (r.ok) throw new Error("scheme was accepted but should have been rejected");
  expect(r.error.code).toBe("scheme.invalid");
  return r.error.message;
}

function henan(vary: (raw: Raw) => void): Raw {
  const raw = rawScheme();
  vary(raw);
  return raw;
}

const blocksOf = (raw: Raw) => raw.blocks as Raw[];

describe("installed schemes", () => {
  it("include the four known schemes", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "cn-2020-project-default.json",
        "henan-zhengzhou-district-department.json",
        "hunan-department.json",
        "hunan-project.json",
      ]),
    );
  });

  it.each(files)("%s parses, its id is its file name and its block weights add to 100", (file) => {
    const r = parseScheme(JSON.parse(readFileSync(join(SCHEME_DIR, file), "utf8")), file);
    expect(r.ok ? "" : r.error.message).toBe("");
    if (!r.ok) return;
    expect(`${r.value.id}.json`).toBe(file);
    expect(r.value.blocks.reduce((a, b) => a + b.weight, 0)).toBe(100);
    expect(Object.keys(r.value.qualitative.bands).sort()).toEqual(["未达成", "达成", "部分达成"].sort());
  });
});

describe("invalid schemes are rejected with the field named", () => {
  it("block weights summing to 90 → 合计应为100", () => {
    const message = rejection(
      henan((raw) => {
        const output = blocksOf(raw)[2] as Raw;
        output.weight = 30; // 10 + 20 + 30 + 30 = 90
      }),
    );
    expect(message).toContain("合计应为100");
    expect(message).toContain("90");
  });

  it('blocks[0].weight: "10" → names blocks[0].weight', () => {
    const message = rejection(
      henan((raw) => {
        (blocksOf(raw)[0] as Raw).weight = "10";
      }),
    );
    expect(message).toContain("blocks[0].weight");
  });

  it("a missing qualitative band → names 部分达成", () => {
    const message = rejection(
      henan((raw) => {
        const bands = (raw.qualitative as Raw).bands as Raw;
        delete bands.部分达成;
      }),
    );
    expect(message).toContain("部分达成");
  });

  const namedFields: Array<[string, (raw: Raw) => void, string]> = [
    [
      "an unknown budgetExecution.method",
      (raw) => Object.assign(raw.budgetExecution as Raw, { method: "linear" }),
      "budgetExecution.method",
    ],
    [
      "method thresholds without thresholds",
      (raw) => Object.assign(raw.budgetExecution as Raw, { method: "thresholds" }),
      "budgetExecution.thresholds",
    ],
    [
      "an unknown reverse rule",
      (raw) => Object.assign(raw.quantitative as Raw, { reverse: "half" }),
      "quantitative.reverse",
    ],
  ];

  it.each(namedFields)("%s → the message names the field", (_name, vary, field) => {
    expect(rejection(henan(vary))).toContain(field);
  });

  it("a band with min above max is rejected", () => {
    const message = rejection(
      henan((raw) => {
        const bands = (raw.qualitative as Raw).bands as Raw;
        bands.达成 = { min: 90, max: 80 };
      }),
    );
    expect(message).toContain("qualitative.bands.达成");
  });

  it("the unmodified Henan scheme is accepted (the rejections above come from the edits)", () => {
    const r = parseScheme(rawScheme(), "henan");
    expect(r.ok).toBe(true);
  });
});
