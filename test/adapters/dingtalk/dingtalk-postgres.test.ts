import nock from "nock";
import { afterEach, describe, expect, test } from "vitest";
import { script, testPostgresApp } from "../../services/chat-harness.ts";
import { usePostgres } from "../../storage/pg-test-db.ts";
import { robotMessage, type Testbed, testbed } from "./dingtalk-testbed.ts";
import type { FakeDingTalkGateway } from "./fake-dingtalk.ts";
import { FakeDingTalkApi } from "./fake-dingtalk-api.ts";

/**
 * The real DingTalk channel on two ziping instances sharing one PostgreSQL: the local gateway
 * pushes every message to both connections (a stronger case than DingTalk's one connection per
 * event, as when a push is retried on another connection). Each message is answered once, and the
 * officer sees exactly what one instance on its own shows.
 */

const pg = usePostgres();
const open: Testbed[] = [];
let gateway: FakeDingTalkGateway | undefined;
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  await gateway?.close();
  gateway = undefined;
  nock.cleanAll();
});

/** Pushes the seed-000 script as robot messages and waits for every instance to finish each. */
async function converse(beds: readonly Testbed[]): Promise<void> {
  const g = beds[0]?.gateway;
  if (g === undefined) throw new Error("no testbed");
  for (const [i, text] of script("seed-000.txt").entries()) {
    const frame = g.push(robotMessage(text, { msgId: `pg-msg-${i}` }));
    // Every connection has it (each acks on receipt, then works): then each one's work is awaited.
    await g.until(() => g.received.filter((f) => f.headers.messageId === frame).length === beds.length);
    for (const t of beds) await t.channel.bot.idle();
  }
}

describe.skipIf(pg.missing !== undefined)("DingTalk on two instances sharing PostgreSQL", () => {
  test("every message pushed to both connections is answered once, as one instance answers it", async () => {
    // One instance alone (on its own database): what the officer should see.
    const single = await testbed(
      ":memory:",
      undefined,
      new FakeDingTalkApi(),
      await testPostgresApp(await pg.freshUrl()),
    );
    open.push(single);
    gateway = single.gateway;
    await converse([single]);
    const expected = single.api.texts();
    expect(expected).toHaveLength(script("seed-000.txt").length);
    const [alone] = await single.app.store.listReports();
    const summaries = async (t: Testbed, id: string) =>
      (await t.app.store.listEvents(id)).map((e) => [e.seq, e.kind, e.summary, e.messageId]);
    const expectedEvents = await summaries(single, alone?.id ?? "");
    await single.close();
    open.splice(0);
    nock.cleanAll();

    const url = await pg.freshUrl();
    let n = 0;
    const newId = () => `r${++n}`;
    const api = new FakeDingTalkApi();
    const a = await testbed(":memory:", gateway, api, await testPostgresApp(url, newId));
    open.push(a);
    const b = await testbed(":memory:", gateway, api, await testPostgresApp(url, newId));
    open.push(b);
    await gateway.connected(3);
    await converse([a, b]);
    expect(api.texts()).toEqual(expected);
    const reports = await a.app.store.listReports();
    expect(reports).toHaveLength(1);
    expect(await summaries(a, reports[0]?.id ?? "")).toEqual(expectedEvents);
    const duplicates = [...a.logs, ...b.logs].filter((l) => l.startsWith("重复的消息 dingtalk:pg-msg-"));
    expect(duplicates).toHaveLength(script("seed-000.txt").length);
  }, 120_000);
});
