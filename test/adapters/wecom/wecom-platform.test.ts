import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterAll, afterEach, beforeEach, describe, expect, test } from "vitest";
import { startAibot } from "../../../src/adapters/wecom/aibot-channel.ts";
import { fetchDownload } from "../../../src/adapters/wecom/aibot-file.ts";
import { weComLogger } from "../../../src/adapters/wecom/wecom-logger.ts";
import { testApp } from "../../services/chat-harness.ts";
import { contentOf, FakeWeCom } from "./fake-wecom.ts";
import { BOT, click, file, SECRET, text, type WeComTestbed, weComTestbed } from "./wecom-testbed.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";
const dir = mkdtempSync(join(tmpdir(), "ziping-wecom-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let t: WeComTestbed;
beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
});
afterEach(async () => {
  await t.close();
  await t.fake.close();
  nock.cleanAll();
});

describe("a message WeCom delivers twice has one effect", () => {
  test("the same msgid again, before and after a restart on the same database, answers and saves nothing", async () => {
    const db = join(dir, "dup.db");
    t = await weComTestbed(db);
    await t.say(text(FIRST, { msgid: "m-first" }));
    await t.say(text("刘媛媛 63526383", { msgid: "m-name" }));
    const events = (await t.app.store.listEvents("r1")).length;
    t.fake.clear();
    // The repeat is handled before the next message of the same chat (one queue per chat).
    t.fake.push(text("刘媛媛 63526383", { msgid: "m-name" }));
    await t.say(text("还差什么", { msgid: "m-probe-1" }));
    expect(t.fake.sent().filter((f) => contentOf(f).startsWith("已记录"))).toEqual([]);
    expect(contentOf(t.fake.sent()[0])).not.toBe("");
    expect(await t.app.store.listEvents("r1")).toHaveLength(events);
    const afterProbe = t.fake.sent().length;

    // Restart: the same bot reconnects to the same server with the same database.
    const fake = t.fake;
    await t.channel.stop();
    t.app.close();
    t = await weComTestbed(db, fake);
    expect(fake.connections).toBe(2);
    fake.clear();
    fake.push(text("刘媛媛 63526383", { msgid: "m-name" }));
    await t.say(text("还差什么", { msgid: "m-probe-2" }));
    // Only the probe is answered, with what the first process answered to the first probe's kind.
    expect(fake.sent()).toHaveLength(afterProbe);
    expect(await t.app.store.listEvents("r1")).toHaveLength(events);
  });
});

describe("files the bot cannot use", () => {
  test("a file whose download names no file: the officer is told; its redelivery is not downloaded again", async () => {
    t = await weComTestbed();
    await t.say(text(FIRST));
    nock("https://ww-file.work.weixin.qq.com").get("/f/noname").once().reply(200, Buffer.alloc(64, 1));
    t.fake.clear();
    const sent = file("https://ww-file.work.weixin.qq.com/f/noname", Buffer.alloc(32, 3).toString("base64"), {
      msgid: "m-file-1",
    });
    await t.say(sent);
    expect(t.fake.sent()).toEqual([
      {
        cmd: "aibot_send_msg",
        body: {
          chatid: "liuyy",
          msgtype: "markdown",
          markdown: {
            content:
              "✗ 企业微信没有给出这个文件的文件名，无法判断类型。请把文件另存为带扩展名的文件后重新发送，例如 自评报告.docx",
          },
        },
      },
    ]);
    t.fake.clear();
    t.fake.push(sent);
    await t.say(text("还差什么"));
    expect(t.fake.sent().filter((f) => contentOf(f).startsWith("✗"))).toEqual([]);
    expect(t.logs.some((l) => l.includes("重复的文件消息 wecom:aib-test-bot:m-file-1，未重复处理"))).toBe(
      true,
    );
  });
});

describe("a dropped socket", () => {
  test("reconnects once (two connections, two subscriptions), and the conversation goes on with nothing lost", async () => {
    t = await weComTestbed();
    await t.say(text(FIRST));
    t.fake.drop();
    await t.fake.until(() => t.fake.frames.filter((f) => f.cmd === "aibot_subscribe").length === 2);
    await t.say(text("刘媛媛 63526383"));
    expect(t.fake.connections).toBe(2);
    expect(t.fake.frames.filter((f) => f.cmd === "aibot_subscribe").map((f) => f.connection)).toEqual([1, 2]);
    const answer = t.fake.frames.filter((f) => f.cmd === "aibot_send_msg").at(-2);
    expect(answer?.connection).toBe(2);
    expect(contentOf(answer).split("\n")[0]).toBe("已记录：填表人：刘媛媛，电话：63526383");
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer", "answer"]);
    expect(t.logs.some((l) => l.includes("企业微信长连接断开，正在第 1 次重连"))).toBe(true);
    // The secret is sent in the subscription frame only, never to the log.
    expect(t.logs.join("\n")).not.toContain(SECRET);
  });
});

describe("reconnects are unlimited (the SDK stops after 10 unless told otherwise)", () => {
  test("a server down for 12 attempts: the bot keeps trying and subscribes again once it is back", async () => {
    t = await weComTestbed(undefined, undefined, { timing: { reconnectInterval: 1 } });
    await t.fake.stopListening();
    await t.logged("正在第 12 次重连");
    await t.fake.restart();
    await t.fake.until(() => t.fake.frames.filter((f) => f.cmd === "aibot_subscribe").length === 2);
    await t.logged("企业微信长连接已恢复");
    await t.say(text(FIRST));
    expect(t.fake.frames.filter((f) => f.cmd === "aibot_subscribe").map((f) => f.connection)).toEqual([1, 2]);
    expect(t.logs.some((l) => l.includes("放弃") || l.includes("giving up"))).toBe(false);
  }, 30_000);
});

