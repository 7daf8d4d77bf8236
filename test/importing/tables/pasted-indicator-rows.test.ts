import { describe, expect, it } from "vitest";
import { readPastedTables } from "../../../src/importing/tables/pasted-tables.ts";

/** An indicator table as copied from Excel: one row a line, cells separated by tabs. */
const tab = (rows: readonly (readonly string[])[]): string => rows.map((r) => r.join("\t")).join("\n");
const HEADING = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"];

function read(rows: readonly (readonly string[])[]) {
  const got = readPastedTables(tab([HEADING, ...rows]), { defaultAmountUnit: "万元" });
  return {
    levels: (got.fragment.indicators ?? []).map((b) => [
      b.name,
      (b.groups ?? []).map((g) => [g.name, (g.indicators ?? []).map((i) => i.name)]),
    ]),
    tables: got.reads.map((r) => `${r.table}:${r.rows}`),
    unread: got.unread,
  };
}

describe("the kind of a pasted table is decided by its heading row, not by one row's name (issue 15)", () => {
  it("indicators named 项目资金安全性 and 资金使用合规性 stay rows of the indicator table", () => {
    const got = read([
      ["产出指标", "数量指标", "视频会议保障场次", "≥150场", "192场", "10", "10"],
      ["", "质量指标", "系统正常运行率", "≥99%", "99.5%", "10", "10"],
      ["", "", "项目资金安全性", "安全", "安全", "5", "5"],
      ["", "", "资金使用合规性", "合规", "合规", "5", "5"],
      ["效益指标", "社会效益指标", "政务服务效率提升", "有所提升", "有所提升", "10", "10"],
      ["满意度指标", "服务对象满意度指标", "使用单位满意度", "≥90%", "95%", "10", "9"],
    ]);
    expect(got.tables).toEqual(["indicators:6"]);
    expect(got.unread).toEqual([]);
    expect(got.levels).toEqual([
      [
        "产出指标",
        [
          ["数量指标", ["视频会议保障场次"]],
          ["质量指标", ["系统正常运行率", "项目资金安全性", "资金使用合规性"]],
        ],
      ],
      ["效益指标", [["社会效益指标", ["政务服务效率提升"]]]],
      ["满意度指标", [["服务对象满意度指标", ["使用单位满意度"]]]],
    ]);
  });

  it("a 预算情况 heading row with its amount columns still opens the budget table after the indicators", () => {
    const text = tab([
      HEADING,
      ["产出指标", "数量指标", "视频会议保障场次", "≥150场", "192场", "10", "10"],
      ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", "318.91", "318.91", "191.12", "10", "59.93%", "6"],
    ]);
    const got = readPastedTables(text, { defaultAmountUnit: "万元" });
    expect(got.reads.map((r) => r.table)).toEqual(["indicators", "budget"]);
    expect(got.fragment.budget).toEqual({
      initial: "318.91万元",
      adjusted: "318.91万元",
      executed: "191.12万元",
      weight: 10,
      reportedRate: "59.93%",
      score: 6,
    });
  });
});

describe("blank merged cells of a pasted indicator table belong to the row above (issue 15)", () => {
  it("blank 一级 and 二级 cells continue the block and group above", () => {
    expect(
      read([
        ["产出指标", "数量指标", "开展精品示范村建设数量", "≤4个", "4个", "10", "10"],
        ["", "", "建设美丽宜居自然村庄数量", "≥200个", "202个", "10", "10"],
        ["", "质量指标", "美丽宜居自然村庄验收通过率", "≥95%", "100%", "5", "5"],
        ["", "", "户用卫生厕所改造验收通过率", "≥95%", "100%", "5", "5"],
      ]).levels,
    ).toEqual([
      [
        "产出指标",
        [
          ["数量指标", ["开展精品示范村建设数量", "建设美丽宜居自然村庄数量"]],
          ["质量指标", ["美丽宜居自然村庄验收通过率", "户用卫生厕所改造验收通过率"]],
        ],
      ],
    ]);
  });

  it("a 一级 cell whose text sits in its second row keeps that row in the 二级指标 above", () => {
    expect(
      read([
        ["", "数量指标", "开展精品示范村建设数量", "≤4个", "4个", "10", "10"],
        ["产出指标", "", "建设美丽宜居自然村庄数量", "≥200个", "202个", "10", "10"],
        ["", "质量指标", "美丽宜居自然村庄验收通过率", "≥95%", "100%", "5", "5"],
        ["效益指标", "社会效益指标", "群众生活条件改善", "有所改善", "有所改善", "10", "10"],
      ]).levels,
    ).toEqual([
      [
        "产出指标",
        [
          ["数量指标", ["开展精品示范村建设数量", "建设美丽宜居自然村庄数量"]],
          ["质量指标", ["美丽宜居自然村庄验收通过率"]],
        ],
      ],
      ["效益指标", [["社会效益指标", ["群众生活条件改善"]]]],
    ]);
  });

  it("a new 一级指标 with a blank 二级 cell does not join the 二级指标 of the block before it", () => {
    expect(
      read([
        ["产出指标", "数量指标", "开展精品示范村建设数量", "≤4个", "4个", "10", "10"],
        ["效益指标", "", "群众生活条件改善", "有所改善", "有所改善", "10", "10"],
      ]).levels,
    ).toEqual([
      ["产出指标", [["数量指标", ["开展精品示范村建设数量"]]]],
      ["效益指标", [[undefined, ["群众生活条件改善"]]]],
    ]);
  });
});
