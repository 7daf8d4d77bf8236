import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BlockSchema } from "../../../src/core/indicators.ts";
import type { ReportInput } from "../../../src/core/report.ts";
import { type ReportFragment, readPastedTables } from "../../../src/importing/tables/pasted-tables.ts";

const repo = join(import.meta.dirname, "../../..");
const seed = (file: string): string => readFileSync(join(repo, "fixtures/seeds", file), "utf8");
const fixture = (name: string): ReportInput =>
  JSON.parse(readFileSync(join(repo, "fixtures/reports", `${name}.json`), "utf8")) as ReportInput;

/** The given 1-based, inclusive line ranges of a text, joined by a blank line. */
function cut(text: string, ...ranges: ReadonlyArray<readonly [number, number]>): string {
  const lines = text.split("\n");
  return ranges.map(([from, to]) => lines.slice(from - 1, to).join("\n")).join("\n\n");
}

function omit<T extends object>(value: T | undefined, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([k]) => !keys.includes(k))) as Partial<T>;
}

/**
 * The seed-003 fixtures write qualitative targets as `{ kind: "qualitative", text }`; the reader writes
 * the text alone, which the report model reads the same way (a target string that is not a number is
 * qualitative). This turns the fixture's objects into the text so the input forms can be compared.
 */
function targetsAsWritten(blocks: ReportInput["indicators"]): unknown {
  return (blocks ?? []).map((block) => ({
    ...block,
    groups: block.groups.map((group) => ({
      ...group,
      indicators: group.indicators.map((indicator) => {
        const target = indicator.target;
        const asText = typeof target === "object" && target.kind === "qualitative";
        return asText ? { ...indicator, target: target.text } : indicator;
      }),
    })),
  }));
}

/** Both sides through the report model: the same blocks, groups, targets and figures once parsed. */
const parsedBlocks = (blocks: unknown) => z.array(BlockSchema).parse(blocks);

/** Fields that come from a report's narrative, never from its tables. */
function expectNoNarrativeFields(fragment: ReportFragment): void {
  expect(fragment).not.toHaveProperty("schemeId");
  expect(fragment).not.toHaveProperty("narrative");
  expect(fragment).not.toHaveProperty("source");
  expect(fragment.unit).not.toHaveProperty("region");
}

describe("readPastedTables on seed 000 (Henan 自评表, tab-separated)", () => {
  const text = seed("000_0839647822e00506.txt");
  const f = fixture("seed-000");
  const expected = {
    kind: f.kind,
    year: f.year,
    unit: { name: f.unit.name },
    preparer: f.preparer,
    goals: f.goals,
    tasks: f.tasks,
    // 三公经费 and 结转结余率 are stated in section 四's narrative, not in the 自评表.
    budget: omit(f.budget, ["threePublicExpenses", "carryover"]),
    indicators: f.indicators,
    summary: f.summary,
  };

  it("reads the 自评表 (lines 13-83) and the 各项指标得分情况表 (lines 105-112) as the fixture has them", () => {
    const { fragment, unread } = readPastedTables(cut(text, [13, 83], [105, 112]));
    expect(fragment).toEqual(expected);
    expect(fragment.budget).not.toHaveProperty("threePublicExpenses");
    expect(fragment.budget).not.toHaveProperty("carryover");
    expectNoNarrativeFields(fragment);
    expect(unread).toEqual([]);
  });

  it("reads the same from the whole report, ignoring its narrative, and says where each table is", () => {
    const result = readPastedTables(text);
    expect(result.fragment).toEqual(expected);
    expect(result.unread).toEqual([]);
    expect(result.reads).toEqual([
      { table: "header", rows: 6, firstLine: 13, lastLine: 27 },
      { table: "tasks", rows: 8, firstLine: 28, lastLine: 39 },
      { table: "budget", rows: 5, firstLine: 40, lastLine: 46 },
      { table: "indicators", rows: 32, firstLine: 47, lastLine: 81 },
      { table: "summary", rows: 5, firstLine: 107, lastLine: 112 },
    ]);
  });

  it("reads the shifted rows '≥ | 99% | 100%' as target ≥99%, unit %, actual 100%", () => {
    const { fragment } = readPastedTables(cut(text, [47, 52]));
    expect(fragment.indicators?.[0]?.groups?.[1]?.indicators?.[1]).toEqual({
      name: "专项资金细化率",
      target: "≥99%",
      unit: "%",
      actual: "100%",
      weight: 1,
      score: 1,
    });
  });
});

