import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scriptMessages } from "../src/adapters/cli/chat-command.ts";
import { openApp } from "../src/app/open-app.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const CONVERSATIONS = join(import.meta.dirname, "../fixtures/conversations");

/**
 * Time per turn (engine + SQLite commit, on a file database in WAL mode) while `users` scripted
 * seed conversations run interleaved, one message each in turn; and user messages per scripted
 * conversation (the seeds, the mistakes script and real reports from outside the seeds).
 */
export async function benchChat(line: Line, users = 200): Promise<void> {
  const scripts = readdirSync(CONVERSATIONS)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  for (const f of scripts)
    line(
      "conversation_user_messages",
      scriptMessages(readFileSync(join(CONVERSATIONS, f), "utf8")).length,
      "messages",
      { script: f },
    );
  const messages = scriptMessages(readFileSync(join(CONVERSATIONS, "seed-000.txt"), "utf8"));
  const dir = mkdtempSync(join(tmpdir(), "ziping-bench-"));
  let n = 0;
  const app = openApp(join(dir, "bench.db"), () => `r${++n}`);
  const times: number[] = [];
  const now = new Date("2026-11-21T09:00:00Z");
  for (const [i, text] of messages.entries()) {
    for (let u = 0; u < users; u++) {
      const t = process.hrtime.bigint();
      await app.chat.handle({
        conversationKey: `bench:${u}`,
        userId: `u${u}`,
        messageId: `u${u}:${i}`,
        text,
        now,
      });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  app.close();
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const extra = { conversations: users, turns: times.length, script: "seed-000.txt" };
  line("chat_turn_median", at(0.5), "ms", extra);
  line("chat_turn_p99", at(0.99), "ms", extra);
}
