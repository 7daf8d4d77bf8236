import { describe, expect, it } from "vitest";
import type { TypedAction } from "../../src/conversation/typed-action.ts";
import { Chat, testApp } from "./chat-harness.ts";

const NOW = new Date("2026-11-21T09:00:00Z");
const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";

/** Presses a button: the typed action through the service's one door. */
async function press(chat: Chat, action: unknown, messageId: string) {
  return await chat.app.chat.handle({
    conversationKey: chat.key,
    userId: chat.user,
    messageId,
    text: "（按钮）",
    now: NOW,
    action: action as TypedAction,
  });
}

describe("typed actions at the chat service", () => {
  it("继续填写 r1 (open-report) opens the report by id, with no sentence read", async () => {
    // FIRST fills 单位, 年度, 类型, 地区 and (the one scheme of 郑州 districts) 评分办法: 5 of 16.
    const chat = new Chat(testApp());
    await chat.send(FIRST);
    await chat.send("新建报告");
    const turn = await press(chat, { kind: "open-report", ref: "r1" }, "b1");
    expect(turn.replies[0]).toEqual({ type: "text", text: "欢迎回来，上次填到这里（已完成 5/16 项）。" });
    expect(turn.reportId).toBe("r1");
    expect((await chat.app.store.getConversation(chat.key))?.reportId).toBe("r1");
  });

  it("an action that is not one ziping makes is refused before the engine, nothing saved", async () => {
    const chat = new Chat(testApp());
    await chat.send(FIRST);
    const before = await chat.app.store.getConversation(chat.key);
    for (const [i, forged] of [
      { kind: "open-report", ref: "" },
      { kind: "drop-table" },
      { kind: "choose" },
    ].entries())
      expect((await press(chat, forged, `f${i}`)).replies).toEqual([
        {
          type: "notice",
          level: "error",
          text: "这个按钮的内容无法读取，没有执行。请直接回复文字，例如“确认”或“切换到报告 1”。",
        },
      ]);
    expect(await chat.app.store.getConversation(chat.key)).toEqual(before);
  });
});