describe("readPastedTables on seed 001 (Henan 申报表)", () => {
  const f = fixture("seed-001");
  const result = readPastedTables(seed("001_ed109474d837ba6d.txt"));

  it("reads year, goals, tasks, the declared budget and the 得分情况表 as the fixture has them", () => {
    const { fragment } = result;
    expect(fragment.kind).toBe(f.kind);
    expect(fragment.year).toBe(f.year);
    expect(fragment.goals).toEqual(f.goals);
    expect(fragment.tasks).toEqual(f.tasks);
    expect(fragment.budget).toEqual({
      declaredTotal: f.budget?.declaredTotal,
      sources: f.budget?.sources,
      structure: f.budget?.structure,
    });
    expect(fragment.summary).toEqual({ blocks: f.summary?.blocks, totalRow: f.summary?.totalRow });
    expect(result.unread).toEqual([]);
  });

  it("leaves out what only the narrative states: budget totals, 三公经费, total score and grade", () => {
    const { fragment } = result;
    for (const key of [
      "initial",
      "adjusted",
      "executed",
      "reportedRate",
      "threePublicExpenses",
      "carryover",
    ]) {
      expect(fragment.budget).not.toHaveProperty(key);
    }
    expect(fragment.summary).not.toHaveProperty("total");
    expect(fragment.summary).not.toHaveProperty("grade");
    expect(fragment).not.toHaveProperty("preparer");
    expectNoNarrativeFields(fragment);
  });

  it("reads the unit name as the table writes it (the fixture takes the title's 郑州市…)", () => {
    expect(result.fragment.unit).toEqual({ name: "金水区智慧城市管理中心" });
    expect(f.unit.name).toBe("郑州市金水区智慧城市管理中心");
  });

  it("reads the indicators, repeated block heading and misplaced rows included, without inventing a unit", () => {
    const expected = structuredClone(f.indicators ?? []);
    // Line 50 is "产出指标 | … | 路长制工作 | ≥100": no % in the paste (the fixture adds "%" from the rows below).
    const output = expected[1]?.groups[0];
    if (output !== undefined) output.indicators[0] = { name: "路长制工作", target: "≥100" };
    expect(result.fragment.indicators).toEqual(expected);
  });
});

describe("readPastedTables on seed 002 (no tables)", () => {
  it("gives an empty fragment and no reads for a report with no table", () => {
    expect(readPastedTables(seed("002_65c9de34f8230d6c.txt"))).toEqual({
      fragment: {},
      reads: [],
      unread: [],
    });
  });
});

