import { describe, expect, it } from "vitest";
import { checkText } from "../../src/checks/check-text.ts";
import { deductionsOf } from "../../src/checks/deductions.ts";
import type { ReportInput } from "../../src/core/report.ts";
import { applyDraft } from "../../src/drafting/apply-draft.ts";
import { draftDeterministic, draftSection } from "../../src/drafting/deterministic-drafter.ts";
import type { Draft, DraftInput } from "../../src/drafting/draft-types.ts";
import { checkGrounding } from "../../src/drafting/grounding.ts";
import { draftInput, HENAN, HUNAN, seedJson } from "./drafter-fixtures.ts";

const text = (draft: Draft, id: string) => draft.sections.find((s) => s.id === id)?.text ?? "";

/** Every drafted section says something, never 无 / 暂无, and cites only figures of the facts sheet. */
function expectSoundSections(draft: Draft, input: DraftInput) {
  for (const s of draft.sections) {
    expect(s.text.trim(), s.id).not.toBe("");
    expect(["无", "暂无", "无。", "暂无。"], s.id).not.toContain(s.text.trim());
    expect(checkGrounding(s.text, input.sheet), s.id).toEqual([]);
  }
}

/** The text checks' narrative findings on the report with its narrative replaced by the draft. */
function narrativeFindings(draft: Draft, input: DraftInput): string[] {
  const applied = applyDraft(input.report, draft, input.family, input.card);
  return checkText(applied, input.card)
    .map((f) => f.code)
    .filter((c) => ["narrative.empty", "narrative.generic", "narrative.contradiction"].includes(c));
}

