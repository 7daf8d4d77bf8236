import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LogLevel } from "@slack/bolt";
import nock from "nock";
import { scriptMessages } from "../src/adapters/cli/chat-command.ts";
import { fetchDownload } from "../src/adapters/slack/file-intake.ts";
import { redactingLogger } from "../src/adapters/slack/redacting-logger.ts";
import { createSlackApp } from "../src/adapters/slack/slack-app.ts";
import { type App, composeApp } from "../src/app/open-app.ts";
import { API, FakeSlack } from "../test/adapters/slack/fake-slack.ts";
import { BOT_TOKEN, BOT_USER, envelope, nextTs } from "../test/adapters/slack/slack-testbed.ts";
import { type Delivered, TestReceiver } from "../test/adapters/slack/test-receiver.ts";
import { percentile } from "./timing.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const CONVERSATIONS = join(import.meta.dirname, "../fixtures/conversations");
const UNIT = "郑州市金水区电子政务中心";

const pad = (n: number) => String(n).padStart(3, "0");

/** A message from `user` in their DM channel, shaped like the testbed's dm(). */
function dmFrom(user: string, channel: string, text: string) {
  return { type: "message", channel, channel_type: "im", user, text, ts: nextTs() };
}

/**
 * Slack events under load: `users` officers (U001…, each in their own DM) play the seed-000 script
 * (their own unit name throughout), one message each per round, all of a round's events delivered
 * at once to the real Bolt app (Slack-like bursts arriving while earlier turns are still being
 * processed). The database is a file in WAL mode, the Web API the fake behind nock, the log level
 * INFO as in production. Figures: arrival → ack (what Slack's 3-second timeout sees) and
 * arrival → the listener's work finished, over every event of every round after a warm-up round.
 * Times run from the round's arrival, not from the receiver's sentAt: an event stuck behind
 * another turn's synchronous work waits before its send() even starts, and that wait counts.
 */
export async function benchSlack(line: Line, users = 50): Promise<void> {
  const script = scriptMessages(readFileSync(join(CONVERSATIONS, "seed-000.txt"), "utf8"));
  const ids = Array.from({ length: users }, (_, u) => pad(u + 1));
  // Warm-up officers (W001…) send a first message each before anything is measured.
  const warm = Array.from({ length: users }, (_, u) => pad(u + 1));
  const dms: Record<string, string> = {};
  for (const id of ids) dms[`U${id}`] = `D${id}`;
  for (const id of warm) dms[`UW${id}`] = `DW${id}`;

  const dir = mkdtempSync(join(tmpdir(), "ziping-slack-bench-"));
  const slack = new FakeSlack(dms);
  let app: App | undefined;
  try {
    nock.disableNetConnect();
    if (!nock.isActive()) nock.activate();
    slack.install();
    let n = 0;
    let tick = 0;
    const clock = () => new Date(Date.UTC(2026, 10, 21, 2, 0, tick++));
    const composed = composeApp(join(dir, "bench.db"), { newId: () => `r${++n}`, now: clock });
    if (!composed.ok) throw new Error(composed.error.message);
    app = composed.value;
    const errors: string[] = [];
    const logger = redactingLogger(
      [BOT_TOKEN],
      (l) => {
        if (l.startsWith(`[${LogLevel.ERROR}]`)) errors.push(l);
      },
      LogLevel.INFO,
    );
    const receiver = new TestReceiver();
    createSlackApp(
      { ziping: app.ziping, clock, download: fetchDownload, logger },
      {
        botToken: BOT_TOKEN,
        receiver,
        logger,
        logLevel: LogLevel.INFO,
        botUserId: BOT_USER,
        botId: "BBOT",
        clientOptions: {
          slackApiUrl: `${API}/api/`,
          retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 },
        },
      },
    );

    const toAck: number[] = [];
    const toDone: number[] = [];
    // Every event of a round lands at once; each is handed to Bolt in its own macrotask, as a socket
    // hands over one frame per callback, so an event queued behind another's synchronous work waits.
    const deliver = (body: Record<string, unknown>) =>
      new Promise<[Delivered, number]>((resolve, reject) =>
        setImmediate(() => receiver.send(body).then((d) => resolve([d, performance.now()]), reject)),
      );
    const round = async (who: string[], text: (id: string) => string, measure: boolean) => {
      const bodies = who.map((id) => envelope(dmFrom(`U${id}`, `D${id}`, text(id))));
      const arrivedAt = performance.now();
      const sent = await Promise.all(bodies.map(deliver));
      for (const [d, doneAt] of sent) {
        if (d.ackedAt === undefined) throw new Error("slack bench: an event was not acknowledged");
        if (measure) {
          toAck.push(d.ackedAt - arrivedAt);
          toDone.push(doneAt - arrivedAt);
        }
      }
    };

    const first = script[0] ?? "";
    await round(
      warm.map((id) => `W${id}`),
      (id) => first.replaceAll(UNIT, `郑州市金水区预热${id}中心`),
      false,
    );
    for (const text of script)
      await round(ids, (id) => text.replaceAll(UNIT, `郑州市金水区第${id}电子政务中心`), true);
    if (errors.length > 0)
      throw new Error(`slack bench: ${errors.length} errors logged, first: ${errors[0]}`);
    const posted = slack.of("chat.postMessage").length;
    if (posted < users * (script.length + 1)) throw new Error(`slack bench: only ${posted} replies posted`);

    const extra = { users, rounds: script.length, events: toAck.length, script: "seed-000.txt" };
    line("slack_event_to_ack_median_ms", percentile(toAck, 0.5), "ms", extra);
    line("slack_event_to_ack_p99_ms", percentile(toAck, 0.99), "ms", extra);
    line("slack_event_to_done_median_ms", percentile(toDone, 0.5), "ms", extra);
    line("slack_event_to_done_p99_ms", percentile(toDone, 0.99), "ms", extra);
    line("slack_events_measured", toAck.length, "events", { users, rounds: script.length });
  } finally {
    app?.close();
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
    rmSync(dir, { recursive: true, force: true });
  }
}
