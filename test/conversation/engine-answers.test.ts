import { describe, expect, it } from "vitest";
import { BASE, countingEngine, GOALS_QUESTION, INDICATORS, input, NOW, stateWith } from "./engine-harness.ts";

const YEAR_QUESTION = {
  type: "question",
  slot: "year",
  field: "年度",
  text: "这是哪一年度的自评报告？",
  example: "2021",
  progress: { done: 1, total: 15 },
};
const KIND_CHOICES = [
  { label: "部门整体", value: "部门整体" },
  { label: "项目支出", value: "项目支出" },
];
const PASTE =
  "一级指标\t二级指标\t三级指标\t指标值\t度量单位\t实际完成值\t分值\t得分\n产出指标（40分）\t数量指标\t培训场次\t≥10场\t场\t8场\t40\t32";
const PASTE_CHANGES = [{ path: ["indicators"], after: INDICATORS }];

describe("the engine, state in, replies and state out (no database)", () => {
  it("first message: starts report r1 with the unit and asks the year", () => {
    const { engine, runs } = countingEngine();
    const out = engine.step(stateWith(null), input("郑州市金水区电子政务中心"), NOW);
    expect(out.replies).toEqual([
      { type: "text", text: "已记录：单位名称：郑州市金水区电子政务中心" },
      YEAR_QUESTION,
    ]);
    expect(out.effects).toEqual([
      { type: "create-report", reportId: "r1", doc: { schemaVersion: 1 } },
      {
        type: "record",
        reportId: "r1",
        kind: "answer",
        summary: "单位名称：郑州市金水区电子政务中心",
        changes: [{ path: ["unit", "name"], after: "郑州市金水区电子政务中心" }],
      },
    ]);
    expect(out.state.report).toEqual({ schemaVersion: 1, unit: { name: "郑州市金水区电子政务中心" } });
    expect(out.state.conversation.reportId).toBe("r1");
    expect(out.assessment?.summary).toEqual({
      unitName: "郑州市金水区电子政务中心",
      year: null,
      kind: null,
      progressDone: 1,
      progressTotal: 15,
      score: null,
      grade: null,
    });
    // Without 年度 and 报告类型 the draft is not a report yet: nothing is scored.
    expect(runs.n).toBe(0);
  });

  it("answer: 2021 is the year; the kind is asked next with its two choices", () => {
    const { engine } = countingEngine();
    const out = engine.step(
      stateWith({ schemaVersion: 1, unit: { name: "某某县教育局" } }),
      input("2021"),
      NOW,
    );
    expect(out.replies).toEqual([
      { type: "text", text: "已记录：年度：2021" },
      {
        type: "question",
        slot: "kind",
        field: "报告类型",
        text: "这是部门整体自评，还是某个项目的项目支出自评？",
        example: "部门整体",
        progress: { done: 2, total: 15 },
        choices: KIND_CHOICES,
      },
    ]);
    expect(out.state.report).toEqual({ schemaVersion: 1, unit: { name: "某某县教育局" }, year: 2021 });
    expect(out.state.conversation.undo).toEqual([
      { summary: "年度：2021", changes: [{ path: ["year"], after: 2021 }] },
    ]);
  });

  it("correction: 把年度改成2022 records before and after", () => {
    const { engine } = countingEngine();
    const doc = { schemaVersion: 1, unit: { name: "某某县教育局" }, year: 2021 };
    const out = engine.step(stateWith(doc), input("把年度改成2022"), NOW);
    expect(out.replies[0]).toEqual({ type: "text", text: "已记录：年度：2021 → 2022" });
    expect(out.effects).toEqual([
      {
        type: "record",
        reportId: "r1",
        kind: "correction",
        summary: "年度：2021 → 2022",
        changes: [{ path: ["year"], before: 2021, after: 2022 }],
      },
    ]);
    expect(out.state.report).toEqual({ ...doc, year: 2022 });
  });

  it("paste → confirm: the table is shown and waits; 确认 (a typed action) saves it, each draft scored once", () => {
    const { engine, runs } = countingEngine();
    const shown = engine.step(stateWith(BASE), input(PASTE), NOW);
    expect(shown.replies.at(-1)).toEqual({
      type: "confirm",
      text: "以上内容正确吗？回复“确认”保存，“取消”放弃；有错可以先确认再修改。",
      choices: [
        { label: "确认", value: "确认" },
        { label: "取消", value: "取消" },
      ],
    });
    expect(shown.replies[1]).toEqual({
      type: "table",
      title: "绩效指标（1 个三级指标）",
      columns: ["序号", "一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      rows: [["1", "产出指标", "培训场次", "≥10场", "8场", "40", "32"]],
    });
    expect(shown.state.report).toBe(BASE);
    expect(shown.state.conversation.pending).toEqual({
      kind: "confirm",
      summary: "粘贴的内容：绩效指标",
      eventKind: "paste",
      changes: PASTE_CHANGES,
    });
    // The pasted draft is scored to review it; the draft itself did not change, so its saved columns stand.
    expect(shown.assessment).toBeNull();
    expect(runs.n).toBe(1);

    runs.n = 0;
    const saved = engine.step(shown.state, input("", { action: { kind: "confirm" } }), NOW);
    expect(saved.replies).toEqual([{ type: "text", text: "已记录：粘贴的内容：绩效指标" }, GOALS_QUESTION]);
    expect(saved.effects).toEqual([
      {
        type: "record",
        reportId: "r1",
        kind: "paste",
        summary: "粘贴的内容：绩效指标",
        changes: PASTE_CHANGES,
      },
    ]);
    expect(saved.state.report).toEqual({ ...BASE, indicators: INDICATORS });
    expect(saved.state.conversation.pending).toBeNull();
    // 8/10 场 of a 40-point indicator: 32 points, 差 (below 60).
    expect(saved.assessment?.summary).toMatchObject({
      progressDone: 8,
      progressTotal: 18,
      score: 32,
      grade: "差",
    });
    // Once: the draft as it stood (to name only rates and findings that are new) was graded when the
    // paste was shown, and the engine keeps that card; only the draft after is scored.
    expect(runs.n).toBe(1);
  });

  it("cancel: the waiting paste is dropped, the draft unchanged", () => {
    const { engine } = countingEngine();
    const shown = engine.step(stateWith(BASE), input(PASTE), NOW);
    const out = engine.step(shown.state, input("取消"), NOW);
    expect(out.replies[0]).toEqual({ type: "text", text: "已放弃，未保存：粘贴的内容：绩效指标。" });
    expect(out.state.report).toBe(BASE);
    expect(out.state.conversation.pending).toBeNull();
    expect(out.effects).toEqual([]);
  });

  it("skip (the 跳过 button): the scheme is put off and the preparer asked", () => {
    const { engine } = countingEngine();
    const doc = {
      schemaVersion: 1,
      unit: { name: "某某县教育局", region: "某某县" },
      year: 2023,
      kind: "department",
    };
    const out = engine.step(stateWith(doc), input("", { action: { kind: "skip" } }), NOW);
    expect(out.replies).toEqual([
      { type: "text", text: "好的，“评分办法”稍后补充。回复“还差什么”随时可以查看。" },
      {
        type: "question",
        slot: "preparer",
        field: "填表人及联系方式",
        text: "填表人的姓名和联系电话是？",
        example: "刘媛媛 63526383",
        progress: { done: 4, total: 16 },
      },
    ]);
    expect(out.state.conversation.skipped).toEqual(["scheme"]);
    expect(out.state.report).toBe(doc);
  });

  it("scheme choice (a pressed choice): the value the question offered is saved as the scheme", () => {
    const { engine } = countingEngine();
    const doc = {
      schemaVersion: 1,
      unit: { name: "某某县教育局", region: "某某县" },
      year: 2023,
      kind: "department",
    };
    const chosen = { kind: "choose" as const, value: "henan-zhengzhou-district-department" };
    const out = engine.step(stateWith(doc), input("", { action: chosen }), NOW);
    expect(out.replies[0]).toEqual({ type: "text", text: "已记录：评分办法：河南郑州区县 部门整体绩效自评" });
    expect(out.state.report).toEqual({ ...doc, schemeId: "henan-zhengzhou-district-department" });
  });

  it("a choice of a question answered since saves nothing", () => {
    const { engine } = countingEngine();
    const doc = { schemaVersion: 1, unit: { name: "某某县教育局" }, year: 2023, kind: "department" };
    const out = engine.step(
      stateWith(doc),
      input("", { action: { kind: "choose", value: "项目支出" } }),
      NOW,
    );
    expect(out.replies[0]).toEqual({
      type: "notice",
      level: "info",
      text: "“项目支出”是之前一个问题的选项，没有保存。请回答下面的问题。",
    });
    expect(out.state.report).toBe(doc);
    expect(out.effects).toEqual([]);
  });
});
