import { describe, expect, it } from "vitest";
import { checkTotalClaim } from "../../src/checks/check-total-claim.ts";
import { narrativeRefs } from "../../src/checks/section-text.ts";
import type { Finding } from "../../src/core/finding.ts";
import { block, metRow } from "../scoring/build-report.ts";
import { section, synthetic } from "./helpers.ts";

const CONCLUSION = "三、综合评价结论";

/** The synthetic 数字城管中心 report (98.45 by the rules, 98.45 in its table) with one conclusion paragraph. */
function check(text: string, over: Parameters<typeof synthetic>[0] = {}): Finding[] {
  const { report, card } = synthetic({ narrative: [section("conclusion", CONCLUSION, text)], ...over });
  return checkTotalClaim(narrativeRefs(report), report, card);
}

describe("score.narrative_total", () => {
  it("is an error when the text says 自评得分100分 and the rules give 98.45, naming both", () => {
    expect(check("经综合评价，本单位自评得分100分，评价等级为优。")).toEqual([
      {
        code: "score.narrative_total",
        severity: "error",
        where: { path: "narrative[0]", label: CONCLUSION, quote: "本单位自评得分100分" },
        message:
          "“三、综合评价结论”写总得分为100分，但按评分方案《河南郑州区县 部门整体绩效自评》的规则总得分是98.45分（优）（报告表格中的自评得分是98.45分，同样要核对）。请改为98.45分，或补齐失分指标的依据后重新评分。",
        expected: "98.45分",
        actual: "100分",
      },
    ]);
  });

  it("compares with the rules, not the table: 综合得分96分 is an error even when the table says 96", () => {
    const found = check("我部门综合得分为96分。", { summary: { total: 96, grade: "优" } });
    expect(found.map((f) => [f.code, f.expected, f.actual])).toEqual([
      ["score.narrative_total", "98.45分", "96分"],
    ]);
  });

  it("accepts the rules' total at the precision written: 98.45分, 约98.5分, 98分", () => {
    expect(check("自评得分98.45分，综合得分约98.5分，最终得分为98分。")).toEqual([]);
  });

  it("does not read a block's score or a 得分率 as the total", () => {
    expect(check("产出指标自评得分45分；效益指标总得分为30分；自评得分率为95%。")).toEqual([]);
  });

  it("says nothing when a row has no 分值 (the rules' total is not known)", () => {
    const indicators = [
      block("投入管理指标", 20, [metRow("预算编制科学性", 20)]),
      block("产出指标", 40, [{ name: "平台运行稳定性", target: "≥95%", unit: "%", actual: "98%" }]),
      block("效益指标", 30, [metRow("社会效益", 30)]),
    ];
    expect(check("本单位自评得分100分。", { indicators })).toEqual([]);
  });
});

describe("score.narrative_total leaves quotations alone", () => {
  it("does not flag the report's own figure quoted as such or set against the rules' total", () => {
    const over = { summary: { total: 96, grade: "优" as const } };
    expect(check("报告填报的自评得分为96分，应按规则更正为98.45分。", over)).toEqual([]);
    expect(check("自评得分96分与按规则计算的98.45分不一致。", over)).toEqual([]);
  });
});
