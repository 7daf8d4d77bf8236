import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, test } from "vitest";
import { FAILED } from "../../../src/adapters/slack/slack-turns.ts";
import { tempDir } from "../../storage/temp-db.ts";
import { FakeSlack } from "./fake-slack.ts";
import { BOT_TOKEN, buttonPress, dm, envelope, type Testbed, testbed } from "./slack-testbed.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";
const NARRATIVE =
  "五、发现的主要问题和改进措施\n部分项目预算执行进度偏慢，年底集中支付；下一步按月调度支出进度。";
const upload = {
  id: "F7",
  name: "a.txt",
  size: 200,
  url_private_download: "https://files.slack.com/files-pri/T1-F7/download/a.txt",
};

const open: Testbed[] = [];
function bed(path?: string): Testbed {
  const t = testbed(path, new FakeSlack({ U1: "D1" }));
  t.slack.install();
  open.push(t);
  return t;
}
afterEach(async () => {
  for (const t of open.splice(0)) t.close();
  nock.cleanAll();
});

describe("Slack retries and duplicate deliveries", () => {
  test("the same event id delivered twice has one effect: the upload is downloaded, read and answered once", async () => {
    const t = bed();
    await t.receiver.send(envelope(dm(FIRST)));
    t.slack.clear();
    t.slack.files.set("/files-pri/T1-F7/download/a.txt", Buffer.from(NARRATIVE, "utf8"));
    const event = envelope(dm("", { files: [upload] }), "EvDup1");
    await t.receiver.send(event);
    const again = await t.receiver.send(event, 1);
    expect(again.ack).toEqual({ body: undefined });
    expect(t.slack.downloadAuth).toHaveLength(1);
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    expect(t.logs).toContain("[info] ziping: 事件 EvDup1 已处理过（Slack 重试或重复投递），跳过");
  });

  test("a restart between the two deliveries: the retry after the restart does nothing at all", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "ziping.db");
      const before = bed(path);
      await before.receiver.send(envelope(dm(FIRST)));
      before.slack.files.set("/files-pri/T1-F7/download/a.txt", Buffer.from(NARRATIVE, "utf8"));
      const event = envelope(dm("", { files: [upload] }), "EvRestart1");
      await before.receiver.send(event);
      expect(before.slack.downloadAuth).toHaveLength(1);
      before.close();
      open.splice(0);
      nock.cleanAll();

      const after = bed(path);
      after.slack.files.set("/files-pri/T1-F7/download/a.txt", Buffer.from(NARRATIVE, "utf8"));
      await after.receiver.send(event, 1);
      expect(after.slack.downloadAuth).toEqual([]);
      expect(after.slack.methods()).toEqual([]);
      expect((await after.app.store.getConversation("slack:T1:D1"))?.state).toMatchObject({
        pending: { kind: "confirm" },
      });
    } finally {
      for (const t of open.splice(0)) t.close();
      cleanup();
    }
  });

  test("App Home opened twice under one event id is published once", async () => {
    const t = bed();
    const event = envelope({ type: "app_home_opened", user: "U1", channel: "D1", tab: "home" }, "EvHome");
    await t.receiver.send(event);
    await t.receiver.send(event, 1);
    expect(t.slack.methods()).toEqual(["views.publish"]);
  });

  test("the same message under a new event id (Slack's message and app_mention twins) is answered once", async () => {
    const t = bed();
    const message = dm(FIRST);
    await t.receiver.send(envelope(message, "EvA"));
    await t.receiver.send(envelope(message, "EvB"));
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    expect(await t.app.store.listEvents("r1")).toHaveLength(2);
  });
});

describe("acknowledgement and rate limits", () => {
  test("an event is acknowledged before ziping does any work on it", async () => {
    const t = bed();
    const done = await t.receiver.send(envelope(dm(FIRST)));
    expect(done.ackedAt).toBeDefined();
    expect(t.slack.firstCallAt).toBeDefined();
    expect(done.ackedAt).toBeLessThan(t.slack.firstCallAt ?? 0);
  });

  test("a rate-limited chat.postMessage (429, Retry-After 0) is sent again and arrives once", async () => {
    const t = bed();
    t.slack.once("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "0" },
      body: { ok: false, error: "ratelimited" },
    });
    await t.receiver.send(envelope(dm(FIRST)));
    expect(t.slack.methods()).toEqual(["chat.postMessage", "chat.postMessage"]);
    expect(t.slack.calls[1]?.args.text).toBe(t.slack.calls[0]?.args.text);
    expect(t.logs.some((l) => l.includes("rate limit"))).toBe(true);
  });
});

describe("tokens", () => {
  test("no log line holds the bot token, even at debug level where request headers are logged", async () => {
    const t = bed();
    await t.receiver.send(envelope(dm(FIRST)));
    expect(t.logs.some((l) => l.startsWith("[debug]"))).toBe(true);
    expect(t.logs.filter((l) => l.includes("xoxb-") || l.includes(BOT_TOKEN))).toEqual([]);
  });
});

describe("a failure inside a turn", () => {
  test("is logged, and the officer is told that this message was not saved and nothing earlier is lost", async () => {
    const t = bed();
    await t.receiver.send(envelope(dm(FIRST)));
    t.slack.clear();
    t.app.chat.handle = () => {
      throw new Error("boom");
    };
    await t.receiver.send(envelope(dm("刘媛媛 63526383")));
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    expect(t.slack.calls[0]?.args.text).toBe(FAILED);
    expect(
      t.logs.filter((l) => l.startsWith("[error] ziping: 处理消息时出错 Error: boom\n    at ")),
    ).toHaveLength(1);
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer"]);
  });
});

describe("buttons", () => {
  test("a double click on 跳过 answers once: the second press of the same message is a duplicate", async () => {
    const t = bed();
    await t.receiver.send(envelope(dm(FIRST)));
    const posted = t.slack.calls.at(-1)?.args ?? {};
    t.slack.clear();
    const message = { channel: "D1", ts: "1700000100.000001", blocks: posted.blocks as unknown[] };
    const skip = JSON.stringify({ k: "slack:T1:D1", t: "跳过" });
    await t.receiver.send(buttonPress(message, "ziping.skip", skip));
    await t.receiver.send(buttonPress(message, "ziping.skip", skip));
    expect(t.slack.methods()).toEqual(["chat.postMessage", "chat.update"]);
    expect((await t.app.store.getConversation("slack:T1:D1"))?.state).toMatchObject({
      skipped: ["preparer"],
    });
  });
});
