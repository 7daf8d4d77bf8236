import { afterEach, describe, expect, it } from "vitest";
import type { App } from "../../src/app/open-app.ts";
import { ReportSchema } from "../../src/core/report.ts";
import { Chat, fixture, lastQuestion, SEEDS, script, testPostgresApp } from "../services/chat-harness.ts";
import { usePostgres } from "./pg-test-db.ts";

const pg = usePostgres();
const open: App[] = [];
afterEach(async () => {
  for (const app of open.splice(0)) {
    app.close();
    await app.closed();
  }
});

describe.skipIf(pg.missing !== undefined)("the seed conversations on PostgreSQL", () => {
  it.each(SEEDS)("$script rebuilds $report", async ({ script: name, report, exact }) => {
    const app = await testPostgresApp(await pg.freshUrl());
    open.push(app);
    const chat = new Chat(app);
    await chat.sendAll(script(name));
    expect(lastQuestion((await chat.resume()).replies)?.slot).toBe("review");
    if (exact) expect(await chat.doc()).toEqual(fixture(report));
    else expect(ReportSchema.parse(await chat.doc())).toEqual(ReportSchema.parse(fixture(report)));
    const events = await app.store.listEvents(await chat.reportId());
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
  });

  it("answers a redelivered message from the record and changes nothing", async () => {
    const app = await testPostgresApp(await pg.freshUrl());
    open.push(app);
    const chat = new Chat(app);
    const messages = script("seed-000.txt");
    await chat.sendAll(messages.slice(0, 3));
    const before = await app.store.listEvents(await chat.reportId());
    const again = await chat.send(messages[2] ?? "", "m3");
    expect(again.duplicate).toBe(true);
    expect(await app.store.listEvents(await chat.reportId())).toEqual(before);
  });
});
