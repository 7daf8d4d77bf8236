import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Section } from "../../../src/core/sections.ts";
import { splitSections } from "../../../src/importing/sections/sections.ts";

/** The seed reports as extracted text, copied into fixtures/seeds so CI reads them. */
const seedsDir = join(import.meta.dirname, "../../../fixtures/seeds");
const fixturesDir = join(import.meta.dirname, "../../../fixtures/reports");
const seedFiles = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => /^\d{3}_.*\.txt$/.test(f)) : [];

function fixtureNarrative(seedFile: string): Section[] {
  const json = JSON.parse(readFileSync(join(fixturesDir, `seed-${seedFile.slice(0, 3)}.json`), "utf8"));
  return json.narrative;
}

function seedText(prefix: string): string {
  const file = seedFiles.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} not found in ${seedsDir}`);
  return readFileSync(join(seedsDir, file), "utf8");
}

describe("splitSections on the seed reports", () => {
  it("finds the four seeds", () => {
    expect(seedFiles.map((f) => f.slice(0, 3)).sort()).toEqual(["000", "001", "002", "003"]);
  });

  it.each(seedFiles)("%s: sections equal the fixture's narrative", (file) => {
    expect(splitSections(seedText(file)).sections).toEqual(fixtureNarrative(file));
  });

  it("000: the markdown title is the preamble and the three template hints are dropped as guidance", () => {
    const result = splitSections(seedText("000"));
    expect(result.preamble).toBe("电子政务中心部门整体绩效自评报告");
    expect(result.dropped.filter((d) => d.reason !== "table")).toEqual([
      { line: 99, text: "包括评价得分和各项指标得分情况简要分析等。", reason: "guidance" },
      { line: 118, text: "资金到位情况分析、资金执行情况分析、资金管理情况分析等。", reason: "guidance" },
      { line: 128, text: "工作目标管理情况、预算和财务管理情况、绩效管理情况等。", reason: "guidance" },
    ]);
  });

  it("000: the 自评表 with its title, loose header cells and note, and the score table are dropped", () => {
    const tables = splitSections(seedText("000")).dropped.filter((d) => d.reason === "table");
    expect(tables.slice(0, 6)).toEqual([
      { line: 13, text: "部门整体绩效自评表", reason: "table" },
      { line: 15, text: "(2021 年度)", reason: "table" },
      { line: 17, text: "填表人及联", reason: "table" },
      { line: 19, text: "刘媛媛 63526383", reason: "table" },
      { line: 21, text: "单位：万元", reason: "table" },
      { line: 23, text: "系方式：", reason: "table" },
    ]);
    expect(tables.map((d) => d.line).filter((n) => n > 83)).toEqual([105, 107, 108, 109, 110, 111, 112]);
  });

  it("003: everything from 附表： to the end is dropped as table", () => {
    const result = splitSections(seedText("003"));
    expect(result.preamble).toBe("2020年部门整体支出绩效自评报告");
    const annex = result.dropped.filter((d) => d.line >= 110);
    expect(annex[0]).toEqual({ line: 110, text: "附表：", reason: "table" });
    expect(annex.every((d) => d.reason === "table")).toBe(true);
    expect(result.dropped.filter((d) => d.line < 110)).toEqual([]);
  });
});

describe("splitSections on pasted text", () => {
  it("splits a clean officer paste by its numbered headings", () => {
    const text =
      "二、绩效自评工作开展情况\n一是成立工作组。\n\n二是收集资料。\n\n五、发现的主要问题和改进措施\n无";
    expect(splitSections(text)).toEqual({
      sections: [
        { id: "process", title: "二、绩效自评工作开展情况", text: "一是成立工作组。\n\n二是收集资料。" },
        { id: "problems_measures", title: "五、发现的主要问题和改进措施", text: "无" },
      ],
      preamble: "",
      dropped: [],
    });
  });

  it("keeps a heading with no text as a section with empty text", () => {
    const text = "五、发现的主要问题和改进措施\n\n六、自评结果拟应用和公开情况\n已在门户网站公开。";
    expect(splitSections(text).sections).toEqual([
      { id: "problems_measures", title: "五、发现的主要问题和改进措施", text: "" },
      { id: "application", title: "六、自评结果拟应用和公开情况", text: "已在门户网站公开。" },
    ]);
  });

  it("puts text without headings in the preamble and returns no sections", () => {
    const text = "我单位全年完成各项工作任务。\n\n资金使用规范，未发现违规情况。";
    expect(splitSections(text)).toEqual({
      sections: [],
      preamble: "我单位全年完成各项工作任务。\n\n资金使用规范，未发现违规情况。",
      dropped: [],
    });
  });

  it("reads Chinese and ASCII parentheses alike and keeps each title as written", () => {
    const text = "（一）部门资金情况分析\n执行率97%。\n(二) 年度履职目标及主要任务。\n保障网络运行。";
    expect(splitSections(text).sections).toEqual([
      { id: "funds", title: "（一）部门资金情况分析", text: "执行率97%。" },
      { id: "duties", title: "(二) 年度履职目标及主要任务。", text: "保障网络运行。" },
    ]);
  });

  it("reads full-width digits in numbered headings", () => {
    const text = "１．投入管理指标情况分析\n预算编制完整。\n２、产出指标情况分析\n全部完成。";
    expect(splitSections(text).sections).toEqual([
      { id: "analysis_input", title: "１．投入管理指标情况分析", text: "预算编制完整。" },
      { id: "analysis_output", title: "２、产出指标情况分析", text: "全部完成。" },
    ]);
  });

  it("skips a heading that only groups named headings, and opens its sub-sections after its own text", () => {
    const grouped = "四、绩效目标实现情况分析\n（一）部门资金情况分析\n执行率97%。";
    expect(splitSections(grouped).sections).toEqual([
      { id: "funds", title: "（一）部门资金情况分析", text: "执行率97%。" },
    ]);
    const withLeadIn = "四、绩效目标实现情况分析\n总体完成较好。\n（一）部门资金情况分析\n执行率97%。";
    expect(splitSections(withLeadIn).sections).toEqual([
      { id: "analysis", title: "四、绩效目标实现情况分析", text: "总体完成较好。" },
      { id: "funds", title: "（一）部门资金情况分析", text: "执行率97%。" },
    ]);
  });

  it("keeps a nested heading that is not a sub-section, and an unknown one at the same level, as text", () => {
    const text = "五、部门整体支出绩效情况\n1.项目组织实施情况\n实施顺利。\n六、存在的主要问题\n无";
    expect(splitSections(text).sections).toEqual([
      { id: "analysis", title: "五、部门整体支出绩效情况", text: "1.项目组织实施情况\n\n实施顺利。" },
      { id: "problems", title: "六、存在的主要问题", text: "无" },
    ]);
    expect(splitSections("(一)部门职能概述\n(一)职能职责\n负责全市政务网络。").sections).toEqual([
      { id: "duties", title: "(一)部门职能概述", text: "(一)职能职责\n\n负责全市政务网络。" },
    ]);
  });

  it("drops text under an unknown heading above the open section, and says so", () => {
    const text = "（一）部门资金情况分析\n执行率97%。\n二、工作亮点\n我们做得很好。";
    expect(splitSections(text)).toEqual({
      sections: [{ id: "funds", title: "（一）部门资金情况分析", text: "执行率97%。" }],
      preamble: "",
      dropped: [
        { line: 3, text: "二、工作亮点", reason: "unmapped" },
        { line: 4, text: "我们做得很好。", reason: "unmapped" },
      ],
    });
  });

  it("reads a long numbered line with sentence punctuation as text, not as a heading", () => {
    const text =
      "五、发现的主要问题和改进措施\n（一）加强预算管理，确保项目的科学性。\n（二）细化项目管理。要提高资金灵活性。";
    expect(splitSections(text).sections).toEqual([
      {
        id: "problems_measures",
        title: "五、发现的主要问题和改进措施",
        text: "（一）加强预算管理，确保项目的科学性。\n\n（二）细化项目管理。要提高资金灵活性。",
      },
    ]);
  });

  it("joins a sentence cut by a page break, and not a short line or a numbered one", () => {
    const text =
      "二、绩效自评工作开展情况\n对年度目标进行汇总分析，从投入、产\n\n出、效益等方面分析。\n\n无\n\n1.其他\n\n附件已报送，详见财政局系统中的\n\n（1）绩效目标表。";
    expect(splitSections(text).sections[0]?.text).toBe(
      "对年度目标进行汇总分析，从投入、产出、效益等方面分析。\n\n无\n\n1.其他\n\n附件已报送，详见财政局系统中的\n\n（1）绩效目标表。",
    );
  });

  it("does not join list items written without closing punctuation", () => {
    const text = "七、改进措施和有关建议\n一是加强预算管理，提高编制质量\n二是规范资金使用，严格审批程序";
    expect(splitSections(text).sections[0]?.text).toBe(
      "一是加强预算管理，提高编制质量\n\n二是规范资金使用，严格审批程序",
    );
  });

  it("keeps the （一）/（二） halves of 问题和改进措施 in that one section (issue 15)", () => {
    const text = "五、发现的主要问题和改进措施\n（一）存在的问题\n指标不够细化。\n（二）改进措施\n细化指标。";
    expect(splitSections(text).sections).toEqual([
      {
        id: "problems_measures",
        title: "五、发现的主要问题和改进措施",
        text: "（一）存在的问题\n\n指标不够细化。\n\n（二）改进措施\n\n细化指标。",
      },
    ]);
  });

  it("splits a known heading into the sub-sections that directly follow it", () => {
    const text = "一、部门基本情况\n（一）部门职能\n负责全区统计工作。\n（二）机构设置\n内设科室5个。";
    expect(splitSections(text).sections).toEqual([
      { id: "duties", title: "（一）部门职能", text: "负责全区统计工作。" },
      { id: "organization", title: "（二）机构设置", text: "内设科室5个。" },
    ]);
  });

  it("reads a top-level heading written on the line of its first sentence (Fujian)", () => {
    const text =
      "一、自评项目。\n我局确定开展自评的项目共8项。\n二、自评组织情况。我局组成以项目管理单位为主的评估小组。";
    expect(splitSections(text).sections).toEqual([
      { id: "process", title: "二、自评组织情况", text: "我局组成以项目管理单位为主的评估小组。" },
    ]);
    expect(splitSections(text, { eachHeading: true }).sections).toEqual([
      { id: "other", title: "一、自评项目。", text: "我局确定开展自评的项目共8项。" },
      { id: "process", title: "二、自评组织情况", text: "我局组成以项目管理单位为主的评估小组。" },
    ]);
  });

  it("with eachHeading, two top-level headings naming one topic stay two sections; a final newline changes nothing", () => {
    const text = "一、部门职责\n负责全省广播电视行业管理。\n二、年度主要任务\n完成村村通工程运行维护。";
    const expected = [
      { id: "duties", title: "一、部门职责", text: "负责全省广播电视行业管理。" },
      { id: "duties", title: "二、年度主要任务", text: "完成村村通工程运行维护。" },
    ];
    expect(splitSections(text, { eachHeading: true }).sections).toEqual(expected);
    expect(splitSections(`${text}\n`, { eachHeading: true }).sections).toEqual(expected);
  });

  it("reads markdown and bold headings, and drops a markdown-marked table title with its rows", () => {
    const text =
      "# 2021年度部门整体绩效自评报告\n\n## **存在问题**\n\n预算编制不细。\n\n## 各项指标得分情况表\n\n| 指标 | 得分 |\n| 合计 | 96 |";
    expect(splitSections(text)).toEqual({
      sections: [{ id: "problems", title: "存在问题", text: "预算编制不细。" }],
      preamble: "2021年度部门整体绩效自评报告",
      dropped: [
        { line: 7, text: "各项指标得分情况表", reason: "table" },
        { line: 9, text: "| 指标 | 得分 |", reason: "table" },
        { line: 10, text: "| 合计 | 96 |", reason: "table" },
      ],
    });
  });

  it("drops tab rows, unit lines and notes, and resumes at the next prose line", () => {
    const text =
      "三、综合评价结论\r\n得分96分。\r\n单位：万元\r\n指标\t分值\t得分\r\n合计\t100\t96\r\n注：1. 自评采取打分评价的形式。\r\n2. 定性指标分三档。\r\n以上得分经单位领导审定。";
    expect(splitSections(text)).toEqual({
      sections: [
        { id: "conclusion", title: "三、综合评价结论", text: "得分96分。\n\n以上得分经单位领导审定。" },
      ],
      preamble: "",
      dropped: [
        { line: 3, text: "单位：万元", reason: "table" },
        { line: 4, text: "指标\t分值\t得分", reason: "table" },
        { line: 5, text: "合计\t100\t96", reason: "table" },
        { line: 6, text: "注：1. 自评采取打分评价的形式。", reason: "table" },
        { line: 7, text: "2. 定性指标分三档。", reason: "table" },
      ],
    });
  });

  it("drops page numbers and the report title repeated as a page header, joining across them", () => {
    const text =
      "2021年度部门整体绩效自评报告\n二、绩效自评工作开展情况\n对年度目标进行汇总分析，从投入、产\n- 3 -\n2021年度部门整体绩效自评报告\n出、效益等方面分析。";
    expect(splitSections(text)).toEqual({
      sections: [
        {
          id: "process",
          title: "二、绩效自评工作开展情况",
          text: "对年度目标进行汇总分析，从投入、产出、效益等方面分析。",
        },
      ],
      preamble: "2021年度部门整体绩效自评报告",
      dropped: [
        { line: 4, text: "- 3 -", reason: "page-title" },
        { line: 5, text: "2021年度部门整体绩效自评报告", reason: "page-title" },
      ],
    });
  });

  it("drops template guidance left under a heading", () => {
    const text = "三、综合评价结论\n包括评价得分和各项指标得分情况简要分析等。\n最终得分为96分。";
    expect(splitSections(text)).toEqual({
      sections: [{ id: "conclusion", title: "三、综合评价结论", text: "最终得分为96分。" }],
      preamble: "",
      dropped: [{ line: 2, text: "包括评价得分和各项指标得分情况简要分析等。", reason: "guidance" }],
    });
  });
});

describe("headings of other provinces' templates, read by their meaning", () => {
  const ids = (text: string) => splitSections(text).sections.map((s) => [s.id, s.title]);

  it("a project report of the 2013 framework (决策 / 过程 / 产出 / 效益), numbered 一、 / （一） / 3、", () => {
    const text = [
      "一、基本情况",
      "（一）项目概况",
      "项目于2021年实施。",
      "（二）项目绩效目标",
      "完成改造10公里。",
      "二、绩效评价工作开展情况",
      "成立自评小组。",
      "三、综合评价情况及评价结论",
      "自评得分92分。",
      "四、绩效评价指标分析",
      "（一）项目决策情况",
      "立项规范。",
      "（二）项目过程情况",
      "资金到位及时。",
      "（三）项目产出情况",
      "完成10公里。",
      "（四）项目效益情况",
      "群众满意。",
      "五、主要经验及做法、存在的问题及原因分析",
      "3、资金到位较晚。",
      "六、有关建议",
      "提前下达资金。",
      "七、其他需要说明的问题",
      "无。",
    ].join("\n");
    expect(ids(text)).toEqual([
      ["duties", "（一）项目概况"],
      ["targets", "（二）项目绩效目标"],
      ["process", "二、绩效评价工作开展情况"],
      ["conclusion", "三、综合评价情况及评价结论"],
      ["analysis_input", "（一）项目决策情况"],
      ["analysis_output", "（三）项目产出情况"],
      ["analysis_outcome", "（四）项目效益情况"],
      ["experience", "五、主要经验及做法、存在的问题及原因分析"],
      ["measures", "六、有关建议"],
      ["other", "七、其他需要说明的问题"],
    ]);
    // 过程 has no section of its own: it is text of the 决策 analysis before it.
    expect(splitSections(text).sections[4]?.text).toBe("立项规范。\n\n（二）项目过程情况\n\n资金到位及时。");
  });

  it("a Hunan department report (自评得分情况, 单位基本概况, 人员编制情况) and 第一部分 / 第一章 levels", () => {
    const text = [
      "一、自评得分情况",
      "综合评分为97分。",
      "二、单位基本概况",
      "(一)机构设置情况",
      "内设股室16个。",
      "(二)人员编制情况",
      "现有编制205人。",
      "三、部门整体支出管理及使用情况",
      "(一)基本支出",
      "基本支出800万元。",
      "四、存在的问题及原因分析",
      "预算编制不细。",
      "五、下一步改进措施",
      "细化预算。",
      "六、绩效自评结果应用",
      "结果已公开。",
    ].join("\n");
    expect(ids(text)).toEqual([
      ["conclusion", "一、自评得分情况"],
      ["organization", "(一)机构设置情况"],
      ["funds_basic", "(一)基本支出"],
      ["problems", "四、存在的问题及原因分析"],
      ["measures", "五、下一步改进措施"],
      ["application", "六、绩效自评结果应用"],
    ]);
    expect(splitSections(text).sections[1]?.text).toBe(
      "内设股室16个。\n\n(二)人员编制情况\n\n现有编制205人。",
    );
    // 第一部分 only groups the 一、 under it (a container, as "一、基本情况" over "（一）…" in the seeds).
    expect(ids("第一部分 部门基本情况\n一、主要职责\n负责全区统计工作。\n第二章 存在的问题\n无")).toEqual([
      ["duties", "一、主要职责"],
      ["problems", "第二章 存在的问题"],
    ]);
  });

  it("Yunnan's 自评结论 / 佐证材料 outline, a transfer-payment 目标分解下达 section, an attached file's name", () => {
    const text = [
      "一、自评结论",
      "(一)自评得分",
      "自评100分。",
      "(二)绩效目标完成情况",
      "全部完成。",
      "(三)存在的问题和原因分析",
      "无。",
      "(四)下一步拟改进措施及有关建议",
      "无。",
      "二、佐证材料",
      "(一)项目基本情况",
      "慰问120人。",
    ].join("\n");
    expect(ids(text)).toEqual([
      ["conclusion", "一、自评结论"],
      ["analysis", "(二)绩效目标完成情况"],
      ["problems", "(三)存在的问题和原因分析"],
      ["measures", "(四)下一步拟改进措施及有关建议"],
      ["duties", "(一)项目基本情况"],
    ]);
    expect(ids("一、绩效目标分解下达情况\n下达2179万元。\n二、部门基本支出绩效自评表.xls\n表格")).toEqual([
      ["targets", "一、绩效目标分解下达情况"],
    ]);
  });
});
