import { describe, expect, it } from "vitest";
import type { App } from "../../src/app/open-app.ts";
import type { Reply } from "../../src/conversation/replies.ts";
import { Chat, testApp } from "./chat-harness.ts";

const FIRST = "宁德市数字宁德建设办公室，2018年度政务网等运行维护费项目支出绩效自评，地区：福建省宁德市";
const PREPARER: Reply = {
  type: "question",
  slot: "preparer",
  field: "填表人及联系方式",
  text: "填表人的姓名和联系电话是？",
  example: "刘媛媛 63526383",
  progress: { done: 6, total: 14 },
};
const CHOICES = [
  { label: "确认", value: "确认" },
  { label: "取消", value: "取消" },
];
const info = (text: string): Reply => ({ type: "notice", level: "info", text });

/** The Fujian conversation of issue 15 after its first line: 填表人 is being asked. */
async function atPreparer(): Promise<Chat> {
  const chat = new Chat(testApp());
  await chat.send(FIRST);
  return chat;
}

/** Replaces the draft of the conversation's report (an indicator table pasted earlier). */
async function withDoc(app: App, chat: Chat, patch: Record<string, unknown>): Promise<void> {
  const id = await chat.reportId();
  const doc = { ...((await chat.doc()) as Record<string, unknown>), ...patch };
  await app.store.saveReport({
    id,
    doc: doc as never,
    unitName: "宁德市数字宁德建设办公室",
    year: 2018,
    kind: "project",
    progressDone: 6,
    progressTotal: 11,
    score: null,
    grade: null,
    now: new Date("2026-11-21T09:00:00Z"),
  });
}

describe("every figure typed in the chat is taken or named, whatever is asked", () => {
  it("the issue's message, typed where 填表人 is asked: 执行数 taken, the rest named", async () => {
    const chat = await atPreparer();
    expect(
      (await chat.send("项目总投入318.91万元，资金全部到位，全年支出191.13万元，资金使用率59.93%")).replies,
    ).toEqual([
      { type: "text", text: "已记录：预算执行数：191.13万元" },
      info(
        "没有记录：“项目总投入318.91万元”——请说明是年初预算、调整后预算还是到位资金，例如“调整后预算318.91万元”",
      ),
      info(
        "没有记录：“资金全部到位”——还不知道预算数，算不出到位资金；请写明，例如“调整后预算318.91万元，到位资金318.91万元”",
      ),
      info(
        "没有记录：“资金使用率59.93%”——资金使用率由预算执行数和实际到位资金（或调整后预算数、年初预算数）算出，不单独保存。请写明实际到位资金（或调整后预算数、年初预算数），例如“实际到位资金318.91万元”",
      ),
      PREPARER,
    ]);
    // The answer to the question named: "调整后也是…" and "资金全部到位" now that the budget is known.
    expect((await chat.send("调整后也是318.91万元，资金全部到位")).replies).toEqual([
      { type: "text", text: "已记录：调整后预算数：318.91万元；实际到位资金：318.91万元" },
      info("“资金全部到位”：实际到位资金按调整后预算数记为318.91万元"),
      info(
        "由预算数字算出（无需填写）：\n预算执行率：预算执行数191.13万元 ÷ 调整后预算数318.91万元 = 59.93%\n资金使用率：预算执行数191.13万元 ÷ 实际到位资金318.91万元 = 59.93%",
      ),
      // The budget question is answered now: 调整后预算数 and 预算执行数 are both known.
      { ...PREPARER, progress: { done: 7, total: 14 } },
    ]);
    expect((await chat.send("刘媛媛 63526383")).replies[0]).toEqual({
      type: "text",
      text: "已记录：填表人：刘媛媛，电话：63526383",
    });
  });

  it("a negative or approximate amount beside good ones is named, not a refusal of the message", async () => {
    const chat = await atPreparer();
    expect((await chat.send("调整后预算318.91万元，执行数-5万元，到位资金大约300万元")).replies).toEqual([
      { type: "text", text: "已记录：调整后预算数：318.91万元" },
      info("没有记录：“预算执行数”不能为负数：读到“-5万元”。请填写金额，例如：545.06万元"),
      info(
        "没有记录：“实际到位资金”需要准确金额，不能是“大约300万元”这样的约数（自评表按决算数填写）。请填写，例如：318.91万元",
      ),
      PREPARER,
    ]);
  });

  it("a 到位率 of 250% with no figures is named with why it cannot be, nothing saved", async () => {
    const chat = await atPreparer();
    const before = await chat.doc();
    expect((await chat.send("资金到位率250%")).replies).toEqual([
      info(
        "没有记录：“资金到位率250%”——资金到位率由实际到位资金和计划投入资金（或调整后预算数、年初预算数）算出，不单独保存；250%超过100%，到位资金一般不会多于计划投入或预算。请写明实际到位资金和计划投入资金（或调整后预算数、年初预算数），例如“实际到位资金318.91万元”",
      ),
      PREPARER,
    ]);
    expect(await chat.doc()).toEqual(before);
  });
});

