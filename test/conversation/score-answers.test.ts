import { describe, expect, it } from "vitest";
import { explainReplies } from "../../src/conversation/score-answers.ts";
import { SchemeSchema } from "../../src/scoring/scheme.ts";
import { rawScheme } from "../scoring/build-report.ts";

const national = SchemeSchema.parse(rawScheme("cn-2020-project-default"));

/** A project under the national scheme: budget 100/100 万元 (10), 产出 50, 效益 30, 满意度 94% of ≥95% given 10. */
const doc = {
  kind: "project",
  unit: { name: "测试局" },
  year: 2021,
  schemeId: "cn-2020-project-default",
  budget: { initial: "100万元", adjusted: "100万元", executed: "100万元" },
  indicators: [
    {
      name: "产出指标",
      weight: 50,
      groups: [
        {
          name: "数量指标",
          indicators: [{ name: "维护网站数量", target: "≥60个", actual: "62个", weight: 50, score: 50 }],
        },
      ],
    },
    {
      name: "效益指标",
      weight: 30,
      groups: [
        {
          name: "社会效益指标",
          indicators: [{ name: "公文流转", target: "正常流转", actual: "达成", weight: 30, score: 30 }],
        },
      ],
    },
    {
      name: "满意度指标",
      weight: 10,
      groups: [
        {
          name: "服务对象满意度指标",
          indicators: [{ name: "使用单位满意度", target: "≥95%", actual: "94%", weight: 10, score: 10 }],
        },
      ],
    },
  ],
};

describe("为什么是X分不是100分 in the chat", () => {
  it("explains the lost points in Chinese with no finding codes", () => {
    const [reply] = explainReplies(doc, [national]);
    // 满意度 10 × 94 ÷ 95 = 9.89; budget 10, 产出 50, 效益 30: 99.89.
    expect(reply).toEqual({
      type: "text",
      text: [
        "按评分规则（财预〔2020〕10号 项目支出绩效自评（全国默认））计算得99.89分（优）。",
        "为什么不是100分：共失0.11分，其中规则扣分0.11分。按失分从大到小：",
        "1. 【规则扣分】满意度指标 / 服务对象满意度指标 / 使用单位满意度：失0.11分。实际值94%未达到指标值≥95%，按完成比例计分：10 × 94 ÷ 95 = 9.89分。",
        "   → 若“使用单位满意度”达到95%即可得满分10分(+0.11)",
        "",
        "报告中与规则或自身不符的分数：",
        "- “使用单位满意度”未达到指标值，却给了满分10分；按规则应为9.89分（实际值94%未达到指标值≥95%，按完成比例计分：10 × 94 ÷ 95 = 9.89分）。",
        "- 报告未写自评得分和评价等级。",
        "",
        "已达到“优”。",
        "要得100分还差0.11分：若“使用单位满意度”达到95%即可得满分10分(+0.11)。",
      ].join("\n"),
    });
    expect(JSON.stringify(reply)).not.toMatch(/\[[a-z_]+\.[a-z_]+\]/u);
  });

  it("names a budget block called 预算执行率 once", () => {
    const partly = { ...doc, budget: { initial: "100万元", adjusted: "100万元", executed: "90万元" } };
    const [reply] = explainReplies(partly, [national]);
    const text = reply?.type === "text" ? reply.text : "";
    // 10 × 90% = 9: the budget block loses 1 point.
    expect(text.split("\n")[2]).toBe(
      "1. 【规则扣分】预算执行率：失1分。预算执行数90万元 ÷ 调整后预算数100万元 = 90%；按比例计分：10 × 90% = 9分。",
    );
    expect(text).not.toContain("预算执行率（预算执行率）");
  });
});
