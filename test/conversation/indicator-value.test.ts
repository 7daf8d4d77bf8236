import { describe, expect, it } from "vitest";
import type { IndicatorRef } from "../../src/conversation/draft-access.ts";
import { indicatorValue } from "../../src/conversation/indicator-slots.ts";

const ref: IndicatorRef = {
  n: 3,
  path: ["indicators", 0, "groups", 0, "indicators", 2],
  block: "产出指标",
  name: "安装坡面水标尺",
  row: { name: "安装坡面水标尺", target: "≥266米" },
};

describe("indicatorValue takes counts and measures and asks again for a damaged number", () => {
  it("accepts ≥266米 as target and 300米 as actual", () => {
    expect(indicatorValue(ref, "target", "≥266米")).toEqual({ ok: true, value: "≥266米" });
    expect(indicatorValue(ref, "actual", "300米")).toEqual({ ok: true, value: "300米" });
  });

  it("refuses 1O0% as actual, naming the cause, never reading it as 100", () => {
    expect(indicatorValue(ref, "actual", "1O0%")).toEqual({
      ok: false,
      error: {
        code: "answer.unreadable",
        message:
          "第3个指标“安装坡面水标尺”的实际完成值：无法识别数字“1O0%”：疑似把字母 O 当成了数字 0。请核对原文，填写阿拉伯数字或中文数字，例如“100%”。",
        path: "第3个指标“安装坡面水标尺”的实际完成值",
      },
    });
  });

  it("refuses 95. as target", () => {
    const r = indicatorValue(ref, "target", "95.");
    expect(r.ok ? "" : r.error.message).toContain(
      "无法识别数字“95.”：小数点后面没有数字，可能是数字在换行处被截断",
    );
  });
});
