import { describe, expect, it } from "vitest";
import { readPaste, unreadNotices } from "../../src/conversation/paste.ts";

/** An Anhui project's indicator table as pasted from Excel: "其中…" rows break down the ★ rows above them. */
const TABLE = [
  "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t全年实际值\t得分\t未完成原因及拟采取的改进措施",
  "产出指标(50分)\t数量指标\t★补助各类瓜果蔬菜种植面积\t20\t29.5亩\t29.5亩\t20\t",
  "\t\t其中桃树种植面积\t\t1.5亩\t1.5亩\t\t",
  "\t\t其中苹果树种植面积\t\t5亩\t5亩\t\t",
  "\t\t其中露天蔬菜\t\t20亩\t20亩\t\t",
  "\t\t其中大棚蔬菜\t\t3亩\t3亩\t\t",
  "\t\t★补助鱼塘面积\t10\t3亩\t3亩\t10\t",
  "\t\t其中鱼塘养殖面积\t\t3亩\t3亩\t\t",
  "\t\t★补助家畜家禽养殖数量\t10\t192只\t192只\t10\t",
  "\t\t其中羊养殖数量\t\t180只\t180只\t\t",
  "\t\t其中猪养殖数量\t\t12头\t12头\t\t",
  "\t质量指标\t种植作物成活率\t5\t95%\t95%\t5\t",
  "\t\t养殖家畜家禽成活率\t5\t95%\t100%\t5\t",
  "效益指标(30分)\t经济效益指标\t特色产业带动增加受益农户收入(总收入)\t20\t≥11.376万元\t12万元\t20\t",
  "\t社会效益指标\t受益人口数量\t10\t90人\t90人\t10\t",
].join("\n");

describe("rows of a paste not taken as indicators", () => {
  it("“其中” breakdowns are listed as detail, not as rows that were not understood", () => {
    const reading = readPaste({ kind: "project" }, TABLE, "project");
    const notices = reading.replies.filter((r) => r.type === "notice");
    expect(notices).toEqual([
      {
        type: "notice",
        level: "info",
        text: [
          "另有 7 行是上一指标的“其中”分项，作为明细不单独计分：",
          "第3行“其中桃树种植面积”（1.5亩，1.5亩）",
          "第4行“其中苹果树种植面积”（5亩，5亩）",
          "第5行“其中露天蔬菜”（20亩，20亩）",
          "第6行“其中大棚蔬菜”（3亩，3亩）",
          "第8行“其中鱼塘养殖面积”（3亩，3亩）",
          "第10行“其中羊养殖数量”（180只，180只）",
          "第11行“其中猪养殖数量”（12头，12头）",
        ].join("\n"),
      },
    ]);
    const table = reading.replies.find((r) => r.type === "table" && r.title.startsWith("绩效指标"));
    expect(table?.type === "table" ? table.rows.map((row) => row[2]) : []).toEqual([
      "★补助各类瓜果蔬菜种植面积",
      "★补助鱼塘面积",
      "★补助家畜家禽养殖数量",
      "种植作物成活率",
      "养殖家畜家禽成活率",
      "特色产业带动增加受益农户收入(总收入)",
      "受益人口数量",
    ]);
  });

  it("rows really not read keep the warning, their line named once", () => {
    expect(
      unreadNotices([
        { line: 5, text: "甲 | 乙", reason: "第5行“三级指标”为空，未读取" },
        { line: 9, text: "丙", reason: "数字“l00”无法识别" },
        {
          line: 3,
          text: "其中丁 | 2个 | 2个",
          reason: "第3行“其中丁”是上一指标的“其中”分项，不单独作为指标读取",
          detail: true,
        },
      ]),
    ).toEqual([
      {
        type: "notice",
        level: "info",
        text: "另有 1 行是上一指标的“其中”分项，作为明细不单独计分：\n第3行“其中丁”（2个，2个）",
      },
      {
        type: "notice",
        level: "warn",
        text: "有 2 行没有读懂（未保存这些行）：\n第5行“三级指标”为空，未读取\n第9行：数字“l00”无法识别",
      },
    ]);
  });
});