describe("draftDeterministic on seed 000 (every section rewritten)", () => {
  const input = draftInput(seedJson("seed-000"), HENAN, { keepOfficerText: false });
  const draft = draftDeterministic(input);
  const problems = text(draft, "problems_measures");

  it("writes every drafted section of the family, by the deterministic drafter, in order", () => {
    expect(draft.sections.map((s) => [s.id, s.by])).toEqual([
      ["process", "deterministic"],
      ["funds", "deterministic"],
      ["analysis_input", "deterministic"],
      ["analysis_output", "deterministic"],
      ["analysis_outcome", "deterministic"],
      ["problems_measures", "deterministic"],
      ["application", "deterministic"],
      ["experience", "deterministic"],
      ["other", "deterministic"],
    ]);
    expect(draft.missing).toEqual([]);
  });

  it("names each rule deduction with its exact points: 效益 5 (block 6 less 1), 结转结余率 1, 提高业务工作水平 1, 预算执行 0.29", () => {
    // By hand: 效益 rows carry 25 of 30 → 5 unallocated; 结转结余率 ≤0% with 100% → 1 × 0 ÷ 100 = 0;
    // 提高业务工作水平 scored 4 of 5 inside 达成; 预算执行 10 × 545.06 ÷ 561.41 = 9.71.
    expect(deductionsOf(input.card).rule).toEqual([
      { name: "效益指标", lost: 5 },
      { name: "结转结余率", lost: 1 },
      { name: "提高业务工作水平", lost: 1 },
      { name: "预算执行（预算执行率）", lost: 0.29 },
    ]);
    expect(problems).toContain(
      "“效益指标”标称30分，但其三级指标分值合计低于标称分值，差额部分没有对应的三级指标、无从得分，失5分。",
    );
    expect(problems).toContain("“结转结余率”失1分：指标值≤0%，实际完成值100%");
    expect(problems).toContain("“提高业务工作水平”失1分：指标值为“提高”，完成情况为“达成”");
    expect(problems).toContain(
      "“预算执行（预算执行率）”失0.29分：预算执行数545.06万元，调整后预算数561.41万元，执行率97.09%，按执行率比例计分，得9.71分（分值10分），未执行资金16.35万元。报告自评得9分",
    );
  });

  it("opens with the total by the rules, the points lost and the stated total", () => {
    expect(problems.split("\n\n")[0]).toBe(
      "经自评，郑州市金水区电子政务中心2021年度按《河南郑州区县 部门整体绩效自评》计算得92.71分，对应“优”档，共失7.29分；报告填报的自评得分为96分，与按规则计算的得分不一致。按失分从大到小，发现的主要问题如下：",
    );
  });

  it("lists the rows the officer cut although the rules give full marks", () => {
    expect(problems).toContain("（五）“预算执行率”（投入管理指标）自评只得1分（分值2分），扣分缺少依据");
    expect(problems).toContain(
      "（六）“辖区居民满意”自评只得4分（分值5分），扣分缺少依据：指标值≥98%，实际完成值100%",
    );
  });

  // Issue 15: a measure is the rules' fix (supply, recompute, score by the rule) or, where only the
  // officer can decide, a 〔待补充〕 marker; the stock 按月调度 / 满意度回访 / 分解到季度 are gone.
  it("ties each measure to its problem", () => {
    const paragraphs = problems.split("\n\n");
    expect(paragraphs[1]).toContain(
      "改进措施：“效益指标”的三级指标分值合计应等于一级指标分值30分，补齐缺少的三级指标或调整各行分值。",
    );
    expect(paragraphs[2]).toContain(
      "改进措施：按公式重新核算“结转结余率”（结转结余总额÷支出预算数），补充计算所需的结转结余总额，据实填写实际比率，不能把完成率填入逆向指标",
    );
    expect(paragraphs[3]).toContain(
      "改进措施：〔待补充：“提高业务工作水平”的改进措施（如补充哪些佐证材料）〕。",
    );
    expect(paragraphs[4]).toContain(
      "改进措施：执行偏慢的是“安可替代工程之办公硬件”（执行率75.28%）、“运维服务外包项目”（执行率92.84%）；〔待补充：加快预算执行的具体措施（做什么、谁负责、何时完成）〕。",
    );
    expect(paragraphs[6]).toMatch(/改进措施：按评分规则核定“辖区居民满意”的得分：.*做到得分与规则一致。$/u);
  });

  it("ends with the report's own data problems, grouped by kind", () => {
    expect(problems.split("\n\n").at(-1)).toBe(
      "此外，报告自身的数据问题需在报送前更正：一是“项目支出”与其分项的合计不一致；二是“各项指标得分情况表·效益指标”的汇总得分与其各行得分合计不一致；三是“得分情况表·合计行”的得分率不等于得分除以分值；四是“得分情况表·合计行”的得分与各项得分合计不一致；五是各一级指标分值合计不等于总分；六是“三公经费”控制率分子分母均为零，应写“不适用”，不应写成百分比；七是“预算调整率”同一数字在两处填写不一致。",
    );
  });

  it("writes 资金情况 from the figures: 97.09% computed, 16.35万元 unspent, structure and tasks", () => {
    expect(text(draft, "funds").split("\n\n")).toEqual([
      "2021年度，我单位年初预算数561.41万元，调整后预算数561.41万元，预算执行数545.06万元。按预算执行数÷调整后预算数计算，预算执行率为97.09%，未执行资金16.35万元。预算执行率分值10分，按评分规则得9.71分，报告自评为9分。",
      "从资金来源看，财政性资金预算561.41万元，执行545.06万元，执行率97.09%；未安排其他资金。从支出结构看，基本支出预算253.53万元，执行253.53万元，执行率100%；项目支出预算307.88万元，执行291.53万元，执行率94.69%。",
      "我单位共有8项年度主要任务，预算资金合计307.92万元，执行291.526万元；执行率较低的是“安可替代工程之办公硬件”（执行率75.28%）、“运维服务外包项目”（执行率92.84%）。各项任务预算资金合计307.92万元与项目支出调整后预算数307.88万元不一致，需核对。",
      "“三公经费”预算数和实际支出均为零，相关比率不适用，不应填写为百分比。",
    ]);
  });

  // How the evaluation was organised is the officer's to tell: the draft marks it instead of the stock
  // 成立绩效自评工作组… it used to invent, and states only the scheme and this unit's counts.
  it("marks how the evaluation was organised as 待补充 and states the scheme with 32 indicators, 30 full, 4 deductions", () => {
    expect(text(draft, "process").split("\n\n")).toEqual([
      "〔待补充：自评工作如何组织（组织形式、时间、参与人员、资料收集和核查方式）〕",
      "评分依据为《河南郑州区县 部门整体绩效自评》，一级指标及分值为“预算执行”（10分）、“投入管理指标”（20分）、“产出指标”（40分）、“效益指标”（30分）；共32个三级指标，30个取得满分，按评分规则失分的有4项。",
    ]);
  });

  it("analyses each block: score, 得分率, rows met, rows lost, the officer's cuts", () => {
    expect(text(draft, "analysis_input")).toContain("“投入管理指标”分值20分，按评分规则得19分，得分率95%。");
    expect(text(draft, "analysis_input")).toContain(
      "自评表中“预算执行率”（投入管理指标）自评1分、按规则应得2分，自评得分需按规则更正。",
    );
    // The all-full claim now opens the sentence naming the rows behind it, so it has a source.
    expect(text(draft, "analysis_output")).toContain(
      "该部分三级指标全部取得满分：“电子政务外网安全升级完成率”",
    );
    expect(text(draft, "analysis_outcome")).toContain(
      "“效益指标”分值30分，按评分规则得24分，得分率80%；报告自评为28分，与按规则计算的不一致。",
    );
  });

  it("lists the data caveats under 其他需要说明的问题 instead of 无", () => {
    expect(text(draft, "other").split("\n\n")).toEqual([
      "一是“结转结余率”缺少结转结余总额，无法按公式核算，自评表所填数值未经核实。",
      "二是“政府采购执行率”缺少实际政府采购金额、政府采购预算数，无法按公式核算，自评表所填数值未经核实。",
      "三是自评得分：报告填报96分，按评分规则计算为92.71分，差异原因见“发现的主要问题和改进措施”部分。",
      "四是“三公经费”控制率分子分母均为零，按“不适用”处理，不填写百分比。",
    ]);
  });

  it("has no empty section and no figure outside the facts sheet", () => {
    expectSoundSections(draft, input);
  });

  it("leaves no narrative.empty, generic or contradiction finding once applied to the report", () => {
    expect(narrativeFindings(draft, input)).toEqual([]);
  });

  it("gives the same text section by section through draftSection", () => {
    for (const s of draft.sections) expect(draftSection(s.id, input)).toBe(s.text);
  });
});

