import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Report, ReportSchema } from "../../src/core/report.ts";
import { pickScheme } from "../../src/services/pick-scheme.ts";
import { installedSchemes } from "../../src/services/scheme-files.ts";

const root = join(import.meta.dirname, "../..");
const seed = (name: string): Report =>
  ReportSchema.parse(JSON.parse(readFileSync(join(root, "fixtures/reports", `${name}.json`), "utf8")));
const installed = installedSchemes();
if (!installed.ok) throw new Error(installed.error.message);
const schemes = installed.value;

const picked = (report: Report, override?: string) => {
  const result = pickScheme(report, "", override, schemes);
  return result.ok
    ? [result.value.scheme.id, result.value.reason]
    : [result.error.code, result.error.message];
};

describe("pickScheme", () => {
  it("takes --scheme over the report's own schemeId", () => {
    expect(picked(seed("seed-000"), "hunan-department")).toEqual(["hunan-department", "--scheme 指定"]);
  });

  it("takes the report's own installed scheme", () => {
    expect(picked(seed("seed-000"))).toEqual(["henan-zhengzhou-district-department", "报告指定的评分方案"]);
  });

  it("reads a schemeId that is not installed as a scheme file, and says when it is not there", () => {
    const report = { ...seed("seed-000"), schemeId: "schemes/no-such.json" };
    const [code] = picked(report);
    expect(code).toBe("file.not_found");
  });

  it("guesses from the indicator table when the report names no scheme", () => {
    const { schemeId: _, ...report } = seed("seed-000");
    expect(picked(report as Report)[0]).toBe("henan-zhengzhou-district-department");
  });
});
