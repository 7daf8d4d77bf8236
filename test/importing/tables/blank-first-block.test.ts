import { describe, expect, it } from "vitest";
import { textToGrid } from "../../../src/importing/grid/text-grid.ts";
import { importDocument } from "../../../src/importing/report/import-document.ts";

function blocks(text: string) {
  const [main] = importDocument(textToGrid(text).rows, text);
  return (main?.fragment.indicators ?? []).map((b) => [
    b.name,
    (b.groups ?? []).map((g) => [g.name, (g.indicators ?? []).map((i) => i.name)]),
  ]);
}

describe("a merged 一级指标 cell whose text sits below its first row (issue 15)", () => {
  it("the rows above the first named block belong to it", () => {
    const text = [
      "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分",
      "\t数量指标\t视频会议保障场次\t≥150场\t192场\t10\t10",
      "产出指标\t质量指标\t项目资金安全性\t安全\t安全\t10\t10",
      "效益指标\t社会效益\t群众满意率\t≥90%\t95.75%\t10\t10",
    ].join("\n");
    expect(blocks(text)).toEqual([
      [
        "产出指标",
        [
          ["数量指标", ["视频会议保障场次"]],
          ["质量指标", ["项目资金安全性"]],
        ],
      ],
      ["效益指标", [["社会效益", ["群众满意率"]]]],
    ]);
  });

  it("with no named block at all, the rows keep a block without a name", () => {
    const text = [
      "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分",
      "\t数量指标\t视频会议保障场次\t≥150场\t192场\t10\t10",
    ].join("\n");
    expect(blocks(text)).toEqual([[undefined, [["数量指标", ["视频会议保障场次"]]]]]);
  });
});
