import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/core/report.ts";
import { sectionNeeds } from "../../src/drafting/section-needs.ts";
import { loadTemplateFamilies } from "../../src/services/template-files.ts";

const families = loadTemplateFamilies();
function family(id: string) {
  if (!families.ok) throw new Error(families.error.message);
  const found = families.value.get(id)?.family;
  if (found === undefined) throw new Error(`no family ${id}`);
  return found;
}

/** The Fujian officer's report after the first two messages of issue 15's conversation. */
const FUJIAN = ReportSchema.parse({
  unit: { name: "宁德市数字宁德建设办公室", region: "福建省宁德市" },
  year: 2018,
  kind: "project",
  project: "政务网等运行维护费",
  schemeId: "fujian-project",
  preparer: { name: "刘媛媛", phone: "63526383" },
  indicators: [
    {
      name: "产出与效益",
      groups: [
        {
          name: "产出数量",
          indicators: [
            { name: "培训人数", target: "57人", actual: "59", weight: 20 },
            { name: "网络覆盖单位", target: "≥120个", weight: 20 },
          ],
        },
      ],
    },
  ],
});

describe("sectionNeeds", () => {
  it("lists what the Fujian project report still needs, in the order the draft prints it", () => {
    expect(sectionNeeds(FUJIAN, family("project")).map((n) => [n.sectionId, n.key, n.what])).toEqual([
      ["self_evaluation", "unit.parent", "主管部门"],
      ["duties", "goals.text", "年度总体目标"],
      ["duties", "goals.status", "年度总体目标的实际完成情况"],
      ["self_evaluation", "indicators[0].groups[0].indicators[1].actual", "“网络覆盖单位”的实际完成值"],
      ["process", "narrative.process", "自评工作如何组织（组织形式、时间、参与人员、资料收集和核查方式）"],
      [
        "application",
        "narrative.application",
        "自评结果如何应用（问题整改、预算安排）和如何公开（公开方式、时间）",
      ],
      ["experience", "narrative.experience", "本次自评工作的经验和建议"],
    ]);
  });

  it("asks each need as a question with an example the officer can copy", () => {
    const actual = sectionNeeds(FUJIAN, family("project")).find((n) => n.key.endsWith(".actual"));
    expect(actual).toEqual({
      sectionId: "self_evaluation",
      key: "indicators[0].groups[0].indicators[1].actual",
      what: "“网络覆盖单位”的实际完成值",
      question: "三级指标“网络覆盖单位”（指标值≥120个）实际完成了多少？",
      example: "120个",
    });
  });

  it("drops a section the officer has written and the 主管部门 once given; 其他 is asked in families that have it", () => {
    const given = ReportSchema.parse({
      ...FUJIAN,
      unit: { ...FUJIAN.unit, parent: "宁德市人民政府办公室" },
      goals: { text: "保障政务网稳定运行", status: "全年稳定运行" },
      narrative: [
        { id: "process", title: "二、绩效自评工作开展情况", text: "由财务科牵头，3月逐项核对运维记录。" },
      ],
    });
    expect(sectionNeeds(given, family("project")).map((n) => n.key)).toEqual([
      "indicators[0].groups[0].indicators[1].actual",
      "narrative.application",
      "narrative.experience",
    ]);
    const department = ReportSchema.parse({ ...given, kind: "department", project: undefined });
    expect(sectionNeeds(department, family("henan-department")).map((n) => n.key)).toEqual([
      "indicators[0].groups[0].indicators[1].actual",
      "narrative.application",
      "narrative.experience",
      "narrative.other",
    ]);
  });
});
