import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chatCommand, scriptMessageId } from "../../../src/adapters/cli/chat-command.ts";
import { openZiping } from "../../../src/app/draft-env.ts";
import { readConfig } from "../../../src/config.ts";
import { openDatabase, Store } from "../../../src/storage/index.ts";
import { writeIn } from "./cli-harness.ts";

/** `ziping chat` forgets old handled message ids at start; a script's message ids are per user. */

const dir = mkdtempSync(join(tmpdir(), "ziping-retention-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = readConfig({});
if (!read.ok) throw new Error(read.message);
const config = read.config;

async function chat(db: string, user: string, script: string, now: Date, keepMessageDays?: number) {
  const out: string[] = [];
  const app = await openZiping(config, {
    llm: "off",
    db,
    now: () => now,
  });
  if (!app.ok) throw new Error(app.error.message);
  const code = await chatCommand({ out: (t) => out.push(t), err: (t) => out.push(t) }, app.value.ziping, {
    user,
    script,
    outDir: join(dir, "out"),
    clock: () => now,
    ...(keepMessageDays === undefined ? {} : { keepMessageDays }),
  });
  app.value.close();
  return { code, out: out.join("\n") };
}

async function handled(db: string, ids: string[]): Promise<string[]> {
  const store = new Store(openDatabase(db));
  try {
    const found: string[] = [];
    for (const id of ids) if ((await store.getProcessedMessage(id)) !== undefined) found.push(id);
    return found;
  } finally {
    store.close();
  }
}

describe("retention of handled message ids at chat start", () => {
  it("forgets ids older than the kept days (default 30) and keeps the rest", async () => {
    const db = join(dir, "keep.db");
    const store = new Store(openDatabase(db));
    for (const [id, at] of [
      ["cli:liu:old", "2026-11-02T23:00:00.000Z"],
      ["cli:liu:recent", "2026-11-04T00:00:00.000Z"],
    ] as const)
      await store.recordProcessedMessage({
        messageId: id,
        conversationKey: "cli:liu",
        replies: [],
        now: new Date(at),
      });
    store.close();
    const script = writeIn(dir, "hello.txt", "你好");
    const first = await chat(db, "liu", script, new Date("2026-12-03T00:00:00.000Z"));
    expect(first.code).toBe(0);
    expect(await handled(db, ["cli:liu:old", "cli:liu:recent", "script:liu:hello.txt:1"])).toEqual([
      "cli:liu:recent",
      "script:liu:hello.txt:1",
    ]);
    // Ten days later with 7 days kept: the recent id and the script's own go too.
    await chat(db, "wang", script, new Date("2026-12-13T00:00:00.000Z"), 7);
    expect(
      await handled(db, ["cli:liu:recent", "script:liu:hello.txt:1", "script:wang:hello.txt:1"]),
    ).toEqual(["script:wang:hello.txt:1"]);
  });

  it("reads ZIPING_KEEP_MESSAGES_DAYS, 30 when unset, and refuses 0 in Chinese", async () => {
    expect(config.ZIPING_KEEP_MESSAGES_DAYS).toBe(30);
    const seven = readConfig({ ZIPING_KEEP_MESSAGES_DAYS: "7" });
    expect(seven.ok && seven.config.ZIPING_KEEP_MESSAGES_DAYS).toBe(7);
    const zero = readConfig({ ZIPING_KEEP_MESSAGES_DAYS: "0" });
    expect(zero.ok ? "" : zero.message).toContain(
      "ZIPING_KEEP_MESSAGES_DAYS：ZIPING_KEEP_MESSAGES_DAYS 应为 1 到 3650 的整数（天），例如 30",
    );
  });
});

describe("script message ids", () => {
  it("include the user, so a second user's replay of the same script is not dropped", async () => {
    expect(scriptMessageId("liu", "seed-000.txt", 3)).toBe("script:liu:seed-000.txt:3");
    const db = join(dir, "two-users.db");
    const script = writeIn(dir, "same.txt", "你好\n---\n帮助");
    const now = new Date("2026-12-03T00:00:00.000Z");
    const liu = await chat(db, "liu", script, now);
    const wang = await chat(db, "wang", script, now);
    const again = await chat(db, "liu", script, now);
    const dropped = (out: string) => out.split("（这条消息之前已处理过，未重复保存）").length - 1;
    expect([dropped(liu.out), dropped(wang.out), dropped(again.out)]).toEqual([0, 0, 2]);
    expect(
      await handled(db, [
        "script:liu:same.txt:1",
        "script:liu:same.txt:2",
        "script:wang:same.txt:1",
        "script:wang:same.txt:2",
      ]),
    ).toHaveLength(4);
  });
});
