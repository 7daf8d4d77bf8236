import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  buttonPress,
  channelMessage,
  envelope,
  nextTs,
  slashCommand,
  type Testbed,
  testbed,
} from "./slack-testbed.ts";

const UNIT = "郑州市金水区电子政务中心";
const FIRST = `<@UBOT> ${UNIT}，2021年度部门整体绩效自评，地区：河南省郑州市金水区`;
const NOT_FOUND = "没有找到您可以打开的报告“r1”。回复“我的报告”查看列表。";

let t: Testbed;
let thread: string;
/** U1's question in the thread, as posted (its buttons). */
let question: { channel: string; ts: string; thread_ts: string; blocks: unknown[] };
beforeEach(async () => {
  t = testbed();
  t.slack.install();
  thread = nextTs();
  // U1 opens a report in a thread of the shared channel C1 by mentioning ziping.
  await t.receiver.send(
    envelope({ type: "app_mention", channel: "C1", user: "U1", text: FIRST, ts: thread }),
  );
  const posted = t.slack.calls.at(-1)?.args ?? {};
  question = {
    channel: "C1",
    ts: "1700000100.000001",
    thread_ts: thread,
    blocks: posted.blocks as unknown[],
  };
  t.slack.clear();
});
afterEach(async () => {
  t.close();
  nock.cleanAll();
});

function noticeTexts(call: { args: Record<string, unknown> } | undefined): string[] {
  return ((call?.args.blocks ?? []) as { text?: { text: string } }[]).map((b) => b.text?.text ?? "");
}

describe("a user sees only reports of units they belong to", () => {
  test("another unit's officer asking /ziping score r1 gets the same answer as for a report that does not exist", async () => {
    await t.receiver.send(slashCommand("score r1", { user: "U2" }));
    expect(t.slack.responses).toEqual([
      expect.objectContaining({ response_type: "ephemeral", text: NOT_FOUND }),
    ]);
    await t.receiver.send(slashCommand("score r999", { user: "U2" }));
    expect(t.slack.responses[1]).toMatchObject({
      text: "没有找到您可以打开的报告“r999”。回复“我的报告”查看列表。",
    });
  });

  test("/ziping continue r1 by another unit's officer opens nothing in their DM and starts no report", async () => {
    await t.receiver.send(slashCommand("continue r1", { user: "U2" }));
    expect(t.slack.methods()).toEqual(["conversations.open", "chat.postMessage"]);
    expect(t.slack.calls[1]?.args).toMatchObject({ channel: "D2", text: NOT_FOUND });
    expect(await t.app.store.listReports("slack:T1:U2")).toEqual([]);
  });

  test("a reply in the report's thread by someone outside its unit is refused and changes nothing", async () => {
    const before = (await t.app.store.listEvents("r1")).length;
    await t.receiver.send(envelope(channelMessage("预算执行数改成1万元", { user: "U2", thread })));
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    expect(t.slack.calls[0]?.args).toMatchObject({ channel: "C1", thread_ts: thread });
    expect(noticeTexts(t.slack.calls[0])).toEqual([
      ":x: 这份报告属于您不在其中的单位，您不能查看或修改。如需协作，请管理员为您授权：ziping units add 〈单位名称〉 slack:T1:U2",
    ]);
    expect(await t.app.store.listEvents("r1")).toHaveLength(before);
  });

  test("an outsider pressing 跳过 under the officer's question is refused, and the officer's buttons stay", async () => {
    await t.receiver.send(
      buttonPress(question, "ziping.skip", JSON.stringify({ k: `slack:T1:C1:${thread}`, t: "跳过" }), "U2"),
    );
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    expect(noticeTexts(t.slack.calls[0])[0]).toContain("这份报告属于您不在其中的单位");
    expect((await t.app.store.getConversation(`slack:T1:C1:${thread}`))?.state).toMatchObject({
      skipped: [],
    });
  });

  test("an outsider pressing 修改 gets the refusal in the form, not the report's figures", async () => {
    await t.receiver.send(
      buttonPress(question, "ziping.modify", JSON.stringify({ k: `slack:T1:C1:${thread}` }), "U2"),
    );
    expect(t.slack.methods()).toEqual(["views.open", "views.update"]);
    const view = t.slack.calls[1]?.args.view as { blocks: { text: { text: string } }[]; submit?: unknown };
    expect(view.blocks.map((b) => b.text.text)).toEqual([
      "这份报告属于您不在其中的单位，您不能查看或修改。如需协作，请管理员为您授权：ziping units add 〈单位名称〉 slack:T1:U2",
    ]);
    expect(view.submit).toBeUndefined();
  });

  test("an outsider's App Home 下载报告 for r1 is answered as not found, nothing is drafted", async () => {
    const press = buttonPress(
      { channel: "D2", ts: "1", blocks: [] },
      "ziping.home.download",
      JSON.stringify({ k: "home", r: "r1" }),
      "U2",
    );
    const { channel: _c, container: _m, message: _g, ...home } = press;
    await t.receiver.send({
      ...home,
      container: { type: "view", view_id: "VH" },
      view: { id: "VH", type: "home" },
    });
    expect(t.slack.methods()).toEqual(["conversations.open", "chat.postMessage", "views.publish"]);
    expect(t.slack.calls[1]?.args).toMatchObject({ channel: "D2", text: NOT_FOUND });
  });

  test("once an administrator adds the officer to the unit, they can see and answer in the thread", async () => {
    await t.app.store.addUnitMember(UNIT, "slack:T1:U2", "member", new Date("2026-11-21T02:00:00Z"));
    await t.receiver.send(slashCommand("score r1", { user: "U2" }));
    expect(String(t.slack.responses[0]?.text)).toContain("按《河南郑州区县 部门整体绩效自评》");
    await t.receiver.send(envelope(channelMessage("刘媛媛 63526383", { user: "U2", thread })));
    expect((await t.app.store.listEvents("r1")).at(-1)).toMatchObject({
      userId: "slack:T1:U2",
      kind: "answer",
    });
  });
});

describe("threads in channels", () => {
  test("an @mention opens a thread of its own; replies in it need no mention; other threads and chatter are ignored", async () => {
    const second = nextTs();
    await t.receiver.send(
      envelope({ type: "app_mention", channel: "C1", user: "U1", text: "<@UBOT> 新建报告", ts: second }),
    );
    expect(t.slack.calls[0]?.args).toMatchObject({ channel: "C1", thread_ts: second });
    t.slack.clear();
    await t.receiver.send(envelope(channelMessage("随便聊聊")));
    await t.receiver.send(envelope(channelMessage("别的讨论", { thread: "1600000000.000001" })));
    expect(t.slack.methods()).toEqual([]);
    await t.receiver.send(envelope(channelMessage("刘媛媛 63526383", { thread })));
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    expect(t.slack.calls[0]?.args).toMatchObject({ channel: "C1", thread_ts: thread });
    expect((await t.app.store.getConversation(`slack:T1:C1:${thread}`))?.reportId).toBe("r1");
  });

  test("a reply that mentions ziping is answered once (Slack sends it as message and as app_mention)", async () => {
    const ts = nextTs();
    const text = "<@UBOT> 刘媛媛 63526383";
    await t.receiver.send(envelope(channelMessage(text, { thread, ts })));
    await t.receiver.send(
      envelope({ type: "app_mention", channel: "C1", user: "U1", text, ts, thread_ts: thread }),
    );
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
  });
});
