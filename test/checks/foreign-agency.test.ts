import { describe, expect, it } from "vitest";
import { checkText } from "../../src/checks/check-text.ts";
import type { Finding } from "../../src/core/finding.ts";
import { section, synthetic } from "./helpers.ts";

const PROCESS = "二、绩效自评工作开展情况";

function check(text: string, unit = "郑州市金水区数字城管中心"): Finding[] {
  const { report, card } = synthetic({
    unit: { name: unit, region: "河南省郑州市金水区" },
    narrative: [section("process", PROCESS, text)],
  });
  return checkText(report, card).filter((f) => f.code === "copy.foreign_agency");
}

describe("copy.foreign_agency", () => {
  it("flags satisfaction with another agency's work as the unit's own, with an exact finding", () => {
    expect(check("对服务对象进行问卷调查，获取其对区发改委主要工作的满意度。")).toEqual([
      {
        code: "copy.foreign_agency",
        severity: "error",
        where: { path: "narrative[0]", label: PROCESS, quote: "获取其对区发改委主要工作的满意度" },
        message: `报告单位是“郑州市金水区数字城管中心”，但“${PROCESS}”写的是“对区发改委主要工作的满意度”，像是从发展和改革委员会（发改委）的报告中照抄的。请改为本单位的名称和职能（如“本中心”），并核对这一段的其他内容是否也属于别的单位。`,
        expected: "郑州市金水区数字城管中心",
        actual: "发展和改革委员会（发改委）",
      },
    ]);
  });

  it("flags “紧扣…职能”, “…的主要职能” and a function list copied verbatim", () => {
    const cases: Array<[string, string, "error" | "warn"]> = [
      ["围绕中心工作，紧扣人大常委会立法、监督职能，较好完成任务。", "紧扣人大常委会立法、监督职能", "error"],
      ["全面履行发改委的主要职能。", "履行发改委的主要职能", "error"],
      ["文件明确了发改委职能。", "发改委职能", "error"],
      ["坚持政治协商、民主监督和参政议政，服务大局。", "政治协商、民主监督和参政议政", "error"],
      ["强化监督执纪问责，压实责任。", "监督执纪问责", "warn"],
    ];
    for (const [text, what, severity] of cases) {
      const findings = check(text);
      expect(findings.map((f) => [f.severity, f.message.includes(`写的是“${what}”`)])).toEqual([
        [severity, true],
      ]);
    }
  });

  it("flags “我委” / “我会” in the report of a 中心, but not “我会同”", () => {
    expect(check("我委高度重视绩效自评工作。").map((f) => [f.severity, f.where.quote])).toEqual([
      ["error", "我委高度重视绩效自评工作"],
    ]);
    expect(check("我会同区财政局开展了检查。")).toEqual([]);
  });

  it("does not flag partners: 按照区财政局要求, 配合区发改委, 报区发改委审批, 公安部的检查", () => {
    const text =
      "按照区财政局要求，配合区发改委做好项目前期工作，项目可研报区发改委审批，接受公安部对信息系统安全等级的测评检查，与区发改委职能科室对接，配合区纪委开展监督执纪问责。";
    expect(check(text)).toEqual([]);
  });

  it("does not flag the unit's own agency", () => {
    expect(check("获取其对发改委主要工作的满意度。", "郑州市金水区发展和改革委员会")).toEqual([]);
  });
});
