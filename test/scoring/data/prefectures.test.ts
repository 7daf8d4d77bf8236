import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../../src/core/report.ts";
import { provincesOfPrefectures } from "../../../src/scoring/data/prefectures.ts";
import { guessScheme } from "../../../src/scoring/guess-scheme.ts";
import { installedSchemes } from "../../../src/services/scheme-files.ts";

describe("provincesOfPrefectures", () => {
  it("ties a city or prefecture named as a division to its province", () => {
    expect([...provincesOfPrefectures("长沙市雨花区发展和改革局")]).toEqual(["湖南"]);
    expect([...provincesOfPrefectures("红河州数据发展中心")]).toEqual(["云南"]);
    expect([...provincesOfPrefectures("恩施土家族苗族自治州财政局")]).toEqual(["湖北"]);
    expect([...provincesOfPrefectures("神农架林区林业管理局")]).toEqual(["湖北"]);
  });

  it("names none for a city's name used as a word or a district", () => {
    expect([...provincesOfPrefectures("北京市朝阳区中山路街道办事处")]).toEqual([]);
    expect([...provincesOfPrefectures("南县财政局")]).toEqual([]);
  });
});

describe("guessScheme with a unit named by its city", () => {
  const schemes = installedSchemes();
  if (!schemes.ok) throw new Error(schemes.error.message);
  const report = (unit: string) =>
    ReportSchema.parse({ kind: "department", unit: { name: unit }, year: 2022, budget: {}, indicators: [] });

  it("scores a 长沙 district's department report under 湖南's scheme, and says why", () => {
    const guess = guessScheme(report("长沙市雨花区发展和改革局"), "", schemes.value);
    expect([guess?.scheme.id, guess?.reason, guess?.fitted]).toEqual([
      "hunan-department",
      "单位所在的市州属于湖南",
      true,
    ]);
  });

  it("a city named only in the body text (a visit, a comparison) does not choose the scheme", () => {
    const guess = guessScheme(report("某县财政局"), "赴长沙市学习考察", schemes.value);
    expect(guess?.fitted).toBe(false);
  });
});
