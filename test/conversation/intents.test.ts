import { describe, expect, it } from "vitest";
import { recognise } from "../../src/conversation/intents.ts";

describe("recognise finds commands before answers", () => {
  it.each([
    ["撤销", { kind: "undo" }],
    ["跳过", { kind: "skip" }],
    ["稍后补充", { kind: "skip" }],
    ["进度", { kind: "progress" }],
    ["还差什么", { kind: "missing" }],
    ["现在多少分", { kind: "score" }],
    ["现在多少分？", { kind: "score" }],
    ["为什么是96分不是100分", { kind: "why", claimed: 96 }],
    ["为什么扣分", { kind: "why" }],
    ["怎样才能得优", { kind: "howto", goal: "优" }],
    ["怎么才能拿100分", { kind: "howto", goal: "100" }],
    ["确认", { kind: "confirm" }],
    ["取消", { kind: "cancel" }],
    ["生成报告", { kind: "generate" }],
    ["切换到报告 2", { kind: "open-report", ref: "2" }],
    ["把预算执行数改成545.06", { kind: "correct", target: "预算执行数", value: "545.06" }],
    ["第3个指标的实际值是98%", { kind: "indicator-edit", ref: "3", column: "实际值", value: "98%" }],
    ["第十二个指标的得分改为0.5", { kind: "indicator-edit", ref: "十二", column: "得分", value: "0.5" }],
    ["辖区居民满意的得分改成5", { kind: "indicator-edit", ref: "辖区居民满意", column: "得分", value: "5" }],
  ])("%s", (text, intent) => {
    expect(recognise(text)).toEqual(intent);
  });

  it.each(["郑州市金水区电子政务中心", "2021", "年初预算561.41万，调整后561.41万，执行545.06万", "部门整体"])(
    "reads %s as an answer",
    (text) => {
      expect(recognise(text)).toBeNull();
    },
  );
});
