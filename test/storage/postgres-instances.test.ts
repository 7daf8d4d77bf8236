import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app/open-app.ts";
import type { TurnResult } from "../../src/services/chat-service.ts";
import { Chat, script, testApp, testPostgresApp } from "../services/chat-harness.ts";
import { usePostgres } from "./pg-test-db.ts";

const pg = usePostgres();
const open: App[] = [];
afterAll(async () => {
  for (const app of open.splice(0)) {
    app.close();
    await app.closed();
  }
});

const CONVERSATIONS = 12;
const now = new Date("2026-11-21T09:00:00Z");

/** The user of conversation `c` and the id of its message `i`, unique over all conversations. */
const user = (c: number) => `u${c}`;
const messageId = (c: number, i: number) => `${user(c)}:m${i}`;

describe.skipIf(pg.missing !== undefined)("three instances on one PostgreSQL", () => {
  it("each message delivered to all three at once takes effect once; every conversation ends as on one SQLite instance", async () => {
    const messages = script("seed-000.txt");
    // The single-instance reference: the same script on SQLite.
    const single = new Chat(testApp());
    await single.sendAll(messages);
    const expectedDoc = await single.doc();
    const expectedEvents = (await single.app.store.listEvents(await single.reportId())).map((e) => [
      e.seq,
      e.kind,
      e.summary,
    ]);

    const url = await pg.freshUrl();
    let n = 0;
    const newId = () => `r${++n}`; // one counter for the three, as random ids would not collide
    const instances = [
      await testPostgresApp(url, newId),
      await testPostgresApp(url, newId),
      await testPostgresApp(url, newId),
    ];
    open.push(...instances);

    const conversation = async (c: number): Promise<TurnResult[][]> => {
      const turns: TurnResult[][] = [];
      for (const [i, text] of messages.entries()) {
        const delivered = instances.map((app) =>
          app.chat.handle({
            conversationKey: `test:${c}`,
            userId: user(c),
            messageId: messageId(c, i),
            text,
            now,
          }),
        );
        turns.push(await Promise.all(delivered));
      }
      return turns;
    };
    const all = await Promise.all(Array.from({ length: CONVERSATIONS }, (_x, c) => conversation(c)));

    const store = instances[0]?.store;
    if (store === undefined) throw new Error("no instance");
    for (const [c, turns] of all.entries()) {
      for (const deliveries of turns) {
        expect(deliveries.filter((t) => !t.duplicate)).toHaveLength(1);
        const first = deliveries.find((t) => !t.duplicate);
        for (const d of deliveries) expect(d.replies).toEqual(first?.replies);
      }
      const reportId = (await store.getConversation(`test:${c}`))?.reportId;
      if (reportId === undefined || reportId === null) throw new Error(`conversation ${c} has no report`);
      expect((await store.getReport(reportId))?.doc).toEqual(expectedDoc);
      expect((await store.listEvents(reportId)).map((e) => [e.seq, e.kind, e.summary])).toEqual(
        expectedEvents,
      );
    }
    expect(await store.listReports()).toHaveLength(CONVERSATIONS);
  }, 120_000);

  it("a turn whose instance dies holding the conversation is rolled back, and the redelivery is taken once by another", async () => {
    const url = await pg.freshUrl();
    const survivor = await testPostgresApp(url);
    open.push(survivor);
    const chat = new Chat(survivor, "liu", "test:dies");
    const messages = script("seed-000.txt");
    await chat.sendAll(messages.slice(0, 2));
    const before = await survivor.store.listEvents(await chat.reportId());

    // The dying instance: inside its turn, holding the conversation's lock, having written half of it.
    const dying = new Client({ connectionString: url });
    dying.on("error", () => undefined); // its connection is about to be terminated
    await dying.connect();
    await dying.query("BEGIN");
    await dying.query("SELECT pg_advisory_xact_lock(1, hashtext('test:dies'))");
    await dying.query("UPDATE conversations SET state = '{}' WHERE key = 'test:dies'");
    const pid = (await dying.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;

    const redelivered = chat.send(messages[2] ?? "", "m3");
    const watcher = new Client({ connectionString: url });
    await watcher.connect();
    const waiting = async () =>
      (await watcher.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rowCount ??
      0;
    while ((await waiting()) === 0) await new Promise((resolve) => setImmediate(resolve));
    await watcher.query("SELECT pg_terminate_backend($1)", [pid]);
    await watcher.end();

    const turn = await redelivered;
    expect(turn.duplicate).toBe(false);
    const after = await survivor.store.listEvents(await chat.reportId());
    expect(after.slice(0, before.length)).toEqual(before);
    // The survivor's turn alone: the dead one's half-written state was rolled back with it.
    expect(new Set(after.slice(before.length).map((e) => e.messageId))).toEqual(new Set(["m3"]));
    expect((await chat.send(messages[2] ?? "", "m3")).duplicate).toBe(true);
    const single = new Chat(testApp());
    await single.sendAll(messages.slice(0, 3));
    expect(await chat.doc()).toEqual(await single.doc());
  }, 60_000);
});
