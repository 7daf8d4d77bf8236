import { describe, expect, it } from "vitest";
import { correctScheme, SCHEME_WORDS } from "../../src/conversation/scheme-correction.ts";
import type { Scheme } from "../../src/scoring/scheme.ts";
import { loadScheme } from "../../src/services/scheme-files.ts";

function installed(...ids: string[]): Scheme[] {
  return ids.map((id) => {
    const r = loadScheme(id);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
}

const schemes = installed("cn-2020-project-default", "fujian-project");
const doc = {
  unit: { name: "宁德市数字宁德建设办公室", region: "福建省宁德市" },
  kind: "project",
  schemeId: "fujian-project",
};

describe("把评分办法改成… (issue 15: changing the scheme at any time)", () => {
  it.each([
    ["按本表结构", "table-structure", "评分办法：改为《按本表结构（报告自身的一级指标和分值）》"],
    [
      "全国默认",
      "cn-2020-project-default",
      "评分办法：改为《财预〔2020〕10号 项目支出绩效自评（全国默认）》",
    ],
    ["福建", "fujian-project", "评分办法本来就是《福建 项目支出绩效自评（投入/过程/产出与效益）》，未改动"],
  ])("%s → %s", (value, id, summary) => {
    const r = correctScheme(doc, value, schemes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.summary).toBe(summary);
    expect(r.value.changes.map((c) => c.after)).toEqual(id === "fujian-project" ? [] : [id]);
  });

  it("an unknown name lists the choices and changes nothing", () => {
    const r = correctScheme(doc, "火星", schemes);
    expect(r.ok ? "" : r.error.message).toBe(
      "没有找到评分办法“火星”。可以改成：福建 项目支出绩效自评（投入/过程/产出与效益）、财预〔2020〕10号 项目支出绩效自评（全国默认）、按本表结构、我来说一级指标和分值，例如：把评分办法改成按本表结构；或直接说一级指标和分值：投入20分，过程20分，产出40分，效益20分",
    );
  });

  it("the words that name the scheme in a correction", () => {
    expect(["评分办法", "评分方案", "方案"].every((w) => SCHEME_WORDS.test(w))).toBe(true);
    expect(SCHEME_WORDS.test("预算执行数")).toBe(false);
  });
});

describe("a question naming a region names its scheme (issue 15)", () => {
  it("能按我们安徽的办法算吗？ → the Anhui project scheme; a region with no scheme → none", async () => {
    const { schemeOfRegionNamed } = await import("../../src/conversation/scheme-choice.ts");
    const all = installed("cn-2020-project-default", "anhui-project", "hunan-project", "hunan-department");
    expect(schemeOfRegionNamed("能按我们安徽的办法算吗？", "project", all)?.id).toBe("anhui-project");
    expect(schemeOfRegionNamed("用湖南的评分办法行不行？", "department", all)?.id).toBe("hunan-department");
    expect(schemeOfRegionNamed("我们是甘肃的，能按我们的算吗？", "project", all)).toBeUndefined();
    expect(schemeOfRegionNamed("能按全国的算吗？", "project", all)).toBeUndefined();
  });
});
