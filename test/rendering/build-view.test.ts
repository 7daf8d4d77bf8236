import { describe, expect, it } from "vitest";
import { checkReport } from "../../src/checks/check-report.ts";
import type { Draft, TemplateFamily } from "../../src/drafting/draft-types.ts";
import { buildReportView, familyIdFor, reportTitle } from "../../src/rendering/build-view.ts";
import type { ReportView, ViewCell, ViewTable } from "../../src/rendering/report-view.ts";
import { loadTemplateFamilies } from "../../src/services/template-files.ts";
import { seed } from "../checks/helpers.ts";

function family(id: string): TemplateFamily {
  const loaded = loadTemplateFamilies();
  if (!loaded.ok) throw new Error(loaded.error.message);
  const found = loaded.value.get(id);
  if (found === undefined) throw new Error(`no family ${id}`);
  return found.family;
}

/** A hand-made draft: "<heading>：起草文字。" for every drafted section except those in `skip`. */
function fixedDraft(fam: TemplateFamily, skip: readonly string[] = []): Draft {
  return {
    sections: fam.sections
      .filter((s) => s.drafted && !skip.includes(s.id))
      .map((s) => ({ id: s.id, text: `${s.heading}：起草文字。`, by: "llm" as const })),
    missing: [{ key: "budget.carryover.amount", label: "结转结余总额" }],
  };
}

function view(name: string, familyId: string, skip: readonly string[] = []): ReportView {
  const { report, card } = seed(name);
  const fam = family(familyId);
  return buildReportView({
    report,
    card,
    draft: fixedDraft(fam, skip),
    findings: checkReport(report, card),
    family: fam,
    drafter: "测试起草",
  });
}

const texts = (row: ViewCell[] | undefined) => (row ?? []).map((c) => c.text);
const rowStarting = (table: ViewTable | undefined, first: string) =>
  table?.rows.find((r) => r.some((c) => c.text === first));
const cell = (table: ViewTable | undefined, text: string) => table?.rows.flat().find((c) => c.text === text);

/** Columns each row of an HTML-style grid covers, counting cells spanned down from rows above. */
function rowWidths(table: ViewTable): number[] {
  const carried: number[] = [];
  return table.rows.map((row) => {
    const fromAbove = carried.filter((n) => n > 0).length;
    for (let i = 0; i < carried.length; i += 1) carried[i] = (carried[i] ?? 0) - 1;
    let width = fromAbove;
    for (const c of row) {
      width += c.colSpan ?? 1;
      for (let k = 0; k < (c.colSpan ?? 1); k += 1)
        if ((c.rowSpan ?? 1) > 1) carried.push((c.rowSpan ?? 1) - 1);
    }
    return width;
  });
}