describe("draftDeterministic keeps the officer's substantive text by default", () => {
  const input = draftInput(seedJson("seed-000"), HENAN);
  const draft = draftDeterministic(input);

  it("keeps 工作开展情况, 资金情况, the analyses and 应用; rewrites 问题 (无), 经验 (无) and 其他 (无)", () => {
    expect(draft.sections.map((s) => [s.id, s.by])).toEqual([
      ["process", "officer"],
      ["funds", "officer"],
      ["analysis_input", "officer"],
      ["analysis_output", "officer"],
      ["analysis_outcome", "officer"],
      ["problems_measures", "deterministic"],
      ["application", "officer"],
      ["experience", "deterministic"],
      ["other", "deterministic"],
    ]);
    expect(text(draft, "process")).toBe(input.report.narrative.find((s) => s.id === "process")?.text);
  });

  it("leaves no narrative.empty, generic or contradiction finding once applied", () => {
    expect(narrativeFindings(draft, input)).toEqual([]);
  });
});

describe("draftDeterministic on seed 000 with half its figures missing", () => {
  const json = seedJson("seed-000") as ReportInput & {
    budget: Record<string, unknown>;
    indicators: Array<{ groups: Array<{ indicators: Array<Record<string, unknown>> }> }>;
  };
  delete json.budget.executed;
  delete json.indicators[1]?.groups[0]?.indicators[0]?.actual;
  delete json.indicators[2]?.groups[1]?.indicators[0]?.actual;
  const input = draftInput(json, HENAN, { keepOfficerText: false });
  const draft = draftDeterministic(input);

  it("lists the missing figures in the draft", () => {
    expect(draft.missing.map((m) => m.label)).toEqual([
      "预算执行数",
      "“电子政务外网安全升级完成率”实际完成值",
      "“服务单位满意度”实际完成值",
    ]);
  });

  it("says 预算执行数 is missing instead of computing a rate from it", () => {
    expect(text(draft, "funds").split("\n\n")[0]).toBe(
      "2021年度，我单位年初预算数561.41万元，调整后预算数561.41万元。报告未提供预算执行数，执行率无法计算，请补充；报告所填执行率为97%。预算执行率分值10分，按评分规则得9.7分，报告自评为9分。",
    );
    expect(text(draft, "problems_measures")).toContain(
      "“预算执行（预算执行率）”失0.3分：报告未提供预算执行数，执行率无法计算，请补充；报告所填执行率为97%",
    );
    expect(text(draft, "problems_measures")).toContain(
      "改进措施：补充预算执行数，按执行数÷预算数核算执行率；执行偏慢的是",
    );
  });

  it("names the rows without actual values where they are analysed and under 其他", () => {
    expect(text(draft, "analysis_output")).toContain(
      "报告未提供“电子政务外网安全升级完成率”（重点工作任务完成）的实际完成值，该指标的得分沿用自评分数，未经核实，请补充。",
    );
    expect(text(draft, "other").split("\n\n")[0]).toBe(
      "一是报告未提供预算执行数、“电子政务外网安全升级完成率”实际完成值、“服务单位满意度”实际完成值，相关数据和比率无法计算，请补充。",
    );
  });

  it("invents no figure: no total execution amount, nothing outside the facts", () => {
    for (const s of draft.sections) {
      expect(s.text, s.id).not.toContain("预算执行数545.06万元");
      expect(s.text, s.id).not.toContain("未执行资金");
    }
    expectSoundSections(draft, input);
  });
});

