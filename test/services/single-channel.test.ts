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

/** A channel plan that records its starts and stops under `name`. */
function fakePlan(name: string, events: string[]): ChannelPlan {
  return {
    name: "企业微信",
    single: true,
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