describe("buildReportView for seed 000 (henan-department)", () => {
  const v = view("seed-000", "henan-department", ["other"]);
  const table = v.tables.self_evaluation;

  it("titles the report with unit, year and kind, and prints the rules' total and grade", () => {
    expect(v.title).toBe("郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告");
    expect([v.score, v.grade, v.kindLabel, v.familyId]).toEqual([
      "92.71",
      "优",
      "部门整体",
      "henan-department",
    ]);
    expect(v.header.map((h) => `${h.label}=${h.value}`)).toEqual([
      "部门（单位）名称=郑州市金水区电子政务中心",
      "年度=2021年度",
      "填报人=刘媛媛 63526383",
      "自评得分=92.71（原填96）",
      "自评结果=优",
    ]);
  });

  it("has text for every section of the family, none empty or 无", () => {
    const ids = family("henan-department").sections.map((s) => s.id);
    expect(Object.keys(v.sections)).toEqual(ids);
    for (const id of ids) expect(v.sections[id]?.trim().replace(/[。.]$/, "")).not.toMatch(/^(无|暂无|)$/);
  });

  it("takes drafted sections from the draft and says what is missing where the draft has nothing", () => {
    expect(v.sections.process).toBe("二、绩效自评工作开展情况：起草文字。");
    expect(v.authors.process).toBe("llm");
    // The officer wrote "无" under 八 and the draft skipped it: the section is marked 待补充 with what to add
    // (issue 15: a marker the officer replaces, instead of a sentence that reads as part of the report).
    expect(v.sections.other).toBe("〔待补充：其他需要说明的情况（没有的写明“无其他需要说明的情况”）〕");
    expect(v.authors.other).toBe("deterministic");
  });

  it("writes 履职目标及主要任务 from the officer's text and the task list", () => {
    const [goals, tasks] = (v.sections.duties ?? "").split("\n\n");
    expect(goals).toMatch(/^1\.推进金水区电子政务发展；2\.全区电子政务设计规划的组织、实施；/);
    expect(tasks).toBe(
      "2021年度主要任务共8项：（1）计算机、网络设备等办公设备及耗材购买和维修；（2）运维服务外包项目；（3）全区互联网年租用费；（4）全区广电光纤租用费；（5）金水区人民政府门户网站(集约化)建设和维护；（6）安可替代工程之办公硬件；（7）中心机房消防及环动改造项目；（8）金水区电子政务外网安全升级建设项目尾款。",
    );
  });

  it("counts the indicators (3 blocks, 7 groups, 19+8+5 = 32 rows) in 绩效指标设置情况", () => {
    expect(v.sections.targets).toBe(
      "本部门设置一级指标3个、二级指标7个、三级指标32个；按评分方案，各一级指标分值合计100分（预算执行10分、投入管理指标20分、产出指标40分、效益指标30分）。各项指标的指标值、实际完成值、分值及得分见下表。",
    );
  });

  it("concludes with the rules' score 92.71 and says the report stated 96", () => {
    expect(v.sections.conclusion).toBe(
      "根据部门整体绩效自评评分规则（河南郑州区县 部门整体绩效自评）对每个指标分别评分，本单位2021年度部门整体绩效自评得分为92.71分，评价等级为“优”。其中，预算执行9.71分（满分10分），投入管理指标19分（满分20分），产出指标40分（满分40分），效益指标24分（满分30分）。\n\n" +
        "报告原填自评得分为96分，与按评分规则逐项计算的结果不一致，本稿采用按规则计算的得分，差异见文末“附：核查发现”。",
    );
  });

  it("builds 各项指标得分情况表 from the card: 545.06/561.41 → 9.71, 效益 24 of 30, 合计 92.71 not 100", () => {
    expect(v.tables.summary?.rows.map(texts)).toEqual([
      ["指标", "权重分值", "得分", "得分率"],
      ["预算执行", "10", "9.71（原填9）", "97.1%"],
      ["投入管理指标", "20", "19", "95%"],
      ["产出指标", "40", "40", "100%"],
      ["效益指标", "30", "24（原填28）", "80%"],
      ["合计", "100", "92.71（原填100）", "92.71%"],
    ]);
  });

  it("spans 投入管理指标 over its 19 rows (3 + 12 + 4) and each 二级指标 over its own", () => {
    expect(cell(table, "投入管理指标（20分）")?.rowSpan).toBe(19);
    expect(cell(table, "产出指标（40分）")?.rowSpan).toBe(8);
    expect(cell(table, "效益指标（30分）")?.rowSpan).toBe(5);
    expect(cell(table, "预算和财务管理")?.rowSpan).toBe(12);
    expect(cell(table, "满意度")?.rowSpan).toBe(2);
  });

  it("keeps every row of the 自评表 eight columns wide once spans are counted", () => {
    expect(table).toBeDefined();
    if (table === undefined) return;
    expect(new Set(rowWidths(table))).toEqual(new Set([8]));
    expect(table.note).toBe("（2021年度）　单位：万元");
  });

  it("prints the rules' scores with the officer's in brackets where they differ", () => {
    expect(texts(rowStarting(table, "部门预算总额"))).toEqual([
      "部门预算总额",
      "561.41",
      "561.41",
      "545.06",
      "97.09%",
      "10",
      "9.71（原填9）",
    ]);
    expect(texts(rowStarting(table, "辖区居民满意"))).toEqual([
      "辖区居民满意",
      "≥98%",
      "100%",
      "5",
      "5（原填4）",
      "",
    ]);
    expect(texts(rowStarting(table, "结转结余率"))).toEqual([
      "结转结余率",
      "≤0%",
      "100%",
      "1",
      "0（原填1）",
      "",
    ]);
    expect(texts(rowStarting(table, "资金结构：项目支出"))).toEqual([
      "资金结构：项目支出",
      "307.88",
      "307.88",
      "291.53",
      "94.69%",
      "",
    ]);
    expect(rowStarting(table, "年度主要任务")?.[0]?.rowSpan).toBe(9);
  });

  it("has one chart bar per card block", () => {
    expect(v.chart).toEqual([
      { name: "预算执行", points: 9.71, weight: 10, rate: 97.1 },
      { name: "投入管理指标", points: 19, weight: 20, rate: 95 },
      { name: "产出指标", points: 40, weight: 40, rate: 100 },
      { name: "效益指标", points: 24, weight: 30, rate: 80 },
    ]);
  });

  it("places findings under the table row or the family's section heading", () => {
    const sum = v.findings.find((f) => f.code === "weights.block_sum");
    expect(sum).toEqual({
      code: "weights.block_sum",
      severity: "error",
      where: "自评表 / 效益指标",
      message: "“效益指标”标称30分，但其三级指标分值合计为25分。请调整分值使其合计为30分。",
    });
    const empty = v.findings.filter((f) => f.code === "narrative.empty").map((f) => f.where);
    expect(empty).toEqual(["五、发现的主要问题和改进措施", "七、绩效自评工作的经验、问题和建议"]);
    expect(v.missing).toEqual([{ key: "budget.carryover.amount", label: "结转结余总额" }]);
  });
});

