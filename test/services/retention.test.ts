import { describe, expect, it } from "vitest";
import { pruneHandledMessages } from "../../src/services/retention.ts";
import { openDatabase, Store } from "../../src/storage/index.ts";

/** Handled message ids are forgotten after the configured number of days, counted from an injected clock. */

async function storeWith(times: Record<string, string>): Promise<Store> {
  const store = new Store(openDatabase(":memory:"));
  for (const [id, at] of Object.entries(times))
    await store.recordProcessedMessage({
      messageId: id,
      conversationKey: "cli:liu",
      replies: [],
      now: new Date(at),
    });
  return store;
}

const ids = ["m1", "m2", "m3", "m4"];

describe("pruneHandledMessages", () => {
  it("keeps 30 days before now: an id exactly 30 days old stays, one a millisecond older goes", async () => {
    const store = await storeWith({
      m1: "2026-10-01T00:00:00.000Z",
      m2: "2026-11-02T23:59:59.999Z",
      m3: "2026-11-03T00:00:00.000Z",
      m4: "2026-12-03T08:00:00.000Z",
    });
    expect(await pruneHandledMessages(store, new Date("2026-12-03T00:00:00.000Z"), 30)).toBe(2);
    expect(await handled(store)).toEqual(["m3", "m4"]);
    expect(await pruneHandledMessages(store, new Date("2026-12-03T00:00:00.000Z"), 30)).toBe(0);
    store.close();
  });

  it("uses the configured number of days", async () => {
    const store = await storeWith({
      m1: "2026-11-25T12:00:00.000Z",
      m2: "2026-11-26T12:00:00.000Z",
      m3: "2026-12-01T12:00:00.000Z",
      m4: "2026-12-02T12:00:00.000Z",
    });
    expect(await pruneHandledMessages(store, new Date("2026-12-03T12:00:00.000Z"), 7)).toBe(1);
    expect(await handled(store)).toEqual(["m2", "m3", "m4"]);
    expect(await pruneHandledMessages(store, new Date("2026-12-03T12:00:00.000Z"), 1)).toBe(2);
    expect(await handled(store)).toEqual(["m4"]);
    store.close();
  });
});

/** The ids of `ids` whose message is still recorded. */
async function handled(store: Store): Promise<string[]> {
  const found: string[] = [];
  for (const id of ids) if ((await store.getProcessedMessage(id)) !== undefined) found.push(id);
  return found;
}
