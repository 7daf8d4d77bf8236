import { describe, expect, it } from "vitest";
import { checkText } from "../../src/checks/check-text.ts";
import type { Finding } from "../../src/core/finding.ts";
import { block, metRow } from "../scoring/build-report.ts";
import { section, synthetic } from "./helpers.ts";

const PM = "五、发现的主要问题和改进措施";

/** Every indicator met and the whole budget spent: 100 points, nothing lost. */
const FULL = {
  budget: { initial: "100万元", adjusted: "100万元", executed: "100万元", reportedRate: "100%" },
  indicators: [
    block("投入管理指标", 20, [metRow("预算编制科学性", 20)]),
    block("产出指标", 40, [metRow("平台运行稳定性", 40)]),
    block("效益指标", 30, [metRow("社会效益", 30)]),
  ],
  summary: { total: 100, grade: "优" as const },
};

function check(narrative: ReturnType<typeof section>[], full = false): Finding[] {
  const { report, card } = synthetic(full ? { ...FULL, narrative } : { narrative });
  return checkText(report, card);
}

describe("narrative.empty", () => {
  it("warns on a problems section answered “暂无。” when nothing was lost", () => {
    expect(check([section("problems_measures", PM, "暂无。")], true)).toEqual([
      {
        code: "narrative.empty",
        severity: "warn",
        where: { path: "narrative[0]", label: PM, quote: "暂无。" },
        message: `“${PM}”只写了“暂无。”。这是必填部分：请写明自评中发现的不足和下一步的改进措施；确实没有问题的，请说明依据（如各项指标均已完成、满分）。`,
      },
    ]);
  });

  it("is an error, beside narrative.contradiction, when points were lost", () => {
    const findings = check([section("problems_measures", PM, "无")]);
    expect(findings.map((f) => [f.code, f.severity, f.where.path])).toEqual([
      ["narrative.contradiction", "error", "narrative[0]"],
      ["narrative.empty", "error", "narrative[0]"],
    ]);
  });

  it("warns on other sections written “/” or left blank, never on 其他需要说明的问题", () => {
    const findings = check([
      section("experience", "七、绩效自评工作的经验、问题和建议", "/"),
      section("application", "六、自评结果拟应用和公开情况", ""),
      section("other", "八、其他需要说明的问题", "无。"),
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.where.path, f.where.quote])).toEqual([
      ["narrative.empty", "warn", "narrative[0]", "/"],
      ["narrative.empty", "warn", "narrative[1]", undefined],
    ]);
    expect(findings[1]?.message).toContain("没有填写内容");
  });
});

describe("narrative.contradiction", () => {
  it("names the actual deductions when the problems section claims there are none", () => {
    const findings = check([section("problems", "六、存在的主要问题", "经自评，本部门未发现明显问题。")]);
    expect(findings).toEqual([
      {
        code: "narrative.contradiction",
        severity: "error",
        where: { path: "narrative[0]", label: "六、存在的主要问题", quote: "经自评，本部门未发现明显问题。" },
        message:
          "“六、存在的主要问题”写“经自评，本部门未发现明显问题。”，但按评分规则计算失1.55分（“案件结案率”失1.05分、“预算执行（预算执行率）”失0.5分）。失分就是要写的问题：请逐项说明失分原因和改进措施。",
      },
    ]);
  });

  it("lists the report's own deductions too", () => {
    const { report, card } = synthetic({
      narrative: [section("problems_measures", PM, "没有问题")],
      indicators: [
        block("投入管理指标", 20, [metRow("预算编制科学性", 20)]),
        block("产出指标", 40, [{ name: "案件结案率", target: "≥95%", actual: "90%", weight: 40, score: 37 }]),
        block("效益指标", 30, [metRow("社会效益", 30)]),
      ],
    });
    const f = checkText(report, card).find((x) => x.code === "narrative.contradiction");
    expect(f?.message).toContain("报告自评扣了1.55分（“案件结案率”失3分）");
  });

  it("is not raised when the section also describes a problem, or when nothing was lost", () => {
    const partly = "未发现重大问题，但案件结案率偏低，下一步加强督办。";
    expect(check([section("problems_measures", PM, partly)])).toEqual([]);
    expect(check([section("problems_measures", PM, "未发现问题。")], true)).toEqual([]);
  });

  it("is not raised by points lost only for absent data (no budget figures read): that is no verdict", () => {
    const { report, card } = synthetic({
      ...FULL,
      budget: {},
      narrative: [section("problems_measures", PM, "无。")],
    });
    expect(checkText(report, card).map((f) => `${f.code} ${f.severity}`)).toEqual(["narrative.empty warn"]);
  });
});

describe("narrative.generic", () => {
  const STOCK =
    "一是进一步加强预算管理，提高资金使用效益。二是细化项目管理，高度重视绩效管理工作，加强业务培训，为经济社会持续健康发展提供有力保障。";

  it("warns on a problems section of stock phrases with nothing specific, asking for the lost points", () => {
    const findings = check([section("problems_measures", PM, STOCK)]);
    expect(findings).toEqual([
      {
        code: "narrative.generic",
        severity: "warn",
        where: { path: "narrative[0]", label: PM, quote: `${STOCK.slice(0, 59)}…` },
        message: `“${PM}”基本是套话（如“为经济社会持续健康发展提供有力保障”“提高资金使用效益”“加强预算管理”），没有数字、指标或任务名称，也没有本单位业务的具体内容。请写明本单位具体的问题，逐项说明失分原因（按评分规则计算失1.55分（“案件结案率”失1.05分、“预算执行（预算执行率）”失0.5分）），措施要落到具体事项、责任和时间。`,
        actual: "套话占89%",
      },
    ]);
  });

  it("accepts the same phrases once they name an indicator, a task, a figure or the unit's business", () => {
    for (const specific of ["案件结案率", "监控设备采购", "结案率只有90%", "数字城管"]) {
      expect(check([section("problems_measures", PM, `${specific}方面，${STOCK}`)])).toEqual([]);
    }
  });
});

describe("narrative.duplicate", () => {
  const PARA =
    "我中心制定了项目管理相关制度，包括会议制度、合同制度、财务管理制度、廉洁自律制度等，确保建设任务按时完成。";

  it("quotes a paragraph written in two sections and names both", () => {
    const findings = check([
      section("funds_project", "(二)项目支出", `项目支出情况如下。\n\n${PARA}`),
      section("implementation", "三、部门项目组织实施情况", `3.${PARA}`),
    ]);
    expect(findings).toEqual([
      {
        code: "narrative.duplicate",
        severity: "warn",
        where: { path: "narrative[1]", label: "三、部门项目组织实施情况", quote: PARA },
        message: `同一段文字在“(二)项目支出”和“三、部门项目组织实施情况”中重复出现：“${PARA.slice(0, 30)}…”。请删去重复的一处，或按本部分的要求改写为不同的内容。`,
      },
    ]);
  });

  it("finds a paragraph repeated inside one section, and ignores short repeats", () => {
    const findings = check([
      section("analysis", "五、绩效情况", `${PARA}\n\n${PARA}\n\n情况良好。\n\n情况良好。`),
    ]);
    expect(findings.map((f) => [f.code, f.where.path])).toEqual([["narrative.duplicate", "narrative[0]"]]);
    expect(findings[0]?.message).toContain("在“五、绩效情况”中出现了两次");
  });
});
