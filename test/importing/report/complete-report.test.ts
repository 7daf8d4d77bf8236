import { describe, expect, it } from "vitest";
import { reportFieldLabel } from "../../../src/core/report-field-label.ts";
import { completeReport, UNKNOWN_UNIT, UNKNOWN_YEAR } from "../../../src/importing/report/complete-report.ts";

describe("completeReport: a report the checks can take, whatever the file lacked", () => {
  it("a complete fragment is taken as it is, nothing missing or dropped", () => {
    const done = completeReport({
      kind: "project",
      unit: { name: "中江县水利局" },
      year: 2022,
      budget: { adjusted: "20万元", executed: "20万元" },
    });
    expect(done.missing).toEqual([]);
    expect(done.dropped).toEqual([]);
    expect([done.report.unit.name, done.report.year, done.report.budget.executed?.wan]).toEqual([
      "中江县水利局",
      2022,
      20,
    ]);
  });

  it("unit, year and kind not read are recorded as missing; the kind is taken from the text's words", () => {
    const text = "项目支出绩效自评表 项目名称 … 项目资金（万元） 部门整体";
    const done = completeReport({ budget: { executed: "125.25万元" } }, text);
    expect(done.missing).toEqual(["unit", "year", "kind"]);
    expect(done.assumedKind).toEqual({ kind: "project", why: "文中“项目支出/项目名称/项目资金”出现3次" });
    expect([done.report.unit.name, done.report.year, done.report.kind]).toEqual([
      UNKNOWN_UNIT,
      UNKNOWN_YEAR,
      "project",
    ]);
    expect(done.report.budget.executed?.wan).toBe(125.25);
  });

  it("a project name decides the kind; no word at all is checked as 部门整体 and says so", () => {
    expect(completeReport({ project: "水标尺制作安装" }).assumedKind).toEqual({
      kind: "project",
      why: "表中有项目名称",
    });
    expect(completeReport({}, "你好").assumedKind).toEqual({
      kind: "department",
      why: "文中没有说明，按部门整体核查",
    });
  });

  it("a value the model cannot take is dropped with its place named as the table names it; the rest stays", () => {
    const done = completeReport({
      kind: "project",
      unit: { name: "稷山县翟店镇卫生院" },
      year: 2021,
      budget: { initial: "-5万元", executed: "207.4538万元" },
      indicators: [
        {
          name: "产出指标",
          groups: [
            {
              name: "数量指标",
              indicators: [
                { name: "居民健康档案", target: "38508人", actual: "37442人", weight: 3, score: 3 },
                { name: "发放健康教育资料", weight: -2, score: 1 },
                { target: "100%", weight: 2 },
              ],
            },
          ],
        },
      ],
      summary: { totalRow: { name: "总分", rate: "120%" } },
    });
    expect(done.missing).toEqual([]);
    expect(done.dropped.map((d) => [d.path, d.label, d.value])).toEqual([
      ["summary.totalRow.rate", "得分汇总的合计行的得分率", "120%"],
      ["indicators[0].groups[0].indicators[2]", "绩效指标“产出指标 / 数量指标 / 第3个三级指标”", "100% 2"],
      [
        "indicators[0].groups[0].indicators[1].weight",
        "绩效指标“产出指标 / 数量指标 / 发放健康教育资料”的分值",
        "-2",
      ],
      ["budget.initial", "预算情况的年初预算数", "-5万元"],
    ]);
    expect(done.dropped[1]?.reason).toBe("缺少名称，整行未采用");
    expect(done.dropped[3]?.reason).toBe('金额不能为负数：读到“-5万元”。请填写0或正数，例如 "545.06万元"');
    const rows = done.report.indicators[0]?.groups[0]?.indicators ?? [];
    expect(rows.map((r) => [r.name, r.weight, r.score])).toEqual([
      ["居民健康档案", 3, 3],
      ["发放健康教育资料", undefined, 1],
    ]);
    expect(done.report.budget.executed?.wan).toBe(207.4538);
    expect(done.report.budget.initial).toBeUndefined();
  });

  it("two bad rows of one table are both removed, not a neighbour (the later place goes first)", () => {
    const done = completeReport({
      kind: "department",
      unit: { name: "南县财政局" },
      year: 2020,
      indicators: [
        {
          name: "投入",
          groups: [
            {
              name: "预算配置",
              indicators: [
                { weight: 5 },
                { name: "在职人员控制率", weight: 5 },
                { score: 8 },
                { name: "三公经费变动率", weight: 8 },
              ],
            },
          ],
        },
      ],
    });
    expect(done.report.indicators[0]?.groups[0]?.indicators.map((r) => r.name)).toEqual([
      "在职人员控制率",
      "三公经费变动率",
    ]);
    expect(done.dropped.map((d) => d.label)).toEqual([
      "绩效指标“投入 / 预算配置 / 第3个三级指标”",
      "绩效指标“投入 / 预算配置 / 第1个三级指标”",
    ]);
  });
});

describe("a table without 一级/二级指标 columns keeps its rows", () => {
  it("the levels are named as unlisted, the rows stay and are scored like any other", () => {
    const done = completeReport({
      kind: "project",
      unit: { name: "稷山县翟店镇卫生院" },
      year: 2021,
      indicators: [
        {
          groups: [
            { indicators: [{ name: "早孕建册数", target: "120人", actual: "69人", weight: 2, score: 1 }] },
          ],
        },
      ],
    });
    expect(done.dropped).toEqual([]);
    expect(
      done.report.indicators.map((b) => [b.name, b.groups.map((g) => [g.name, g.indicators.length])]),
    ).toEqual([["（表中未列一级指标）", [["（表中未列二级指标）", 1]]]]);
  });
});

describe("reportFieldLabel names a field as an officer reads the report", () => {
  it.each([
    [["budget", "sources", "fiscal", "executed"], "预算情况的资金来源的财政资金的预算执行数"],
    [["tasks", 1, "budget"], "年度主要任务第2项的预算资金"],
    [["year"], "年度"],
    [["indicators", 0, "groups", 2, "weight"], "绩效指标“第1个一级指标 / 第3个二级指标”的分值"],
  ] as const)("%j → %s", (path, label) => {
    expect(reportFieldLabel(path)).toBe(label);
  });

  it("names rows by their own names where the data has them", () => {
    const data = { tasks: [{ name: "政务网运维" }], narrative: [{ title: "五、存在的问题" }] };
    expect(reportFieldLabel(["tasks", 0, "executed"], data)).toBe("年度主要任务“政务网运维”的预算执行数");
    expect(reportFieldLabel(["narrative", 0, "text"], data)).toBe("叙述部分“五、存在的问题”的内容");
  });
});
