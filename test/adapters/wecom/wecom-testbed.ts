import {
  type AibotTiming,
  type RunningChannel,
  startAibot,
} from "../../../src/adapters/wecom/aibot-channel.ts";
import { type Download, fetchDownload } from "../../../src/adapters/wecom/aibot-file.ts";
import { weComLogger } from "../../../src/adapters/wecom/wecom-logger.ts";
import type { App } from "../../../src/app/open-app.ts";
import { testApp } from "../../services/chat-harness.ts";
import { FakeWeCom } from "./fake-wecom.ts";

export const BOT = "aib-test-bot";
export const SECRET = "wecom-test-secret-0123456789";

/** The real AI bot channel against the fake server, on a test app with a fixed clock. */
export interface WeComTestbed {
  app: App;
  fake: FakeWeCom;
  channel: RunningChannel;
  logs: string[];
  /** Resolves once a log line contains `text`. */
  logged(text: string): Promise<void>;
  /** Pushes a callback and waits until the bot has answered it completely. */
  say(body: Record<string, unknown>, cmd?: string): Promise<void>;
  /** Stops the channel and closes the database (the fake server stays). */
  close(): Promise<void>;
}

let msgN = 0;

/** A text message from `user` in their 1:1 chat with the bot (or in group `chatid`). */
export function text(content: string, options: { user?: string; chatid?: string; msgid?: string } = {}) {
  return {
    msgid: options.msgid ?? `msg-${++msgN}`,
    aibotid: BOT,
    chattype: options.chatid === undefined ? "single" : "group",
    ...(options.chatid === undefined ? {} : { chatid: options.chatid }),
    from: { userid: options.user ?? "liuyy" },
    msgtype: "text",
    text: { content },
  };
}

/** A file message: the encrypted address and its key. */
export function file(url: string, aeskey: string, options: { user?: string; msgid?: string } = {}) {
  return {
    msgid: options.msgid ?? `msg-${++msgN}`,
    aibotid: BOT,
    chattype: "single",
    from: { userid: options.user ?? "liuyy" },
    msgtype: "file",
    file: { url, aeskey },
  };
}

/** A click on a card button (the published format: the click nested under template_card_event). */
export function click(key: string, taskId: string, options: { user?: string; chatid?: string } = {}) {
  return {
    msgid: `click-${++msgN}`,
    create_time: 1764806400,
    aibotid: BOT,
    chattype: options.chatid === undefined ? "single" : "group",
    ...(options.chatid === undefined ? {} : { chatid: options.chatid }),
    from: { userid: options.user ?? "liuyy" },
    msgtype: "event",
    event: {
      eventtype: "template_card_event",
      template_card_event: { card_type: "button_interaction", event_key: key, task_id: taskId },
    },
  };
}

/** Starts the channel on `dbPath` against `fake` (a new fake server unless given). */
export async function weComTestbed(
  dbPath = ":memory:",
  given?: FakeWeCom,
  options: { download?: Download; timing?: AibotTiming; secret?: string } = {},
): Promise<WeComTestbed> {
  const fake = given ?? (await FakeWeCom.start(BOT, SECRET));
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 10, 21, 2, 0, tick++));
  const app = testApp(dbPath, clock);
  const logs: string[] = [];
  let waiters: { text: string; resolve: () => void }[] = [];
  const write = (line: string) => {
    logs.push(line);
    waiters = waiters.filter((w) => {
      if (!line.includes(w.text)) return true;
      w.resolve();
      return false;
    });
  };
  const secret = options.secret ?? SECRET;
  const log = weComLogger(() => [secret], write, true);
  let task = 0;
  const started = await startAibot(
    { mode: "aibot", botId: BOT, botSecret: secret, wsUrl: fake.url },
    {
      ziping: app.ziping,
      clock,
      download: options.download ?? fetchDownload,
      log,
      taskId: () => `task-${++task}`,
    },
    options.timing ?? { reconnectInterval: 10 },
  );
  if (!started.ok) {
    app.close();
    throw new Error(started.error.message);
  }
  const channel = started.value;
  return {
    app,
    fake,
    channel,
    logs,
    logged(text) {
      if (logs.some((l) => l.includes(text))) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ text, resolve }));
    },
    async say(body, cmd) {
      const before = fake.sent().length;
      fake.push(body, cmd);
      await fake.until(() => fake.sent().length > before);
      await channel.idle();
    },
    async close() {
      await channel.stop();
      app.close();
    },
  };
}
