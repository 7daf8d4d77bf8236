/**
 * One ziping instance of the PostgreSQL bench (forked by postgres-bench.ts): opens the service on
 * PostgreSQL (`url`) or SQLite (`sqlite`), says "ready", and on "go" runs the seed-000 script in
 * each of its conversations, one message per conversation in turn, timing every turn; sends the
 * times back and exits.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scriptMessages } from "../src/adapters/cli/chat-command.ts";
import { type App, composePostgresApp, openApp } from "../src/app/open-app.ts";

interface Task {
  url?: string;
  sqlite?: string;
  instance: number;
  /** Keeps the conversations and report ids of two runs on one database apart. */
  run: string;
  conversations: number[];
}

const messages = scriptMessages(
  readFileSync(join(import.meta.dirname, "../fixtures/conversations/seed-000.txt"), "utf8"),
);

async function open(task: Task): Promise<App> {
  let n = 0;
  const newId = () => `r${task.run}${task.instance}x${++n}`;
  if (task.url === undefined) return openApp(task.sqlite ?? ":memory:", newId);
  const app = await composePostgresApp(task.url, { newId });
  if (!app.ok) throw new Error(app.error.message);
  return app.value;
}

process.once("message", async (task: Task) => {
  const app = await open(task);
  process.send?.("ready");
  process.once("message", async () => {
    const times: number[] = [];
    const now = new Date("2026-11-21T09:00:00Z");
    for (const [i, text] of messages.entries()) {
      for (const u of task.conversations) {
        const t = process.hrtime.bigint();
        await app.chat.handle({
          conversationKey: `bench:${task.run}:${u}`,
          userId: `u${u}`,
          messageId: `${task.run}:u${u}:${i}`,
          text,
          now,
        });
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }
    app.close();
    await app.closed();
    process.send?.({ times }, () => process.exit(0));
  });
});