describe("readPastedTables on seed 003 (Hunan, cells one per line)", () => {
  const text = seed("003_3bc036a0d1488051.txt");
  const project = fixture("seed-003-project");
  const department = fixture("seed-003");

  it("reads the 2020年项目支出绩效自评表 (lines 474-645) as seed-003-project has it", () => {
    const { fragment, unread } = readPastedTables(cut(text, [474, 645]));
    const { indicators, ...rest } = fragment;
    expect(rest).toEqual({
      kind: project.kind,
      year: project.year,
      project: project.project,
      unit: { name: project.unit.name, parent: project.unit.parent },
      goals: project.goals,
      budget: project.budget,
      summary: { totalRow: project.summary?.totalRow },
    });
    expect(indicators).toEqual(targetsAsWritten(project.indicators));
    expect(parsedBlocks(indicators)).toEqual(parsedBlocks(project.indicators));
    expectNoNarrativeFields(fragment);
    expect(unread).toEqual([
      {
        line: 41,
        text: "上年结转资金 | 0 | 0 | 0",
        reason: "第41行“上年结转资金”不在报告模型中（只读合计、资金来源和资金结构），未读取",
      },
    ]);
  });

  it("reads the department's 基础数据表 and 自评表 from the whole annex as seed-003 has them", () => {
    const { fragment } = readPastedTables(text);
    const { indicators, ...rest } = fragment;
    expect(rest).toEqual({
      kind: department.kind,
      year: department.year,
      unit: { name: department.unit.name },
      goals: department.goals,
      budget: {
        staff: department.budget?.staff,
        sources: department.budget?.sources,
        structure: department.budget?.structure,
      },
      summary: { totalRow: department.summary?.totalRow },
    });
    expect(indicators).toEqual(targetsAsWritten(department.indicators));
    expect(parsedBlocks(indicators)).toEqual(parsedBlocks(department.indicators));
  });

  it("does not derive the budget total the table lacks, nor take the total score from the narrative", () => {
    const { fragment } = readPastedTables(text);
    for (const key of ["initial", "adjusted", "executed", "reportedRate"]) {
      expect(fragment.budget).not.toHaveProperty(key);
    }
    expect(fragment.summary).not.toHaveProperty("total");
    expectNoNarrativeFields(fragment);
  });

  it("leaves the 基础数据表 amounts unread when no unit is stated, and reads them with a unit given", () => {
    const annex = cut(text, [110, 208]);
    const without = readPastedTables(annex);
    expect(without.fragment.budget).toEqual({ staff: department.budget?.staff });
    expect(without.unread.filter((u) => u.line === 21)).toEqual([
      {
        line: 21,
        text: "三公经费 | 1.86 | 2 | 0.95",
        reason:
          "第21行“2020年预算数”列的金额“2”没有单位，表格也没有注明是元还是万元，未读取；请注明单位，例如“单位：万元”",
      },
      {
        line: 21,
        text: "三公经费 | 1.86 | 2 | 0.95",
        reason:
          "第21行“2020年决算数”列的金额“0.95”没有单位，表格也没有注明是元还是万元，未读取；请注明单位，例如“单位：万元”",
      },
    ]);
    const withUnit = readPastedTables(annex, { defaultAmountUnit: "万元" });
    expect(withUnit.fragment.budget).toEqual({
      staff: department.budget?.staff,
      threePublicExpenses: department.budget?.threePublicExpenses,
      procurement: department.budget?.procurement,
    });
  });

  it("skips the 监控表 and the other report's 自评表 whole, listing each once", () => {
    const { unread, reads } = readPastedTables(text);
    expect(unread.filter((u) => u.line === 214 || u.line === 474)).toEqual([
      {
        line: 214,
        text: "2021年项目支出绩效目标执行监控表",
        reason: "第214行起“2021年项目支出绩效目标执行监控表”是年中执行监控表，不是自评表，整张表未读取",
      },
      {
        line: 474,
        text: "2020年项目支出绩效自评表",
        reason:
          "第474行起“2020年项目支出绩效自评表”属于另一份报告（项目支出），一次只读取一份报告，整张表未读取；请单独粘贴",
      },
    ]);
    expect(unread.filter((u) => u.line >= 214).map((u) => u.line)).toEqual([214, 474]);
    expect(reads).toEqual([
      { table: "header", rows: 2, firstLine: 111, lastLine: 113 },
      { table: "budget", rows: 1, firstLine: 115, lastLine: 123 },
      { table: "header", rows: 2, firstLine: 657, lastLine: 670 },
      { table: "budget", rows: 4, firstLine: 672, lastLine: 700 },
      { table: "header", rows: 1, firstLine: 702, lastLine: 708 },
      { table: "indicators", rows: 22, firstLine: 712, lastLine: 909 },
      { table: "summary", rows: 1, firstLine: 911, lastLine: 914 },
    ]);
  });
});

