import { describe, expect, it } from "vitest";
import { IndicatorSchema } from "../../src/core/indicators.ts";
import { actualText } from "../../src/rendering/indicator-rows.ts";

const row = (target: string, actual: string | undefined, unit?: string) =>
  IndicatorSchema.parse({
    name: "培训人数",
    target,
    ...(actual === undefined ? {} : { actual }),
    ...(unit ? { unit } : {}),
  });

describe("actualText", () => {
  it("gives a bare actual value the unit of its target: 57人 → 59人, ≥95% → 96%", () => {
    expect(actualText(row("57人", "59"))).toBe("59人");
    expect(actualText(row("≥95%", "96"))).toBe("96%");
    expect(actualText(row("≥5", "6", "台"))).toBe("6台");
  });

  it("never invents a unit: a target without one, a value with its own, or words stay as written", () => {
    expect(actualText(row("≥5", "6"))).toBe("6");
    expect(actualText(row("57人", "59人"))).toBe("59人");
    expect(actualText(row("57人", "全部完成"))).toBe("全部完成");
    expect(actualText(row("≥5", "6", "定性指标"))).toBe("6");
  });

  it("marks a value never given as 待补充, not 未填写", () => {
    expect(actualText(row("57人", undefined))).toBe("〔待补充：实际完成值〕");
  });
});
