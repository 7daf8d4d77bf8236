import { describe, expect, it } from "vitest";
import { textToGrid } from "../../../src/importing/grid/text-grid.ts";
import { readPastedTables } from "../../../src/importing/tables/pasted-tables.ts";

/** Web-page `|` tables padded with pipes: rows joined over lines, and placed by what their cells say. */

describe("`|` tables padded with runs of pipes", () => {
  it("joins a row whose cells end their lines with a single pipe", () => {
    const text = [
      "一级指标 | 二级指标 | 三级指标 | 年度 指标值 |",
      "实际 完成值 |",
      "分值 | 得分 | ||||",
      "产出指标 | 数量指标 | 完成数 | ≥10 | 12 | 5 | 5 | ||||",
      "质量指标 |",
      "||||||",
    ].join("\n");
    expect(textToGrid(text).rows.map((r) => [r.line, r.lastLine, r.cells.filter((c) => c !== "")])).toEqual([
      [1, 3, ["一级指标", "二级指标", "三级指标", "年度 指标值", "实际 完成值", "分值", "得分"]],
      [4, 4, ["产出指标", "数量指标", "完成数", "≥10", "12", "5", "5"]],
      [5, 6, ["质量指标"]],
    ]);
  });

  it("places rows that leave out merged cells on the left, and level-only rows start a group", () => {
    const text = [
      "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 | ||||",
      "产出指标 | 数量指标 | 完成数 | ≥10个 | 12个 | 5 | 5 | ||||",
      "培训人次 | ≥100人次 | 120人次 | 5 | 4 | ||||",
      "质量指标 | 合格率 | ≥95% | 96% | 10 | 10 | ||||",
      "时效指标 | ||||||||",
      "完成及时率 | 100% | 100% | 5 | 5 | ||||",
      "绩效指标 | 效益指标 | ||||||||",
      "社会效益指标 | 受益人数 | ≥100人 | 120人 | 5 | 5 | ||||",
    ].join("\n");
    const { fragment, unread } = readPastedTables(text);
    expect(
      (fragment.indicators ?? []).map((b) => [b.name, (b.groups ?? []).map((g) => [g.name, g.indicators])]),
    ).toEqual([
      [
        "产出指标",
        [
          [
            "数量指标",
            [
              { name: "完成数", target: "≥10个", actual: "12个", weight: 5, score: 5 },
              { name: "培训人次", target: "≥100人次", actual: "120人次", weight: 5, score: 4 },
            ],
          ],
          ["质量指标", [{ name: "合格率", target: "≥95%", actual: "96%", weight: 10, score: 10 }]],
          ["时效指标", [{ name: "完成及时率", target: "100%", actual: "100%", weight: 5, score: 5 }]],
        ],
      ],
      // "绩效指标" repeats the label column's heading: it names no level.
      [
        "效益指标",
        [["社会效益指标", [{ name: "受益人数", target: "≥100人", actual: "120人", weight: 5, score: 5 }]]],
      ],
    ]);
    expect(unread).toEqual([]);
  });

  it("leaves unread a row that could stand in no place, or only by moving values into 分值/得分", () => {
    const text = [
      "一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 | ||||",
      "产出指标 | 数量指标 | 完成数 | ≥10 | 12 | 5 | 5 | ||||",
      "合格率 | 96% | 10 | 10 | ||||",
    ].join("\n");
    const { fragment, unread } = readPastedTables(text);
    expect(fragment.indicators?.[0]?.groups?.[0]?.indicators).toEqual([
      { name: "完成数", target: "≥10", actual: "12", weight: 5, score: 5 },
    ]);
    expect(unread.map((u) => u.reason)).toEqual([
      "第3行有4格，表头有7列，无法确定缺少的是哪一列，整行未读取",
    ]);
  });

  it("cuts a one-cell-per-line row that holds the headings and two rows whose `||||` lines were lost", () => {
    const cells = [
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "完成数", "≥10", "12", "5", "5"],
      ["合格率", "≥95%", "96%", "10", "9"],
    ].flat();
    const text = ["||||||", ...cells.map((c) => `${c} |`), "||||||"].join("\n");
    const { fragment, unread } = readPastedTables(text);
    expect(fragment.indicators?.[0]?.groups?.[0]?.indicators).toEqual([
      { name: "完成数", target: "≥10", actual: "12", weight: 5, score: 5 },
      { name: "合格率", target: "≥95%", actual: "96%", weight: 10, score: 9 },
    ]);
    expect(unread).toEqual([]);
  });
});
