import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/conversation/replies.ts";
import { Chat, testApp } from "./chat-harness.ts";

const textOf = (r: Reply | undefined): string => (r !== undefined && "text" in r ? r.text : "");

/** Issue 16 item 4: a paste waiting for 确认 is never dropped without a word. */
const SECTIONS = [
  "二、绩效自评工作开展情况",
  "由财务科牵头，业务科室参加，3月收集合同和验收资料逐项核对。",
  "五、存在的主要问题和改进措施",
  "运维响应记录不全；下年度按月归档运维工单。",
  "六、绩效自评结果拟应用和公开情况",
  "自评报告随部门决算在门户网站公开。",
].join("\n");

async function start(): Promise<Chat> {
  const chat = new Chat(testApp());
  await chat.send("宁德市数字宁德建设办公室，2018年度政务网等运行维护费项目支出绩效自评，地区：福建省宁德市");
  await chat.send("刘媛媛 63526383");
  expect((await chat.send(SECTIONS)).replies.at(-1)?.type).toBe("confirm");
  return chat;
}

const narrative = async (chat: Chat) =>
  ((await chat.doc()) as { narrative?: { id: string }[] }).narrative ?? [];

describe("a pending paste is kept until 确认 or 取消 (issue 16)", () => {
  it("a figure typed while it waits is refused with a reminder; 确认 then saves the paste", async () => {
    const chat = await start();
    const turn = await chat.send("结转结余率百分之五十五万元");
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]?.type).toBe("confirm");
    expect(textOf(turn.replies[0])).toMatch(/^请先确认或取消上面的内容（.+），这条消息没有保存。/u);
    expect(await narrative(chat)).toEqual([]);
    expect(textOf((await chat.send("确认")).replies[0])).toMatch(/^已记录：/u);
    expect((await narrative(chat)).map((s) => s.id)).toEqual(["process", "problems_measures", "application"]);
  });

  it("a second paste while one waits says the first was not saved", async () => {
    const chat = await start();
    const turn = await chat.send(
      "七、绩效自评工作的经验、问题和建议\n对照合同逐项核对运维记录，数据有据可查。",
    );
    expect(turn.replies[0]).toMatchObject({ type: "notice", level: "warn" });
    expect(textOf(turn.replies[0])).toMatch(/^之前待确认的内容没有保存，已由这次粘贴代替：/u);
    await chat.send("确认");
    expect((await narrative(chat)).map((s) => s.id)).toEqual(["experience"]);
  });
});
