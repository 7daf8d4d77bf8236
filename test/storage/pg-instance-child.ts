/**
 * One ziping instance of the three-instance acceptance test (forked by postgres-cluster.test.ts):
 * the real service on PostgreSQL in a process of its own, as a platform connection would drive it.
 * It receives messages over IPC and runs each through the channel turn runner as it arrives (a
 * platform delivers concurrently), answering with what the runner sent to the officer. On "freeze" the next turn that writes its events stops right
 * after the write, inside its transaction and holding its conversation's lock, and says "frozen":
 * the test then kills this process there, mid-turn, as a crash would.
 */
import pg from "pg";
import { composePostgresApp } from "../../src/app/open-app.ts";
import type { ChannelOutbound, OutboundMessage } from "../../src/services/channel-port.ts";
import { runTurn } from "../../src/services/channel-turns.ts";

/** What the test sends: first the task, then messages, and "freeze" when it wants a crash. */
type Task = { url: string; instance: number };
type Message = { seq: number; conversation: string; user: string; id: string; text: string };

let freeze = false;
let freezeAfterCommit = false;
const query = pg.Client.prototype.query;
// The crash point: the statement that writes a turn's events has been executed; the turn never goes on.
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const result = (query as (...a: unknown[]) => unknown).apply(this, args);
  const sql = typeof args[0] === "string" ? args[0] : "";
  if (!freeze || !(result instanceof Promise) || !sql.trimStart().startsWith("INSERT INTO events"))
    return result;
  freeze = false;
  return result.then(() => {
    process.send?.({ frozen: true });
    return new Promise(() => undefined);
  });
} as typeof query;

const now = new Date("2026-11-21T09:00:00Z");
const log = {
  info: () => undefined,
  error: (message: string, error: unknown) => process.stderr.write(`${message}: ${String(error)}\n`),
};

process.once("message", async (task: Task) => {
  let n = 0;
  // Report ids apart per instance, as random ids would be.
  const app = await composePostgresApp(task.url, { newId: () => `r${task.instance}x${++n}` });
  if (!app.ok) throw new Error(app.error.message);
  process.on("message", (m: Message | "freeze" | "freeze-after-commit") => {
    if (m === "freeze") freeze = true;
    if (m === "freeze-after-commit") freezeAfterCommit = true;
    if (typeof m === "string") return;
    const { seq, ...event } = m;
    const sent: OutboundMessage[] = [];
    const out: ChannelOutbound = {
      capabilities: { buttons: false, messageUpdates: false, tables: true, files: true },
      send: async (message) => {
        if (freezeAfterCommit && message.kind === "replies") {
          freezeAfterCommit = false;
          process.send?.({ frozen: true });
          await new Promise(() => undefined);
        }
        sent.push(message);
        return undefined;
      },
      update: async () => undefined,
      upload: async (files) => ({ ok: true, value: files.map((f) => f.name) }),
    };
    void runTurn(app.value.ziping, out, event, () => now, log).then((turn) =>
      process.send?.({ seq, sent, reportId: turn.reportId }),
    );
  });
  process.send?.({ ready: true });
});