describe("impossible values are queried before saving", () => {
  it("到位资金 above the budget: shown with 确认 / 取消 / 改成…; 改成 saves the corrected value", async () => {
    const chat = await atPreparer();
    expect((await chat.send("调整后预算318.91万元，到位资金800万元，全年支出191.13万元")).replies).toEqual([
      {
        type: "confirm",
        text: "实际到位资金 800万元 是调整后预算数 318.91万元 的 250.85%（资金到位率超过100%）：到位资金一般不会多于调整后预算数。请核对单位和数字。回复“确认”照此保存，“取消”放弃，或直接写正确的值，例如“改成318.91万元”。",
        choices: CHOICES,
      },
    ]);
    const turn = await chat.send("改成318.91万元");
    expect(turn.replies[0]).toEqual({
      type: "text",
      text: "已记录：调整后预算数：318.91万元；实际到位资金：318.91万元；预算执行数：191.13万元",
    });
    expect(((await chat.doc()) as { budget: unknown }).budget).toEqual({
      adjusted: "318.91万元",
      executed: "191.13万元",
      funds: { received: "318.91万元" },
    });
  });

  it("确认 keeps a queried value as typed; 取消 drops it", async () => {
    const chat = await atPreparer();
    await chat.send("调整后预算318.91万元，到位资金318.91万元");
    expect((await chat.send("按时到位资金800万元")).replies).toEqual([
      {
        type: "confirm",
        text: "按时到位资金 800万元 多于实际到位资金 318.91万元（到位及时率超过100%），这不可能。请核对。回复“确认”照此保存，“取消”放弃，或直接写正确的值，例如“改成318.91万元”。",
        choices: CHOICES,
      },
    ]);
    expect((await chat.send("取消")).replies[0]).toEqual({
      type: "text",
      text: "已放弃，未保存：按时到位资金：800万元。",
    });
    expect((await chat.send("把预算执行率改成250%")).replies).toEqual([
      {
        type: "confirm",
        text: "预算执行率是 250%：超过120%很少见。请核对。回复“确认”照此保存，“取消”放弃，或直接写正确的值，例如“改成100%”。",
        choices: CHOICES,
      },
    ]);
    expect((await chat.send("确认")).replies[0]).toEqual({
      type: "text",
      text: "已记录：预算执行率：（空） → 250%",
    });
  });

  it("an indicator named 资金到位率 takes the typed rate and the correction, and 250% is queried", async () => {
    const app = testApp();
    const chat = new Chat(app);
    await chat.send(FIRST);
    await withDoc(app, chat, {
      indicators: [
        {
          name: "投入",
          groups: [{ name: "资金投入", indicators: [{ name: "资金到位率", target: "100%", weight: 5 }] }],
        },
      ],
    });
    const query = {
      type: "confirm",
      text: "第1个指标“资金到位率”的实际完成值是 250%：“资金到位率”不会超过100%。请核对。回复“确认”照此保存，“取消”放弃，或直接写正确的值，例如“改成100%”。",
      choices: CHOICES,
    };
    expect((await chat.send("资金到位率250%")).replies).toEqual([query]);
    expect((await chat.send("改成100%")).replies[0]).toEqual({
      type: "text",
      text: "已记录：第1个指标“资金到位率”的实际完成值：100%",
    });
    expect((await chat.send("把资金到位率改成250%")).replies).toEqual([query]);
    expect((await chat.send("取消")).replies[0]).toEqual({
      type: "text",
      text: "已放弃，未保存：第1个指标“资金到位率”的实际完成值：100% → 250%。",
    });
  });

  it("把资金到位率改成… without such an indicator says the rate is computed", async () => {
    const chat = await atPreparer();
    expect((await chat.send("把资金到位率改成250%")).replies[0]).toEqual({
      type: "notice",
      level: "error",
      text: "资金到位率由实际到位资金和计划投入资金（或调整后预算数、年初预算数）算出，不能直接修改。请改这两个数字，例如：把实际到位资金改成318.91万元",
    });
  });
});