describe("buildReportView for seed 003 (hunan-department, amounts in 元)", () => {
  const v = view("seed-003", "hunan-department");
  const table = v.tables.self_evaluation;

  it("prints the budget in 元 as the report wrote it, with the unit in the note", () => {
    expect(table?.note).toBe("（2020年度）　单位：元");
    expect(texts(rowStarting(table, "部门预算总额"))).toEqual([
      "部门预算总额",
      "—",
      "6,272,512.00",
      "11,124,990.85",
      "177.36%（原填100.00%）",
      "—",
      "—",
    ]);
    expect(texts(rowStarting(table, "资金来源：其他资金"))[4]).toBe("不适用（原填100.00%）");
  });

  it("keeps the officer's 机构人员 text and states the grade in 九、评价等级", () => {
    expect(v.sections.organization).toMatch(/^浏阳市数据资源中心为市人民政府直属正科级事业单位/);
    expect(v.sections.grade_statement).toMatch(
      /^根据部门整体绩效自评评分规则（湖南 部门整体支出绩效自评）对每个指标分别评分，本单位2020年度部门整体绩效自评得分为96\.8分，评价等级为“优”。/,
    );
    expect(v.tables.summary?.rows.at(-1)?.map((c) => c.text)).toEqual([
      "合计",
      "100",
      "96.8（原填96）",
      "96.8%",
    ]);
    if (table !== undefined) expect(new Set(rowWidths(table))).toEqual(new Set([8]));
  });
});

describe("buildReportView for the seed 003 annex (project)", () => {
  const v = view("seed-003-project", "project");
  const table = v.tables.self_evaluation;

  it("titles it after the project and lays out the 项目支出绩效自评表 with 总分 and grade", () => {
    // Issue 15: the title carries unit, year and project.
    expect(v.title).toBe(
      "浏阳市数据资源中心2020年度全市政务网络（政务外网和党政工作专网）链路租赁经费项目支出绩效自评报告",
    );
    expect(table?.title).toBe("项目支出绩效自评表");
    expect(texts(table?.rows[0])).toEqual(["项目名称", "全市政务网络（政务外网和党政工作专网）链路租赁经费"]);
    expect(texts(rowStarting(table, "年度资金总额"))).toEqual([
      "年度资金总额",
      "403",
      "403",
      "403",
      "100%",
      "10",
      "10",
    ]);
    expect(texts(table?.rows.at(-1))).toEqual(["总分", "100", "99（原填96）", "评价等级：优"]);
    expect(cell(table, "效益指标（40分）")?.rowSpan).toBe(5);
    if (table !== undefined) expect(new Set(rowWidths(table))).toEqual(new Set([8]));
  });

  it("writes 项目概况 from the goals and the units", () => {
    expect(v.sections.duties?.split("\n\n")[0]).toBe(
      "“全市政务网络（政务外网和党政工作专网）链路租赁经费”由浏阳市数据资源中心实施，主管部门为浏阳市数据资源中心。",
    );
    expect(v.sections.duties?.split("\n\n")[1]).toBe(
      "年度总体目标：统一全市政务网络管理，节省财政投资。保障全市网上办公和业务系统正常运行，方便群众企业办事。",
    );
  });
});

describe("familyIdFor and reportTitle", () => {
  it("uses the scheme's template, else the report kind's default", () => {
    expect(familyIdFor({ template: "hunan-department" }, { kind: "department" })).toBe("hunan-department");
    expect(familyIdFor({}, { kind: "department" })).toBe("henan-department");
    expect(familyIdFor({}, { kind: "project" })).toBe("project");
  });

  it("does not double 项目 and marks a missing project name 待补充 instead of dropping it", () => {
    const { report } = seed("seed-003-project");
    expect(reportTitle({ ...report, project: "智慧城市运维项目" })).toBe(
      "浏阳市数据资源中心2020年度智慧城市运维项目支出绩效自评报告",
    );
    const { project: _, ...unnamed } = report;
    expect(reportTitle(unnamed)).toBe("浏阳市数据资源中心2020年度〔待补充：项目名称〕项目支出绩效自评报告");
  });
});
