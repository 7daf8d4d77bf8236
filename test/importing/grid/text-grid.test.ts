import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { textToGrid } from "../../../src/importing/grid/text-grid.ts";

const seeds = join(import.meta.dirname, "../../../fixtures/seeds");
const seedLines = (file: string, from: number, to: number): string =>
  readFileSync(join(seeds, file), "utf8")
    .split("\n")
    .slice(from - 1, to)
    .join("\n");

describe("textToGrid: a padded `|` table whose cell broke before its first pipe", () => {
  const padded = (middle: string[]) =>
    [
      "二级指标 | 三级指标 | 指标值 | 实际值 | 得分 | ||||",
      "质量指标 | 通过评审 | 通过 | 通过 | 10 | ||||",
      ...middle,
      "总分 | 99 | ||||||",
    ].join("\n");

  it("joins a pipe-less line inside the table with the next line that opens with a pipe", () => {
    const grid = textToGrid(padded(["成本指标", "| 编制费 | 200万 | 195.5万元 | 10 | ||||"]));
    expect(grid.rows[2]).toEqual({
      line: 3,
      lastLine: 4,
      cells: ["成本指标", "编制费", "200万", "195.5万元", "10", "", "", "", ""],
      plain: false,
    });
    expect(grid.rows).toHaveLength(4);
  });

  it("leaves a line alone before a table, or before a line of pipes only", () => {
    const before = textToGrid(
      [
        "来源：某网站",
        "| 项目支出绩效自评表 | ||||||",
        "项目名称 | 某项目 | ||||",
        "单位 | 某局 | ||||",
      ].join("\n"),
    );
    expect(before.rows[0]).toEqual({ line: 1, lastLine: 1, cells: ["来源：某网站"], plain: true });
    const pipesOnly = textToGrid(padded(["某项目名称", "|||||||"]));
    expect(pipesOnly.rows[2]).toEqual({ line: 3, lastLine: 3, cells: ["某项目名称"], plain: true });
  });
});

describe("textToGrid", () => {
  it("splits tab-separated lines, keeps empty cells and numbers rows by line", () => {
    const grid = textToGrid("指标\t权重分值\t得分\n\n\t\t工作任务科学性\t\t1\n注：说明文字");
    expect(grid.layout).toBe("tabs");
    expect(grid.rows).toEqual([
      { line: 1, lastLine: 1, cells: ["指标", "权重分值", "得分"], plain: false },
      { line: 3, lastLine: 3, cells: ["", "", "工作任务科学性", "", "1"], plain: false },
      { line: 4, lastLine: 4, cells: ["注：说明文字"], plain: true },
    ]);
  });

  it("follows an Excel quoted cell onto the next line and undoubles its quotes", () => {
    const grid = textToGrid('任务名称\t主要内容\n路长制工作\t"用于路长制，""两级""\n经费支出"\t56');
    expect(grid.rows[1]).toEqual({
      line: 2,
      lastLine: 3,
      cells: ["路长制工作", '用于路长制，"两级"\n经费支出', "56"],
      plain: false,
    });
  });

  it("keeps a quote that does not close a cell as text", () => {
    const grid = textToGrid('"三公经费"控制率\t≤100%');
    expect(grid.rows[0]?.cells).toEqual(['"三公经费"控制率', "≤100%"]);
  });

  it("reads a Word table extracted one cell per line (seed 003, lines 540-560)", () => {
    const grid = textToGrid(seedLines("003_3bc036a0d1488051.txt", 540, 561));
    expect(grid.layout).toBe("cell-per-line");
    expect(grid.rows).toEqual([
      {
        line: 1,
        lastLine: 12,
        cells: [
          "绩效指标",
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ],
        plain: false,
      },
      {
        line: 14,
        lastLine: 22,
        cells: [
          "",
          "产出指标(50分)",
          "数量指标（15）",
          "带宽总共3G，政务网络覆盖全市所有市直单位，32个乡镇街道，323个村社区。",
          "100.00%",
          "100%",
          "15",
          "15",
          "",
        ],
        plain: false,
      },
    ]);
  });

  it("keeps narrative lines of a cell-per-line text as plain rows", () => {
    const grid = textToGrid("附表：\n\t填报单位：浏阳市数据资源中心\n\n\t编制数\n\t控制率");
    expect(grid.rows).toEqual([
      { line: 1, lastLine: 1, cells: ["附表："], plain: true },
      { line: 2, lastLine: 2, cells: ["填报单位：浏阳市数据资源中心"], plain: false },
      { line: 4, lastLine: 5, cells: ["编制数", "控制率"], plain: false },
    ]);
  });

  it("splits |-separated rows without tabs and drops the Markdown separator row", () => {
    const grid = textToGrid("| 指标 | 权重分值 | 得分 |\n|---|:---:|---|\n| 产出指标 |  | 40 |\n说明");
    expect(grid.layout).toBe("pipes");
    expect(grid.rows.map((r) => r.cells)).toEqual([
      ["指标", "权重分值", "得分"],
      ["产出指标", "", "40"],
      ["说明"],
    ]);
    expect(grid.rows.map((r) => r.line)).toEqual([1, 3, 4]);
  });

  it("splits runs of two or more spaces when there are no tabs or pipes, keeping single spaces in a cell", () => {
    const grid = textToGrid("投入管理 指标  工作目标管理  年度履职目标相关性\n刘媛媛 63526383");
    expect(grid.layout).toBe("spaces");
    expect(grid.rows.map((r) => [r.cells, r.plain])).toEqual([
      [["投入管理 指标", "工作目标管理", "年度履职目标相关性"], false],
      [["刘媛媛 63526383"], true],
    ]);
  });

  it("gives an indented space-separated row a blank cell for each column left of its first cell", () => {
    const text = ["一级指标  二级指标  三级指标  分值", "                    预算执行率  2"].join("\n");
    expect(textToGrid(text).rows[1]?.cells).toEqual(["", "", "预算执行率", "2"]);
  });

  it("gives no rows for blank text", () => {
    expect(textToGrid(" \n\n").rows).toEqual([]);
  });
});

describe("textToGrid on a PDF text layer", () => {
  it("joins a number wrapped across blank lines and leaves other cut lines alone", () => {
    const grid = textToGrid(
      "编制数 实际在职人数 控制率\n\n143 136 95.\n\n10% 经费控制情况\n见附件2.\n2019年决算数",
    );
    expect(grid.rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ["编制数 实际在职人数 控制率"]],
      [3, ["143 136 95.10% 经费控制情况"]],
      [6, ["见附件2."]],
      [7, ["2019年决算数"]],
    ]);
  });
});
