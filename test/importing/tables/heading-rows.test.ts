import { describe, expect, it } from "vitest";
import { labelKey } from "../../../src/importing/grid/cell-text.ts";
import { readPastedTables } from "../../../src/importing/tables/pasted-tables.ts";

const indicators = (text: string) =>
  (readPastedTables(text).fragment.indicators ?? []).flatMap((b) =>
    (b.groups ?? []).flatMap((g) => g.indicators ?? []),
  );

describe("indicator headings over two rows, in a column of their own, in traditional characters", () => {
  it("takes 实际完成值/分值/得分 from the upper heading row and the comparator from 指标方向", () => {
    const text = [
      "绩效指标\t年度指标值\t实际完成值\t分值\t得分",
      "一级指标\t二级指标\t三级指标\t指标方向\t指标值\t计量单位",
      "产出指标\t数量指标\t培训次数\t大于等于\t4\t次\t5\t10\t10",
      "\t质量指标\t合格率\t﹦\t100\t%\t100\t10\t9",
    ].join("\n");
    expect(indicators(text)).toEqual([
      { name: "培训次数", target: "大于等于4", unit: "次", actual: "5", weight: 10, score: 10 },
      { name: "合格率", target: "﹦100%", unit: "%", actual: "100", weight: 10, score: 9 },
    ]);
  });

  it("reads headings written in traditional characters, with or without pinyin", () => {
    expect(labelKey("年初預(yù)算數(shù)")).toBe("年初预算数");
    expect(labelKey("三級指標")).toBe("三级指标");
    expect(labelKey("全年预算数(A)")).toBe("全年预算数(A)");
    const text = [
      "一級指標\t二級指標\t三級指標\t年度指標值\t實際完成值\t分值\t得分",
      "產出指標\t數量指標\t培訓次數\t≥4次\t5次\t10\t10",
    ].join("\n");
    expect(indicators(text)).toEqual([
      { name: "培訓次數", target: "≥4次", actual: "5次", weight: 10, score: 10 },
    ]);
  });
});
