import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Report, ReportSchema } from "../../../src/core/report.ts";
import { textToGrid } from "../../../src/importing/grid/text-grid.ts";
import { importDocument } from "../../../src/importing/report/import-document.ts";
import { readReportTitle } from "../../../src/importing/report/report-title.ts";
import { readNarrativeFacts } from "../../../src/importing/sections/narrative-facts.ts";
import { readProseTasks } from "../../../src/importing/sections/prose-tasks.ts";

const SEEDS = {
  "000": "fixtures/seeds/000_0839647822e00506.txt",
  "001": "fixtures/seeds/001_ed109474d837ba6d.txt",
  "002": "fixtures/seeds/002_65c9de34f8230d6c.txt",
  "003": "fixtures/seeds/003_3bc036a0d1488051.txt",
} as const;

function importSeed(seed: keyof typeof SEEDS) {
  const text = readFileSync(SEEDS[seed], "utf8");
  return importDocument(textToGrid(text).rows, text);
}

function fixture(name: string): Report {
  return ReportSchema.parse(JSON.parse(readFileSync(`fixtures/reports/${name}.json`, "utf8")));
}

/** Paths where two values differ, with both values, leaves only. */
function differences(a: unknown, b: unknown, path = ""): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
      ),
    );
  }
  return [path];
}

/** Fields the hand-made fixtures add from outside the text: region, scheme and provenance. */
const FROM_OUTSIDE = ["unit.region", "schemeId", "source"];

describe("importDocument on the four real reports", () => {
  it("seed 000 reads everything the hand-made fixture holds", () => {
    const [main, ...annexes] = importSeed("000");
    expect(annexes).toEqual([]);
    expect(main?.unread).toEqual([]);
    expect(differences(ReportSchema.parse(main?.fragment), fixture("seed-000"))).toEqual(FROM_OUTSIDE);
  });

  it("seed 001 takes the budget totals and 三公经费 from the narrative, since its table has none", () => {
    const [main] = importSeed("001");
    const report = ReportSchema.parse(main?.fragment);
    expect(report.budget.initial?.text).toBe("768.94万元");
    expect(report.budget.reportedRate?.text).toBe("105%");
    expect(report.budget.threePublicExpenses?.reportedRate?.text).toBe("180%");
    expect(differences(report, fixture("seed-001"))).toEqual([
      // The report's own header says "金水区智慧城市管理中心"; the fixture added the city.
      "unit.name",
      "unit.region",
      // "≥100" and "%" in separate cells of one row: the unit is not joined to the target.
      "indicators.1.groups.0.indicators.0.target.unit",
      "indicators.1.groups.0.indicators.0.target.text",
      "indicators.1.groups.0.indicators.0.unit",
      "schemeId",
      "source",
    ]);
  });

  it("seed 002 (no 自评表) reads title, the 23 numbered tasks, budget and score from prose", () => {
    const [main] = importSeed("002");
    const report = ReportSchema.parse(main?.fragment);
    expect(report.unit.name).toBe("管城回族区政务服务和大数管理局");
    expect(report.tasks).toHaveLength(23);
    expect(main?.reads).toContainEqual({
      what: "年度主要任务（编号列表）",
      detail: "读取23项",
      firstLine: 15,
      lastLine: 65,
    });
    expect(differences(report, fixture("seed-002"))).toEqual([
      "unit.name",
      "unit.region",
      // 财政拨款 figures: the fixture repeats the totals as the fiscal source.
      "budget.sources",
      "schemeId",
      "source",
    ]);
  });

  it("seed 003 splits the department report from its annex project 自评表", () => {
    const [main, project, ...more] = importSeed("003");
    expect(more).toEqual([]);
    expect(project?.label).toBe("2020年项目支出绩效自评表");
    expect(project?.reads.map((r) => [r.what, r.detail, r.firstLine, r.lastLine])).toEqual([
      ["自评表表头", "读取3行", 474, 485],
      ["预算情况表", "读取3行", 487, 530],
      ["自评表表头", "读取1行", 532, 538],
      ["绩效指标表", "读取9行", 540, 641],
      ["各项指标得分情况表", "读取1行", 643, 646],
    ]);
    const department = ReportSchema.parse(main?.fragment);
    expect(differences(department, fixture("seed-003"))).toEqual([
      "unit.region",
      // No total line in the 整体支出规模 table; the fixture copied the 财政拨款 row.
      "budget.adjusted",
      "budget.executed",
      "budget.reportedRate",
      // The 基础数据表 states no unit: its amounts are listed as unread, not assumed.
      "budget.threePublicExpenses",
      "budget.procurement",
      "schemeId",
      "source",
    ]);
    expect(main?.unread.filter((u) => u.reason.includes("没有单位")).map((u) => u.line)).toEqual([
      130, 130, 195,
    ]);
    expect(differences(ReportSchema.parse(project?.fragment), fixture("seed-003-project"))).toEqual([
      "unit.region",
      // Only the 总分 row states 96 for the annex; the stated total is not copied from it.
      "summary.total",
      "schemeId",
      "source",
    ]);
  });
});