describe("an outsider in a group chat is refused as in a Slack thread", () => {
  const G = "wrgroup1";
  const refusal = `✗ 这份报告属于您不在其中的单位，您不能查看或修改。如需协作，请管理员为您授权：ziping units add 〈单位名称〉 wecom:${BOT}:zhangsan`;

  test("a message by someone outside the report's unit gets the refusal in the group and changes nothing", async () => {
    t = await weComTestbed();
    await t.say(text(`@自评助手 ${FIRST}`, { chatid: G }));
    const events = (await t.app.store.listEvents("r1")).length;
    t.fake.clear();
    await t.say(text("@自评助手 预算执行数改成1万元", { chatid: G, user: "zhangsan" }));
    expect(t.fake.sent()).toEqual([
      { cmd: "aibot_send_msg", body: { chatid: G, msgtype: "markdown", markdown: { content: refusal } } },
    ]);
    expect(await t.app.store.listEvents("r1")).toHaveLength(events);
  });

  test("an outsider's click on the officer's card turns only the outsider's card, and is refused", async () => {
    t = await weComTestbed();
    await t.say(text(`@自评助手 ${FIRST}`, { chatid: G }));
    const card = t.fake.sent().at(-1)?.body?.template_card as {
      button_list: { key: string }[];
      task_id: string;
    };
    const skip = card.button_list.at(-1)?.key ?? "";
    t.fake.clear();
    await t.say(click(skip, card.task_id, { chatid: G, user: "zhangsan" }), "aibot_event_callback");
    const sent = t.fake.sent();
    expect(sent.map((f) => f.cmd)).toEqual(["aibot_respond_update_msg", "aibot_send_msg"]);
    expect(sent[0]?.body?.userids).toEqual(["zhangsan"]);
    expect(contentOf(sent[1])).toBe(refusal);
    expect((await t.app.store.getConversation(`wecom:${BOT}:group:${G}`))?.state).toMatchObject({
      skipped: [],
    });
  });
});

describe("start-up failures are values, and a second connection ends the first", () => {
  const deps = () => {
    const logs: string[] = [];
    return {
      logs,
      app: testApp(),
      log: weComLogger(
        () => ["wrong-secret-123456"],
        (l) => logs.push(l),
      ),
    };
  };

  test("a refused secret: one connection, no retry, a Chinese reason naming the settings", async () => {
    const fake = await FakeWeCom.start(BOT, SECRET);
    const d = deps();
    const started = await startAibot(
      { mode: "aibot", botId: BOT, botSecret: "wrong-secret-123456", wsUrl: fake.url },
      {
        ziping: d.app.ziping,
        clock: () => new Date(),
        download: fetchDownload,
        log: d.log,
        taskId: () => "x",
      },
      { reconnectInterval: 10 },
    );
    expect(started).toMatchObject({ ok: false, error: { code: "wecom.refused" } });
    if (!started.ok)
      expect(started.error.message).toBe(
        "企业微信拒绝了智能机器人的凭证（invalid secret (code: 40058)）：请在管理后台 → 智能机器人 → API 模式（长连接）重新复制 Bot ID 和 Secret，放入 .env 的 WECOM_BOT_ID 和 WECOM_BOT_SECRET 后重新运行 npm start。",
      );
    expect(fake.connections).toBe(1);
    expect(d.logs.join("\n")).not.toContain("wrong-secret-123456");
    d.app.close();
    t = { close: async () => {}, fake } as WeComTestbed;
  });

  test("an unreachable server: a Chinese reason naming the address and WECOM_WS_URL", async () => {
    const fake = await FakeWeCom.start(BOT, SECRET);
    const url = fake.url;
    await fake.close();
    const d = deps();
    const started = await startAibot(
      { mode: "aibot", botId: BOT, botSecret: SECRET, wsUrl: url },
      {
        ziping: d.app.ziping,
        clock: () => new Date(),
        download: fetchDownload,
        log: d.log,
        taskId: () => "x",
      },
      { reconnectInterval: 10 },
    );
    expect(started.ok).toBe(false);
    if (!started.ok) {
      expect(started.error.code).toBe("wecom.unreachable");
      expect(started.error.message).toContain(`无法连接企业微信长连接服务 ${url}`);
      expect(started.error.message).toContain("WECOM_WS_URL");
    }
    d.app.close();
    t = { close: async () => {}, fake } as WeComTestbed;
  });

  test("disconnected_event (the same bot connected elsewhere) ends the channel with the reason", async () => {
    t = await weComTestbed();
    t.fake.push(
      {
        msgid: "d1",
        aibotid: BOT,
        msgtype: "event",
        from: { userid: "" },
        event: { eventtype: "disconnected_event" },
      },
      "aibot_event_callback",
    );
    expect(await t.channel.ended).toBe(
      `企业微信断开了本连接：同一个智能机器人（${BOT}）在别处建立了新的长连接。一个机器人只能由一个 ziping 进程连接；请停止另一个进程后重新运行 npm start。`,
    );
  });
});
