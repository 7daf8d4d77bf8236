import { describe, expect, it } from "vitest";
import { Chat, lastQuestion, notices, testApp } from "./chat-harness.ts";

/** A conversation waiting for the budget figures (unit, year, kind, region, preparer, goals and tasks given). */
async function atBudget(): Promise<Chat> {
  const chat = new Chat(testApp());
  await chat.send("郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区");
  await chat.send("刘媛媛 63526383");
  await chat.send("推进全区电子政务发展");
  await chat.send("无");
  expect(lastQuestion((await chat.resume()).replies)?.slot).toBe("budget");
  return chat;
}

describe("bad input gets a Chinese reply naming the field, and changes nothing", () => {
  it.each([
    ["an unparseable number", "年初预算abc万元", "“年初预算数”"],
    ["a vague amount", "年初预算五百多万", "不能是“五百多万”这样的约数"],
    ["a negative amount", "年初预算-561.41万元", "“年初预算数”不能为负数"],
    ["an empty message", "", "消息是空的"],
    ["only control characters", "\u0001\u0002\u0007", "消息是空的"],
    ["10,000 characters of noise", "噪".repeat(10_000), "没有读到“预算情况”的数字"],
    ["a message over the size limit", "x".repeat(40_000), "消息太长"],
  ])("%s", async (_what, text, expected) => {
    const chat = await atBudget();
    const before = await chat.doc();
    const events = (await chat.app.store.listEvents(await chat.reportId())).length;
    const turn = await chat.send(text);
    expect(notices(turn.replies, "error").join("\n")).toContain(expected);
    expect(lastQuestion(turn.replies)?.slot).toBe("budget");
    expect(await chat.doc()).toEqual(before);
    expect(await chat.app.store.listEvents(await chat.reportId())).toHaveLength(events);
  });

  it("asks before saving an executed amount far above the budget, and saves only on 确认", async () => {
    const chat = await atBudget();
    await chat.send("年初预算561.41万，调整后561.41万");
    const turn = await chat.send("执行5450.6万");
    expect(turn.replies.at(-1)).toEqual({
      type: "confirm",
      text: "预算执行数 5450.6万元 是预算数 561.41万元 的 971%，远超预算。请核对单位（元/万元）和数字。确认保存吗？",
      choices: [
        { label: "确认", value: "确认" },
        { label: "取消", value: "取消" },
      ],
    });
    expect(await chat.doc()).not.toHaveProperty("budget.executed");
    await chat.send("取消");
    expect(await chat.doc()).not.toHaveProperty("budget.executed");
    await chat.send("执行545.06万");
    expect(((await chat.doc()) as { budget: { executed: string } }).budget.executed).toBe("545.06万元");
  });

  it("reads a pasted table with a missing column without inventing the missing value", async () => {
    const chat = await atBudget();
    const before = await chat.doc();
    const turn = await chat.send(
      "预算情况\t\t\t年初预算数\t调整预算数\t预算执行数\t预算执行率\t分值\t得分\n\t部门预算总额\t\t561.41\t561.41",
    );
    expect(turn.replies[0]).toEqual({
      type: "table",
      title: "从粘贴内容中读到",
      columns: ["项目", "内容"],
      rows: [
        ["年初预算数", "561.41万元"],
        ["调整后预算数", "561.41万元"],
      ],
    });
    expect(turn.replies.at(-1)?.type).toBe("confirm");
    expect(await chat.doc()).toEqual(before);
    const saved = await chat.send("确认");
    expect(lastQuestion(saved.replies)?.slot).toBe("budget");
    expect(((await chat.doc()) as { budget: unknown }).budget).toEqual({
      initial: "561.41万元",
      adjusted: "561.41万元",
    });
  });
});