describe("draftSection with the officer's 偏差原因", () => {
  const withReason = (reason: string) => {
    const json = seedJson("seed-000");
    const row = json.indicators?.[0]?.groups[1]?.indicators[4];
    if (row) row.deviationReason = reason;
    return draftSection("problems_measures", draftInput(json, HENAN));
  };

  it("quotes a reason without figures in the problem it explains", () => {
    expect(withReason("年末结转资金尚未核定。")).toContain(
      "报告自评得1分，与按规则计算的得分不一致。报告说明的偏差原因是：“年末结转资金尚未核定”。改进措施：按公式重新核算“结转结余率”",
    );
  });

  it("points to the column when the reason holds figures the facts cannot ground", () => {
    const problems = withReason("结转资金12.5万元尚未核定");
    expect(problems).toContain("偏差原因见自评表“偏差原因分析”栏。改进措施：按公式重新核算“结转结余率”");
    expect(problems).not.toContain("12.5万元");
  });
});

/** Seed 000 with every row at full marks: 效益 rows 6 × 5 = 30, 结转结余率 0%, budget fully executed. */
function perfectSeed(): ReportInput {
  const json = seedJson("seed-000") as ReportInput & { budget: Record<string, unknown> };
  json.budget.executed = "561.41万元";
  json.budget.score = 10;
  const blocks = json.indicators ?? [];
  for (const row of blocks.flatMap((b) => b.groups).flatMap((g) => g.indicators)) row.score = row.weight;
  for (const row of blocks[2]?.groups.flatMap((g) => g.indicators) ?? []) {
    row.weight = 6;
    row.score = 6;
  }
  const money = blocks[0]?.groups[1]?.indicators ?? [];
  for (const [i, actual] of [
    [2, "100%"],
    [3, "0%"],
    [4, "0%"],
  ] as const) {
    const row = money[i];
    if (row) row.actual = actual;
  }
  json.summary = { blocks: [], total: 100, grade: "优" };
  return json;
}

describe("draftDeterministic on a report with full marks", () => {
  const input = draftInput(perfectSeed(), HENAN, { keepOfficerText: false });
  const draft = draftDeterministic(input);
  const problems = text(draft, "problems_measures");

  it("scores 100 by the rules", () => {
    expect(input.card.total).toBe(100);
  });

  it("says all 32 rows got full marks and gives measures tied to the weakest block, never 无", () => {
    expect(problems.split("\n\n")[0]).toBe(
      "经自评，郑州市金水区电子政务中心2021年度按《河南郑州区县 部门整体绩效自评》计算得100分，评价等级为“优”，全部32个三级指标均取得满分，预算执行数达到预算的100%。本年度没有失分，从各一级指标看，需要重点关注的是“投入管理指标”。为保持绩效水平，针对薄弱环节提出以下改进措施：",
    );
    expect(problems).toContain(
      "（一）定性指标“年度履职目标相关性”“工作任务科学性”“绩效指标合理性”等按完成情况评分",
    );
    expect(problems).toContain("（二）“服务单位满意度”实际完成值100%");
    expect(problems).not.toContain("无");
  });

  it("has no empty section and no figure outside the facts sheet", () => {
    expectSoundSections(draft, input);
    expect(narrativeFindings(draft, input)).toEqual([]);
  });
});

describe("draftDeterministic with split 问题 / 措施 sections (Hunan, seed 003)", () => {
  const input = draftInput(seedJson("seed-003"), HUNAN, { keepOfficerText: false });
  const draft = draftDeterministic(input);

  it("writes one measure per problem, in the same order, each naming its indicator", () => {
    const problems = text(draft, "problems");
    const measures = text(draft, "measures");
    expect(problems).toContain("（四）“社会和人民群众满意度的评价”失0.2分：指标值≥100%，实际完成值98%");
    expect(measures).toContain(
      "（四）针对“社会和人民群众满意度的评价”：〔待补充：提高“社会和人民群众满意度的评价”的具体措施〕。",
    );
    expect(measures).toContain("（一）针对“资产管理”：补齐“资产管理”的指标值，按评分规则重新计分。");
    expect(measures).toContain("（五）更正报告自身的数据问题：");
  });

  it("says the stated 100.00% is not what 1112.4991 ÷ 627.2512 万元 gives (177.36%)", () => {
    expect(text(draft, "funds_basic")).toBe(
      "2020年度，我单位基本支出预算149.0112万元，执行162.5312万元，执行率109.07%，主要用于保障人员经费和日常公用经费等正常运转支出。",
    );
    expect(text(draft, "problems")).toContain("所填执行率与执行数除以预算数的结果不符");
  });

  it("has no empty section and no figure outside the facts sheet", () => {
    expectSoundSections(draft, input);
    expect(narrativeFindings(draft, input)).toEqual([]);
  });
});
