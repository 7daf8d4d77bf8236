import { describe, expect, it } from "vitest";
import { checkSectionAnswer } from "../../src/checks/check-text.ts";
import { brief, section, seed, synthetic } from "./helpers.ts";

const PM = "五、发现的主要问题和改进措施";

describe("checkSectionAnswer", () => {
  it("answers “无” for 五 of seed 000 with the deductions, at the section's place", () => {
    const { report, card } = seed("seed-000");
    const findings = checkSectionAnswer("problems_measures", "无", report, card);
    expect(brief(findings)).toEqual([
      "narrative.contradiction error narrative[8]",
      "narrative.empty error narrative[8]",
    ]);
    expect(findings[0]?.message).toContain("“提高业务工作水平”失1分");
  });

  it("accepts a specific answer to a section the report does not have yet, at narrative.<id>", () => {
    const { report, card } = synthetic();
    const answer =
      "案件结案率为90%，未达到95%的目标，失1.05分，原因是平台升级导致派遣中断两周，将于2022年3月前完成双机备份。";
    expect(checkSectionAnswer("problems_measures", answer, report, card)).toEqual([]);
    expect(brief(checkSectionAnswer("problems_measures", "没有", report, card))).toEqual([
      "narrative.contradiction error narrative.problems_measures",
      "narrative.empty error narrative.problems_measures",
    ]);
  });

  it("flags a foreign agency, and stock phrases, in the answer", () => {
    const { report, card } = synthetic();
    const copied =
      "我中心紧扣政协政治协商、民主监督、参政议政职能，建立案件结案率周通报制度，全年督办126件。";
    expect(brief(checkSectionAnswer("experience", copied, report, card))).toEqual([
      "copy.foreign_agency error narrative.experience",
    ]);
    const stock = "进一步加强预算管理，提高资金使用效益，细化项目管理，为经济社会持续健康发展提供有力保障。";
    expect(brief(checkSectionAnswer("experience", stock, report, card))).toEqual([
      "narrative.generic warn narrative.experience",
    ]);
  });

  it("flags an answer that repeats another section, at the answer, naming the other section", () => {
    const para =
      "我中心制定了项目管理相关制度，包括会议制度、合同制度、财务管理制度、廉洁自律制度等，确保建设任务按时完成。";
    const { report, card } = synthetic({
      narrative: [
        section("implementation", "三、部门项目组织实施情况", para),
        section("problems_measures", PM, "旧的回答"),
      ],
    });
    const findings = checkSectionAnswer("problems_measures", `一是${para}`, report, card);
    expect(findings.map((f) => [f.code, f.where.path, f.where.label])).toEqual([
      ["narrative.duplicate", "narrative[1]", PM],
    ]);
    expect(findings[0]?.message).toContain(`在“三、部门项目组织实施情况”和“${PM}”中重复出现`);
  });
});
