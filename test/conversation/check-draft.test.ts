import { describe, expect, it } from "vitest";
import { checkDraft } from "../../src/conversation/apply-proposal.ts";

describe("checkDraft names a refused field as the officer knows it, never by its model path", () => {
  it("a question's field by its label, an indicator row by its place in the table", () => {
    const result = checkDraft({
      budget: { executed: "-5万元" },
      indicators: [
        {
          name: "产出指标",
          groups: [{ name: "数量指标", indicators: [{ name: "水标尺宽度", weight: -1 }] }],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        [
          "这个回答没有保存：",
          '  - “预算执行数”：金额不能为负数：读到“-5万元”。请填写0或正数，例如 "545.06万元"',
          "  - 绩效指标“产出指标 / 数量指标 / 水标尺宽度”的分值：分值不能为负数",
        ].join("\n"),
      );
  });

  it("a valid partial draft is accepted as it is", () => {
    expect(checkDraft({ unit: { name: "南县财政局" } })).toEqual({
      ok: true,
      value: { unit: { name: "南县财政局" } },
    });
  });
});
