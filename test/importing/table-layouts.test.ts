import { describe, expect, it } from "vitest";
import { importDocument } from "../../src/importing/import-document.ts";
import { textToGrid } from "../../src/importing/text-grid.ts";

/** The main report a text imports to. */
function importText(text: string) {
  const [main] = importDocument(textToGrid(text).rows, text);
  if (main === undefined) throw new Error("no report");
  return main;
}

/** Lines of a web page's table flattened one cell per line, `||||` between rows. */
const PIPE_CELLS = [
  "项目支出绩效自评表 |",
  "|||||||||",
  "( 2022 年度) |",
  "|||||||||",
  "项目名称 |",
  "城区路灯维护 |",
  "||||||||",
  "主管部门 |",
  "|",
  "实施单位 |",
  "|",
  "||||||",
  "项目资金 (万元) |",
  "|",
  "年初预算数 |",
  "全年预算数 |",
  "全年执行数 |",
  "分值 |",
  "执行率 |",
  "得分 |",
  "||||||",
  "年度资金总额 |",
  "80万 |",
  "80万 |",
  "72万 |",
  "10 |",
  "90% |",
  "9 |",
  "|||||||",
  "其中:当年财政拨款 |",
  "80万 |",
  "80万 |",
  "72万 |",
  "— |",
  "|",
  "— |",
  "|||||||",
  "绩 效 指 标 |",
  "一级指标 |",
  "二级指标 |",
  "三级指标 |",
  "年度 指标值 |",
  "实际 完成值 |",
  "分值 |",
  "得分 |",
  "偏差原因分析及改进措施 |",
  "|||||",
  "产出指标 |",
  "数量指标 |",
  "维护路灯数 |",
  "≥500盏 |",
  "520盏 |",
  "20 |",
  "20 |",
  "|",
  "||||||",
  "亮灯率 |",
  "≥98% |",
  "97% |",
  "10 |",
  "9 |",
  "个别线路老化 |",
  "||||||||",
  "时效指标 |",
  "|",
  "|",
  "|",
  "|",
  "|",
  "|",
  "|||||||",
  "效益指标 |",
  "社会效益 指标 |",
  "群众投诉下降 |",
  "明显 |",
  "明显 |",
  "10 |",
  "10 |",
  "|",
].join("\n");

describe("a web page's table flattened one cell per line (`||||` between rows)", () => {
  it("splits rows at the pipe runs and marks them as leaving out merged cells", () => {
    const grid = textToGrid(PIPE_CELLS);
    expect(grid.layout).toBe("pipe-cells");
    expect(grid.rows[3]).toEqual({
      line: 8,
      lastLine: 11,
      cells: ["主管部门", "", "实施单位", ""],
      plain: false,
      mergedCellsOmitted: true,
    });
  });

  it("reads header cells, budget and indicators, aligning short rows on the right", () => {
    const { fragment, unread } = importText(PIPE_CELLS);
    expect(fragment.kind).toBe("project");
    expect(fragment.year).toBe(2022);
    expect(fragment.project).toBe("城区路灯维护");
    expect(fragment.unit).toBeUndefined();
    expect(fragment.budget).toEqual({
      initial: "80万",
      adjusted: "80万",
      executed: "72万",
      weight: 10,
      reportedRate: "90%",
      score: 9,
      sources: { fiscal: { initial: "80万", adjusted: "80万", executed: "72万" } },
    });
    expect(fragment.indicators).toEqual([
      {
        name: "产出指标",
        groups: [
          {
            name: "数量指标",
            indicators: [
              { name: "维护路灯数", target: "≥500盏", actual: "520盏", weight: 20, score: 20 },
              {
                name: "亮灯率",
                target: "≥98%",
                actual: "97%",
                weight: 10,
                score: 9,
                deviationReason: "个别线路老化",
              },
            ],
          },
        ],
      },
      {
        name: "效益指标",
        groups: [
          {
            name: "社会效益指标",
            indicators: [{ name: "群众投诉下降", target: "明显", actual: "明显", weight: 10, score: 10 }],
          },
        ],
      },
    ]);
    expect(unread).toEqual([]);
  });
});
