import { describe, expect, it } from "vitest";
import { HELP_TEXT } from "../../src/conversation/messages.ts";
import { BASE, countingEngine, GOALS_QUESTION, INDICATORS, input, NOW, stateWith } from "./engine-harness.ts";

const SCORED = { ...BASE, indicators: INDICATORS };
const SCORE_REPLIES = [
  { type: "text", text: "按《河南郑州区县 部门整体绩效自评》，现在计得 32 分，等级“差”。" },
  {
    type: "table",
    title: "各项指标得分",
    columns: ["一级指标", "分值", "得分", "失分"],
    rows: [
      ["预算执行", "10", "0", "10"],
      ["投入管理指标", "20", "0", "20"],
      ["产出指标", "40", "32", "8"],
      ["效益指标", "30", "0", "30"],
    ],
    note: "另有 3 处与规则或数据不一致，问“为什么是32分不是100分”可看明细。",
  },
];

describe("the engine's commands, state in, replies and state out (no database)", () => {
  it("question typed in the conversation: 现在多少分 answers, asks on, changes nothing, scores once", () => {
    const { engine, runs } = countingEngine();
    const state = stateWith(SCORED);
    const out = engine.step(state, input("现在多少分"), NOW);
    expect(out.replies).toEqual([...SCORE_REPLIES, GOALS_QUESTION]);
    expect(out.state).toEqual(state);
    expect(out.effects).toEqual([]);
    expect(runs.n).toBe(1);
  });

  it("read-only question (read): the same answer without a next question, no turn, no effects", () => {
    const { engine, runs } = countingEngine();
    expect(engine.read(stateWith(SCORED), "现在多少分")).toEqual(SCORE_REPLIES);
    expect(runs.n).toBe(1);
    // The same draft again (another object, the same JSON): its card is the engine's already.
    expect(engine.read(stateWith(SCORED), "进度")).toEqual([{ type: "text", text: "已完成 8/18 项。" }]);
    expect(runs.n).toBe(1);
  });

  it("read refuses what is not a question, and changes nothing", () => {
    const { engine } = countingEngine();
    expect(engine.read(stateWith(SCORED), "生成报告")).toEqual([
      {
        type: "notice",
        level: "info",
        text: "“生成报告”不是查询。可以问：进度、还差什么、现在多少分、为什么扣分。",
      },
    ]);
  });

  it("generate (the 生成报告 choice): the 10 open items named, the score, an export effect", () => {
    const { engine, runs } = countingEngine();
    const out = engine.step(
      stateWith(SCORED),
      input("", { action: { kind: "choose", value: "生成报告" } }),
      NOW,
    );
    expect(out.replies).toEqual([
      { type: "notice", level: "warn", text: "还有 10 项未填写（回复“还差什么”查看），先按现有内容导出。" },
      ...SCORE_REPLIES,
    ]);
    expect(out.effects).toEqual([{ type: "export", reportId: "r1" }]);
    expect(out.assessment?.summary.score).toBe(32);
    expect(runs.n).toBe(1);
  });

  it("open-report typed: the engine names the report it needs, then continues there with it", () => {
    const { engine, runs } = countingEngine();
    const start = stateWith(BASE);
    const asked = engine.step(start, input("切换到报告 2"), NOW);
    expect(asked).toEqual({
      state: start,
      replies: [],
      effects: [],
      needs: { report: "2" },
      assessment: null,
    });
    expect(runs.n).toBe(0);
    const opened = engine.step(
      start,
      input("切换到报告 2", { opened: { ref: "2", report: { id: "r7", doc: SCORED } } }),
      NOW,
    );
    expect(opened.replies).toEqual([
      { type: "text", text: "欢迎回来，上次填到这里（已完成 8/18 项）。" },
      GOALS_QUESTION,
    ]);
    expect(opened.state).toEqual({
      conversation: { v: 1, reportId: "r7", pending: null, skipped: [], undo: [] },
      report: SCORED,
    });
    expect(opened.assessment?.summary.score).toBe(32);
    expect(runs.n).toBe(1);
  });

  it("open-report pressed (继续填写) for a report the officer may not open: not found, nothing changes", () => {
    const { engine } = countingEngine();
    const start = stateWith(BASE);
    const out = engine.step(
      start,
      input("", { action: { kind: "open-report", ref: "r9" }, opened: { ref: "r9", report: null } }),
      NOW,
    );
    expect(out.replies).toEqual([
      { type: "notice", level: "error", text: "没有找到您可以打开的报告“r9”。回复“我的报告”查看列表。" },
    ]);
    expect(out.state).toBe(start);
    expect(out.assessment).toBeNull();
  });

  it("list-reports and help before any report: answered without starting one", () => {
    const { engine } = countingEngine();
    const none = stateWith(null);
    const listed = engine.step(none, input("", { action: { kind: "list-reports" } }), NOW);
    expect(listed.effects).toEqual([{ type: "list-reports" }]);
    expect(listed.state).toBe(none);
    const help = engine.step(none, input("帮助"), NOW);
    expect(help.replies[0]).toEqual({ type: "text", text: HELP_TEXT });
    expect(help.effects).toEqual([]);
    expect(help.state.report).toBeNull();
  });
});
