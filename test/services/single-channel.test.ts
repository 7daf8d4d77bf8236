import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { App } from "../../src/app/open-app.ts";
import { readConfig } from "../../src/config.ts";
import type { ChannelPlan } from "../../src/services/channel-port.ts";
import { SingleChannel } from "../../src/services/single-channel.ts";
import { usePostgres } from "../storage/pg-test-db.ts";
import { tempDir } from "../storage/temp-db.ts";
import { testApp, testPostgresApp } from "./chat-harness.ts";

/** Issue 20 item 2: a connection only one instance may hold (a WeCom bot), kept by a lease. */

const read = readConfig({});
if (!read.ok) throw new Error(read.message);
const config = read.config;

/** A channel plan that records its starts and stops under `name`; `leaseKey`: the plan's own lease. */
function fakePlan(name: string, events: string[], leaseKey?: string): ChannelPlan {
  return {
    name: "企业微信",
    single: true,
    ...(leaseKey === undefined ? {} : { leaseKey }),
    async start() {
      events.push(`${name} start`);
      return {
        ok: true,
        channel: {
          name: "企业微信",
          connected: "已连接",
          stop: async () => {
            events.push(`${name} stop`);
          },
        },
      };
    },
  };
}

/** Two instances on one database: A holds the bot, dies, B takes over within 15 s, A stands down. */
async function takeOver(a: App, b: App): Promise<void> {
  const events: string[] = [];
  const logs: string[] = [];
  const log = { info: (l: string) => logs.push(l), error: (l: string) => logs.push(l) };
  let now = new Date("2026-12-03T08:00:00.000Z");
  const at = (seconds: number) => {
    now = new Date(Date.parse("2026-12-03T08:00:00.000Z") + seconds * 1000);
  };
  const clock = () => now;
  const first = new SingleChannel(fakePlan("A", events), a.ziping, config, "A", clock, log);
  const second = new SingleChannel(fakePlan("B", events), b.ziping, config, "B", clock, log);

  expect(await first.step()).toEqual({ ok: true });
  expect(await second.step()).toEqual({ ok: true });
  expect([first.running?.connected, second.running]).toEqual(["已连接", undefined]);
  at(5);
  await first.step(); // renewed until 08:00:20
  at(10);
  await second.step();
  expect(events).toEqual(["A start"]);
  // A dies after its renewal at 5 s: its lease ends at 20 s, and B takes the bot then, not before.
  at(19.999);
  await second.step();
  expect(events).toEqual(["A start"]);
  at(20);
  await second.step();
  expect(events).toEqual(["A start", "B start"]);
  // A was only stalled: at its next step it finds the lease taken and closes its connection.
  at(21);
  await first.step();
  expect(events).toEqual(["A start", "B start", "A stop"]);
  expect(first.running).toBe(undefined);
  expect(logs).toEqual(["企业微信的连接已由另一个实例接管，本实例停止连接并待命。"]);
  at(25);
  await second.step();
  await first.step();
  expect(events.length).toBe(3);
  // B stops (releasing the lease): A takes the bot at its next step.
  await second.stop();
  at(26);
  await first.step();
  expect(events).toEqual(["A start", "B start", "A stop", "B stop", "A start"]);
  await first.stop();
}

describe("a single connection held by a lease", () => {
  it("on SQLite: two processes on one database file", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "ziping.db");
      const a = testApp(path);
      const b = testApp(path);
      await takeOver(a, b);
      a.close();
      b.close();
    } finally {
      cleanup();
    }
  });

  const pg = usePostgres();
  it.skipIf(pg.missing !== undefined)(
    "on PostgreSQL: two instances, each with its own pool",
    async () => {
      const url = await pg.freshUrl();
      const a = await testPostgresApp(url);
      const b = await testPostgresApp(url);
      await takeOver(a, b);
      a.close();
      b.close();
      await Promise.all([a.closed(), b.closed()]);
    },
    120_000,
  );
});

describe("the lease of a single connection", () => {
  it("is the plan's own key: two bots on one database are both held by one instance; the same key, by one only", async () => {
    const app = testApp();
    const events: string[] = [];
    const log = { info: () => {}, error: (l: string) => events.push(l) };
    const now = () => new Date("2026-12-03T08:00:00.000Z");
    const single = (name: string, holder: string, key?: string) =>
      new SingleChannel(fakePlan(name, events, key), app.ziping, config, holder, now, log);
    const bot1 = single("bot1", "A", "wecom:bot1");
    const bot2 = single("bot2", "A", "wecom:bot2");
    const bot1Elsewhere = single("bot1 on B", "B", "wecom:bot1");
    const unnamed = single("unnamed", "A");
    expect([bot1.lease, bot2.lease, unnamed.lease]).toEqual(["wecom:bot1", "wecom:bot2", "channel:企业微信"]);
    for (const channel of [bot1, bot2, bot1Elsewhere, unnamed])
      expect(await channel.step()).toEqual({ ok: true });
    expect(events).toEqual(["bot1 start", "bot2 start", "unnamed start"]);
    expect(bot1Elsewhere.running).toBe(undefined);
    // Without keys, two bots would share channel:企业微信: a second bot of another instance stands by.
    const unnamedElsewhere = single("unnamed on B", "B");
    await unnamedElsewhere.step();
    expect(events).toEqual(["bot1 start", "bot2 start", "unnamed start"]);
    for (const channel of [bot1, bot2, unnamed]) await channel.stop();
    app.close();
  });
});