describe("pieces of the importer", () => {
  it("reads kind, year and unit from a title with PDF spaces in it", () => {
    expect(readReportTitle("2022 年度管城回族区政务服务和大数管理 局部门整体自评报告")).toEqual({
      text: "2022 年度管城回族区政务服务和大数管理 局部门整体自评报告",
      kind: "department",
      year: 2022,
      unit: "管城回族区政务服务和大数管理局",
    });
    expect(readReportTitle("2020年部门整体支出绩效自评报告")).toEqual({
      text: "2020年部门整体支出绩效自评报告",
      kind: "department",
      year: 2020,
    });
    expect(readReportTitle("浏阳市数据资源中心2020年度项目资金绩效自评综合得分为96分")).toBeNull();
  });

  it("reads a numbered prose task list, joining broken lines, and lists items without amounts", () => {
    const lines = [
      "共 3 个项目，如下：",
      "（1）网络租赁，保障政务外网运行。项目批复资金 12 万元，项目执行资金为 11.5 万元。",
      "(2) 机房改造，按照等保要求",
      "完善机房。项目批复资金 40 万元，项目执行资金为 0 万元。",
      "(3) 培训，组织业务培训。",
      "二、绩效自评工作开展情况",
      "(4) 不属于任务，项目批复资金 1 万元。",
    ];
    expect(readProseTasks(lines)).toEqual({
      tasks: [
        { name: "网络租赁", content: "保障政务外网运行。", budget: "12万元", executed: "11.5万元" },
        { name: "机房改造", content: "按照等保要求完善机房。", budget: "40万元", executed: "0万元" },
        { name: "培训", content: "组织业务培训。" },
      ],
      firstLine: 2,
      lastLine: 5,
      withoutAmounts: [3],
    });
    expect(readProseTasks(["（1）加强学习。", "（2）细化管理。"])).toBeNull();
  });

  it.each([
    ["对南县财政局2020年度机关整体支出开展了绩效评价,综合评分为97分。", 97],
    ["我部门2021年部门整体绩效最终得分为 96 分。", 96],
    ["经评价，自评总分为92.5分，等级为优。", 92.5],
    ["绩效评价得分：88分。", 88],
  ])("reads the stated total from the conclusion: %s → %d", (text, total) => {
    const read = readNarrativeFacts([{ id: "conclusion", title: "一、自评得分情况", text }]);
    expect(read.facts.filter((f) => f.path.join(".") === "summary.total").map((f) => f.value)).toEqual([
      total,
    ]);
  });

  it("takes a narrative figure only when every statement of it agrees", () => {
    const section = (text: string) => ({ id: "funds" as const, title: "（一）资金情况", text });
    const agree = readNarrativeFacts([section("预算年初数为561.5万元，预算执行率97%。\n预算执行率97%。")]);
    expect(agree.facts.map((f) => [f.path.join("."), f.value])).toEqual([
      ["budget.initial", "561.5万元"],
      ["budget.reportedRate", "97%"],
    ]);
    const clash = readNarrativeFacts([section("预算执行率97%。\n预算执行率95%。")]);
    expect(clash.facts).toEqual([]);
    expect(clash.clashes).toEqual([
      {
        path: ["budget", "reportedRate"],
        values: ["97%", "95%"],
        section: "（一）资金情况",
        quote: "预算执行率97%。",
      },
    ]);
  });
});
