import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, Store } from "../../src/storage/index.ts";
import { tempDir } from "./temp-db.ts";

/** The record of Slack event ids already handled: a retry or redelivery is run once. */

const t0 = new Date("2025-03-01T08:00:00.000Z");
const t1 = new Date("2025-03-01T09:00:00.000Z");
const t2 = new Date("2025-03-02T08:00:00.000Z");

let cleanup = (): void => {};
afterEach(() => cleanup());

describe("claimEvent", () => {
  it("is true for the first delivery and false for the retries", async () => {
    const store = new Store(openDatabase(":memory:"));
    expect(await store.claimEvent("Ev01", t0)).toBe(true);
    expect(await store.claimEvent("Ev01", t1)).toBe(false);
    expect(await store.claimEvent("Ev01", t2)).toBe(false);
    expect(await store.claimEvent("Ev02", t1)).toBe(true);
    store.close();
  });

  it("still refuses an event handled before a restart (the same file reopened)", async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, "ziping.db");
    const first = new Store(openDatabase(path));
    expect(await first.claimEvent("Ev01", t0)).toBe(true);
    first.close();

    const second = new Store(openDatabase(path));
    expect(await second.claimEvent("Ev01", t1)).toBe(false);
    expect(await second.claimEvent("Ev02", t1)).toBe(true);
    second.close();
  });
});

describe("pruneEvents", () => {
  it("deletes the ids received before the cut-off, keeps the rest, and returns the count", async () => {
    const db = openDatabase(":memory:");
    const store = new Store(db);
    await store.claimEvent("Ev01", t0);
    await store.claimEvent("Ev02", new Date("2025-03-01T08:30:00.000Z"));
    await store.claimEvent("Ev03", t1);
    await store.claimEvent("Ev04", t2);

    expect(await store.pruneEvents(t1)).toBe(2);
    expect(db.prepare("SELECT * FROM slack_events ORDER BY event_id").all()).toEqual([
      { event_id: "Ev03", received_at: "2025-03-01T09:00:00.000Z" },
      { event_id: "Ev04", received_at: "2025-03-02T08:00:00.000Z" },
    ]);
    expect(await store.pruneEvents(t1)).toBe(0);
    expect(await store.claimEvent("Ev01", t2)).toBe(true);
    expect(await store.claimEvent("Ev03", t2)).toBe(false);
    expect(await store.pruneEvents(new Date("2025-03-03T00:00:00.000Z"))).toBe(3);
    expect(db.prepare("SELECT count(*) FROM slack_events").pluck().get()).toBe(0);
    store.close();
  });
});
