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
});
