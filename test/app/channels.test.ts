import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startChoice } from "../../src/app/channel-plans.ts";
import { type Config, readConfig } from "../../src/config.ts";
import type { ChannelPlan } from "../../src/services/channel-port.ts";
import { runChannels } from "../../src/services/run-channels.ts";
import { testApp } from "../services/chat-harness.ts";
import { tempDir } from "../storage/temp-db.ts";

function config(env: Record<string, string>): Config {
  const read = readConfig(env);
  if (!read.ok) throw new Error(read.message);
  return read.config;
}

describe("npm start picks the channels from the settings present", () => {
  it("opens the terminal chat when no platform is set", () => {
    expect(startChoice(config({}))).toEqual({ kind: "terminal" });
  });

  it("starts Slack when its settings are complete", () => {
    const choice = startChoice(config({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }));
    expect(choice.kind === "channels" ? choice.plans.map((p) => p.name) : choice).toEqual(["Slack"]);
  });

  it("starts several platforms at once, in a fixed order", () => {
    const choice = startChoice(
      config({
        WECOM_BOT_ID: "bot1",
        WECOM_BOT_SECRET: "wecom-secret-1234567890",
        DINGTALK_CLIENT_ID: "dingabc123",
        DINGTALK_CLIENT_SECRET: "dingtalk-secret-1234567890",
      }),
    );
    expect(choice.kind === "channels" ? choice.plans.map((p) => p.name) : choice).toEqual([
      "钉钉",
      "企业微信",
    ]);
    // The WeCom bot is held by one instance through its own lease, named after the bot.
    expect(
      choice.kind === "channels" ? choice.plans.map((p) => [p.single ?? false, p.leaseKey ?? null]) : choice,
    ).toEqual([
      [false, null],
      [true, "wecom:bot1"],
    ]);
  });

  it("runs WeCom's callback mode on every instance (behind a load balancer): no lease", () => {
    const choice = startChoice(
      config({
        WECOM_MODE: "callback",
        WECOM_CORP_ID: "ww1234567890abcdef",
        WECOM_AGENT_ID: "1000002",
        WECOM_CORP_SECRET: "corp-secret-abc",
        WECOM_TOKEN: "hJ8sK2mQ",
        WECOM_ENCODING_AES_KEY: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
      }),
    );
    expect(
      choice.kind === "channels"
        ? choice.plans.map((p) => [p.name, p.single ?? false, p.leaseKey ?? null])
        : choice,
    ).toEqual([["企业微信", false, null]]);
  });

  it("names a Chinese platform's partial settings without a space", () => {
    expect(startChoice(config({ DINGTALK_CLIENT_ID: "dingabc123" }))).toEqual({
      kind: "mistake",
      message:
        "钉钉设置不完整：缺少 DINGTALK_CLIENT_SECRET（钉钉开发者后台 → 应用 → 凭证与基础信息 → Client Secret）。\n请补全 .env 中的钉钉设置（参见 .env.example 和 README“在钉钉中使用”），或删去全部 DINGTALK_ 变量。\n没有任何聊天平台的设置时，npm start 打开终端对话。",
    });
  });

  it("names partial settings and starts nothing, never falling back to the terminal", () => {
    expect(startChoice(config({ SLACK_APP_TOKEN: "xapp-1" }))).toEqual({
      kind: "mistake",
      message:
        "Slack 设置不完整：缺少 SLACK_BOT_TOKEN（以 xoxb- 开头，在 OAuth & Permissions 页面复制）。\n请补全 .env 中的 Slack 设置（参见 .env.example 和 README“在 Slack 中使用”），或删去全部 SLACK_ 变量。\n没有任何聊天平台的设置时，npm start 打开终端对话。",
    });
  });
});

/** A channel that records what happens to it, refusing to start when `refuse` is given. */
function fakeChannel(name: string, events: string[], refuse?: string): ChannelPlan {
  return {
    name,
    async start() {
      events.push(`start ${name}`);
      if (refuse !== undefined) return { ok: false, message: refuse };
      return {
        ok: true,
        channel: {
          name,
          connected: `已连接${name}。`,
          stop: async () => {
            events.push(`stop ${name}`);
          },
        },
      };
    },
  };
}

function recorder(): { lines: string[]; log: { info(l: string): void; error(l: string): void } } {
  const lines: string[] = [];
  return { lines, log: { info: (l) => lines.push(l), error: (l) => lines.push(`! ${l}`) } };
}

describe("runChannels", () => {
  it("starts every channel, runs until stopped, then stops them in reverse and closes the service", async () => {
    const app = testApp(":memory:");
    const events: string[] = [];
    const { lines, log } = recorder();
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const run = runChannels(
      app.ziping,
      config({}),
      [fakeChannel("钉钉", events), fakeChannel("企业微信", events)],
      stopped,
      log,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(["start 钉钉", "start 企业微信"]);
    stop();
    expect(await run).toBe(0);
    expect(events).toEqual(["start 钉钉", "start 企业微信", "stop 企业微信", "stop 钉钉"]);
    expect(lines).toEqual([
      "正在连接钉钉……",
      "已连接钉钉。",
      "正在连接企业微信……",
      "已连接企业微信。",
      "ziping 已启动：钉钉、企业微信；数据库 data/ziping.db；起草：确定性起草。按 Ctrl+C 退出。",
      "ziping 已退出。",
    ]);
  });

  it("a channel that refuses to start stops the ones already started and exits 3 with its reason", async () => {
    const app = testApp(":memory:");
    const events: string[] = [];
    const { lines, log } = recorder();
    const code = await runChannels(
      app.ziping,
      config({}),
      [fakeChannel("钉钉", events), fakeChannel("企业微信", events, "企业微信拒绝了密钥（40001）")],
      new Promise<void>(() => {}),
      log,
    );
    expect(code).toBe(3);
    expect(events).toEqual(["start 钉钉", "start 企业微信", "stop 钉钉"]);
    expect(lines).toEqual([
      "正在连接钉钉……",
      "已连接钉钉。",
      "正在连接企业微信……",
      "! 企业微信拒绝了密钥（40001）",
    ]);
  });

  it("a channel marked single runs on one instance only: a second instance on the same database stands by", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "ziping.db");
      const [a, b] = [testApp(path), testApp(path)];
      const events: string[] = [];
      const [first, second] = [recorder(), recorder()];
      let stop = () => {};
      const stopped = new Promise<void>((resolve) => {
        stop = resolve;
      });
      const plan = (): ChannelPlan => ({ ...fakeChannel("企业微信", events), single: true });
      const runA = runChannels(a.ziping, config({}), [plan()], stopped, first.log);
      while (!first.lines.some((l) => l.startsWith("ziping 已启动")))
        await new Promise((r) => setImmediate(r));
      const runB = runChannels(b.ziping, config({}), [plan()], stopped, second.log);
      while (!second.lines.some((l) => l.startsWith("ziping 已启动")))
        await new Promise((r) => setImmediate(r));
      expect(events).toEqual(["start 企业微信"]);
      expect(second.lines.slice(0, 2)).toEqual([
        "正在连接企业微信……",
        "企业微信已由另一个实例连接；本实例待命，该实例停止后 15 秒内接管。",
      ]);
      stop();
      expect([await runA, await runB]).toEqual([0, 0]);
      expect(events).toEqual(["start 企业微信", "stop 企业微信"]);
    } finally {
      cleanup();
    }
  });
});
