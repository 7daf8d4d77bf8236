import { describe, expect, it } from "vitest";
import { checkQuantities, sameThing } from "../../src/checks/check-quantities.ts";
import { thingKey } from "../../src/checks/quantity-mentions.ts";
import { narrativeRefs } from "../../src/checks/section-text.ts";
import type { Finding } from "../../src/core/finding.ts";
import { type ReportInput, ReportSchema } from "../../src/core/report.ts";

const RESULTS = "二、项目绩效目标完成情况";

type Row = { name: string; target?: string; actual: string; unit?: string };

/** A 2018 project report (Fujian 2013-framework style) with the given rows and narrative sections. */
function findings(
  sections: Array<[string, string]>,
  rows: Row[] = ROWS,
  over: Partial<ReportInput> = {},
): Finding[] {
  const report = ReportSchema.parse({
    kind: "project",
    unit: { name: "宁德市某某办公室" },
    project: "政务网等运行维护费",
    year: 2018,
    indicators: [
      {
        name: "产出指标",
        groups: [{ name: "数量指标", indicators: rows.map((r) => ({ ...r, weight: 10, score: 10 })) }],
      },
    ],
    narrative: sections.map(([title, text], i) => ({ id: i === 0 ? "analysis" : "other", title, text })),
    ...over,
  });
  return checkQuantities(narrativeRefs(report), report);
}

const ROWS: Row[] = [
  { name: "视频会议保障场次", target: "≥150场", actual: "192场" },
  { name: "外网信件办理数量", target: "≥600件", actual: "675件" },
  { name: "群众满意率", target: "≥90%", actual: "95.75%" },
];

describe("value.conflict: the same thing counted in the text and in the indicator table", () => {
  it("finds 162 vs 192场, 695 vs 675件 and 96.75% vs 95.75%, quoting both places", () => {
    const text = "全年保障视频会议162场，办理外网信件695件，群众满意率96.75%。";
    expect(findings([[RESULTS, text]])).toEqual([
      {
        code: "value.conflict",
        severity: "warn",
        where: { path: "narrative[0]", label: RESULTS, quote: "全年保障视频会议162场" },
        message: `“${RESULTS}”写“全年保障视频会议162场”，即162场；绩效指标表“产出指标 / 数量指标 / 视频会议保障场次”的实际完成值是192场。同一数量两处不一致（162场 ≠ 192场），请按原始资料改成一致。`,
        expected: "192场",
        actual: "162场",
      },
      expect.objectContaining({ expected: "675件", actual: "695件" }),
      expect.objectContaining({ expected: "95.75%", actual: "96.75%" }),
    ]);
  });

  it("reads the thing after the count too, in any word order (保障192场视频会议 agrees)", () => {
    expect(findings([[RESULTS, "全年保障192场视频会议，外网信件办理675件，满意率95.75%。"]])).toEqual([]);
    expect(findings([[RESULTS, "全年共保障160场视频会议。"]]).map((f) => f.actual)).toEqual(["160场"]);
  });

  it("leaves alone targets, plans, other years, changes, parts, bounds and approximations", () => {
    const text = [
      "计划保障视频会议150场",
      "年度目标为外网信件办理600件",
      "2017年保障视频会议150场",
      "视频会议比上年增加30场",
      "其中省级视频会议100场",
      "群众满意率达到90%以上",
      "视频会议约160场",
      "外网信件700余件",
      "视频会议保障场次≥150场",
      "截至11月底，保障视频会议170场",
      "上半年办理外网信件300件",
    ].join("；");
    expect(findings([[RESULTS, text]])).toEqual([]);
  });

  it("reads 满意度 and 满意率 as one thing", () => {
    expect(findings([[RESULTS, "群众满意度96.75%。"]]).map((f) => [f.expected, f.actual])).toEqual([
      ["95.75%", "96.75%"],
    ]);
  });

  it("takes a figure equal to the row's target for the plan restated, not a conflict", () => {
    expect(findings([[RESULTS, "保障视频会议150场。"]])).toEqual([]);
  });

  it("does not compare different things that share a unit, nor a row that is a part (省级部门视频会议)", () => {
    const text = "开展业务培训会议12场，为省级以上部门保障视频会议40场，受理群众来信800件。";
    expect(findings([[RESULTS, text]])).toEqual([]);
  });

  it("does not pick between two rows of the same kind with different values", () => {
    const rows: Row[] = [
      { name: "服务对象满意度", actual: "95%" },
      { name: "社会公众满意度", actual: "98%" },
    ];
    expect(findings([[RESULTS, "满意度96%。"]], rows)).toEqual([]);
    expect(findings([[RESULTS, "服务对象满意度96%。"]], rows).map((f) => f.expected)).toEqual(["95%"]);
  });

  it("normalises 元 and 万元 and compares at the precision written", () => {
    const rows: Row[] = [{ name: "运维服务采购", actual: "150万元" }];
    expect(findings([[RESULTS, "完成运维服务采购1,500,000.00元。"]], rows)).toEqual([]);
    expect(findings([[RESULTS, "完成运维服务采购150.4万元。"]], rows)).toEqual([]);
    expect(findings([[RESULTS, "完成运维服务采购140万元。"]], rows).map((f) => f.actual)).toEqual([
      "140万元",
    ]);
  });

  it("compares two sections when the table lacks the thing, but not two figures of one sentence", () => {
    const two = findings(
      [
        [RESULTS, "全年安全巡检机房设备365次。"],
        ["三、综合评价", "我办安全巡检机房设备300次，运行正常。"],
      ],
      [],
    );
    expect(two).toEqual([
      {
        code: "value.conflict",
        severity: "warn",
        where: { path: "narrative[1]", label: "三、综合评价", quote: "我办安全巡检机房设备300次" },
        message: `“三、综合评价”写“我办安全巡检机房设备300次”，即300次；“${RESULTS}”写“全年安全巡检机房设备365次”，即365次。同一数量两处不一致（300次 ≠ 365次），请按原始资料改成一致。`,
        expected: "365次",
        actual: "300次",
      },
    ]);
    expect(findings([[RESULTS, "受理外网信件700件，办结外网信件695件。"]], [])).toEqual([]);
    expect(findings([[RESULTS, "外网信件700件；外网信件695件。"]], []).map((f) => f.actual)).toEqual([
      "695件",
    ]);
  });

  it("never compares two general rates of the text (指标完成率 of two different indicators)", () => {
    const text = "数量指标：数字资源补充50000册，指标完成率100%。质量指标：参与率逐年提升，指标完成率95%。";
    expect(findings([[RESULTS, text]], [])).toEqual([]);
  });
});

describe("the thing counted", () => {
  it("drops the fillers before and after it", () => {
    expect(thingKey("全年共保障视频会议")).toBe("视频会议");
    expect(thingKey("视频会议保障场次")).toBe("视频会议保障");
    expect(thingKey("外网信件办理数量")).toBe("外网信件办理");
  });

  it("matches the same characters in any order, a 3-character key only as a run", () => {
    expect(sameThing("视频会议", "视频会议保障")).toBe(true);
    expect(sameThing("办理外网信件", "外网信件办理")).toBe(true);
    expect(sameThing("受理外网信件", "外网信件办理")).toBe(false);
    expect(sameThing("满意率", "群众满意率")).toBe(true);
    expect(sameThing("服务对象满意度", "社会公众满意度")).toBe(false);
    expect(sameThing("视频会议", "省级以上部门视频会议")).toBe(false);
  });
});