describe("readPastedTables on hand-written pastes", () => {
  it("reads a space-separated paste, an indented row continuing the block above", () => {
    const text = [
      "部门(单位)名称  某某区统计局  自评得分  92",
      "一级指标  二级指标  三级指标  指标值  实际完成值  分值  得分",
      "产出指标(50分)  数量指标  普查完成数  ≥10个  12个  10  10",
      "                质量指标  数据合格率  ≥95%  96%  10  9",
    ].join("\n");
    expect(readPastedTables(text)).toEqual({
      fragment: {
        unit: { name: "某某区统计局" },
        summary: { total: 92 },
        indicators: [
          {
            name: "产出指标",
            weight: 50,
            groups: [
              {
                name: "数量指标",
                indicators: [{ name: "普查完成数", target: "≥10个", actual: "12个", weight: 10, score: 10 }],
              },
              {
                name: "质量指标",
                indicators: [{ name: "数据合格率", target: "≥95%", actual: "96%", weight: 10, score: 9 }],
              },
            ],
          },
        ],
      },
      reads: [
        { table: "header", rows: 1, firstLine: 1, lastLine: 1 },
        { table: "indicators", rows: 2, firstLine: 2, lastLine: 4 },
      ],
      unread: [],
    });
  });

  it("reads a | table of block scores with its 合计 row", () => {
    const text = [
      "各项指标得分情况表",
      "| 指标 | 权重分值 | 得分 | 得分率 |",
      "|---|---|---|---|",
      "| 产出指标 | 50 | 48 | 96% |",
      "| 效益指标 | 50 | 47 | 94% |",
      "| 合计 | 100 | 95 | 95% |",
    ].join("\n");
    expect(readPastedTables(text)).toEqual({
      fragment: {
        summary: {
          blocks: [
            { name: "产出指标", weight: 50, score: 48, rate: "96%" },
            { name: "效益指标", weight: 50, score: 47, rate: "94%" },
          ],
          totalRow: { name: "合计", weight: 100, score: 95, rate: "95%" },
        },
      },
      reads: [{ table: "summary", rows: 3, firstLine: 2, lastLine: 6 }],
      unread: [],
    });
  });

  it("lists a row with a missing column as unread and still reads the rows around it", () => {
    const text = [
      "一级指标\t二级指标\t三级指标\t指标值\t度量单位\t实际完成值\t分值\t得分\t未完成原因分析",
      "产出指标 (40分)\t数量指标\t完成数\t≥10\t个\t12\t5\t5\t",
      "\t\t合格率\t≥95%\t96%\t5\t5",
      "\t\t及时率\t≥90\t%\t92%\t5\t4\t人员不足",
    ].join("\n");
    const { fragment, unread } = readPastedTables(text);
    expect(fragment.indicators?.[0]?.groups?.[0]?.indicators).toEqual([
      { name: "完成数", target: "≥10", unit: "个", actual: "12", weight: 5, score: 5 },
      {
        name: "及时率",
        target: "≥90%",
        unit: "%",
        actual: "92%",
        weight: 5,
        score: 4,
        deviationReason: "人员不足",
      },
    ]);
    expect(unread).toEqual([
      {
        line: 3,
        text: "合格率 | ≥95% | 96% | 5 | 5",
        reason: "第3行有7格，表头有9列，无法确定缺少的是哪一列，整行未读取",
      },
    ]);
  });

  it("does not guess an amount written with letters (IO0) and reads the other cells of the row", () => {
    const text = [
      "单位：万元",
      "预算情况\t年初预算数\t调整预算数\t预算执行数\t预算执行率\t分值\t得分",
      "部门预算总额\t561.41\t561.41\tIO0\t97%\t10\t9",
    ].join("\n");
    expect(readPastedTables(text)).toEqual({
      fragment: {
        budget: { initial: "561.41万元", adjusted: "561.41万元", reportedRate: "97%", weight: 10, score: 9 },
      },
      reads: [{ table: "budget", rows: 1, firstLine: 2, lastLine: 3 }],
      unread: [
        {
          line: 3,
          text: "部门预算总额 | 561.41 | 561.41 | IO0 | 97% | 10 | 9",
          reason: "第3行“预算执行数”列应为金额，例如 545.06，读到“IO0”：疑似把字母 I/O 当成了数字 1/0",
        },
      ],
    });
  });

  it("reads an indicator table without a 一级指标 column into a block without a name", () => {
    const text = [
      "二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分",
      "数量指标\t培训人次\t≥500人次\t620人次\t10\t10",
      "\t培训合格率\t≥95%\t97%\t10\t10",
      "满意度指标\t学员满意度\t满意度达90%\t93%\t10\t9",
    ].join("\n");
    const satisfaction = { kind: "quantitative", comparator: "≥", value: 90, unit: "%", text: "满意度达90%" };
    expect(readPastedTables(text).fragment).toEqual({
      indicators: [
        {
          groups: [
            {
              name: "数量指标",
              indicators: [
                { name: "培训人次", target: "≥500人次", actual: "620人次", weight: 10, score: 10 },
                { name: "培训合格率", target: "≥95%", actual: "97%", weight: 10, score: 10 },
              ],
            },
            {
              name: "满意度指标",
              indicators: [{ name: "学员满意度", target: satisfaction, actual: "93%", weight: 10, score: 9 }],
            },
          ],
        },
      ],
    });
  });

  it("keeps the first of two different values for one field and reports the second", () => {
    const { fragment, unread } = readPastedTables(
      "部门名称\t甲局\n\n部门名称\t乙局\n自评结果\t良好\n自评得分\t九十",
    );
    expect(fragment).toEqual({ unit: { name: "甲局" }, summary: { grade: "良", total: 90 } });
    expect(unread).toEqual([
      {
        line: 3,
        text: "部门名称 | 乙局",
        reason: "第3行的单位名称“乙局”与第1行读到的“甲局”不一致，保留第1行的值",
      },
    ]);
  });

  it("reports a grade that is not 优/良/中/差 instead of guessing one", () => {
    const { fragment, unread } = readPastedTables("自评结果\t合格");
    expect(fragment).toEqual({});
    expect(unread).toEqual([
      { line: 1, text: "自评结果 | 合格", reason: "第1行“自评结果”应为优、良、中或差，读到“合格”" },
    ]);
  });

  it("lists a table row it cannot place and ignores narrative, notes and titles", () => {
    const text = [
      "2021年度，我部门预算年初数为561.5万元。",
      "附表：",
      "资产名称\t数量\t原值",
      "注：1. 自评采取打分评价的形式。",
    ].join("\n");
    expect(readPastedTables(text)).toEqual({
      fragment: {},
      reads: [],
      unread: [
        {
          line: 3,
          text: "资产名称 | 数量 | 原值",
          reason:
            "第3行不属于可识别的表格（自评表表头、年度主要任务、预算情况、绩效指标、各项指标得分情况表），未读取",
        },
      ],
    });
  });

  it("reads the preparer from label cells with the value after the colon", () => {
    const { fragment } = readPastedTables("(2022 年度)\n填表人：张三\t联系电话：0731-83331234");
    expect(fragment).toEqual({ year: 2022, preparer: { name: "张三", phone: "0731-83331234" } });
  });

  it("reads a task row whose only cell ends in 表 as a task, not as a table title", () => {
    const text = "年度主要任务\t任务名称\t主要内容\n\t编制报表\t\n\t数据采集\t采集全区数据";
    expect(readPastedTables(text).fragment.tasks).toEqual([
      { name: "编制报表" },
      { name: "数据采集", content: "采集全区数据" },
    ]);
  });

  it("gives an empty result for text without a table", () => {
    expect(readPastedTables("各项指标得分情况如下：\n一是前期准备阶段。")).toEqual({
      fragment: {},
      reads: [],
      unread: [],
    });
  });
});
