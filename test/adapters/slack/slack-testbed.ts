import { LogLevel, type webApi } from "@slack/bolt";
import nock from "nock";
import { fetchDownload } from "../../../src/adapters/slack/file-intake.ts";
import { redactingLogger } from "../../../src/adapters/slack/redacting-logger.ts";
import { createSlackApp } from "../../../src/adapters/slack/slack-app.ts";
import type { SlackTurns } from "../../../src/adapters/slack/slack-turns.ts";
import type { App } from "../../../src/app/open-app.ts";
import { testApp } from "../../services/chat-harness.ts";
import { API, FakeSlack } from "./fake-slack.ts";
import { TestReceiver } from "./test-receiver.ts";

export const BOT_TOKEN = "xoxb-1111-2222-test-token-abcdef";
export const TEAM = "T1";
export const BOT_USER = "UBOT";

/** The real Bolt app with ziping's listeners, a test receiver, the fake Slack API and a fixed clock. */
export interface Testbed {
  app: App;
  receiver: TestReceiver;
  slack: FakeSlack;
  logs: string[];
  /** The adapter's turns and the Bolt app's Web API client (to call what start-slack calls at start). */
  turns: SlackTurns;
  client: webApi.WebClient;
  /** Closes the database; the fake API stays until nock.cleanAll(). */
  close(): void;
}

/** Builds a testbed on `dbPath` (":memory:" by default); reopen the same file to simulate a restart. */
export function testbed(dbPath = ":memory:", slack = new FakeSlack({ U1: "D1", U2: "D2" })): Testbed {
  nock.disableNetConnect();
  if (!nock.isActive()) nock.activate();
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 10, 21, 2, 0, tick++));
  const app = testApp(dbPath, clock);
  const logs: string[] = [];
  const logger = redactingLogger([BOT_TOKEN], (line) => logs.push(line), LogLevel.DEBUG);
  const receiver = new TestReceiver();
  const { bolt, ctx } = createSlackApp(
    { ziping: app.ziping, clock, download: fetchDownload, logger },
    {
      botToken: BOT_TOKEN,
      receiver,
      logger,
      logLevel: LogLevel.DEBUG,
      botUserId: BOT_USER,
      botId: "BBOT",
      clientOptions: {
        slackApiUrl: `${API}/api/`,
        retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 },
      },
    },
  );
  return { app, receiver, slack, logs, turns: ctx.turns, client: bolt.client, close: () => app.close() };
}

let eventN = 0;
let tsN = 0;

/** A message timestamp, increasing through the test file. */
export function nextTs(): string {
  return `1700000000.${String(++tsN).padStart(6, "0")}`;
}

/** An events_api envelope around `event`, with a fresh event id unless one is given. */
export function envelope(event: Record<string, unknown>, eventId = `Ev${++eventN}`): Record<string, unknown> {
  return {
    token: "legacy-verification",
    team_id: TEAM,
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: 1_700_000_000,
    event,
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
  };
}

/** A message from `user` in their DM with ziping. */
export function dm(text: string, options: { user?: string; ts?: string; files?: unknown[] } = {}) {
  const user = options.user ?? "U1";
  return {
    type: "message",
    channel: user === "U1" ? "D1" : "D2",
    channel_type: "im",
    user,
    text,
    ts: options.ts ?? nextTs(),
    ...(options.files === undefined ? {} : { subtype: "file_share", files: options.files }),
  };
}

/** A message from `user` in channel C1: in the thread `thread` when given, else at the top level. */
export function channelMessage(text: string, options: { user?: string; thread?: string; ts?: string } = {}) {
  return {
    type: "message",
    channel: "C1",
    channel_type: "channel",
    user: options.user ?? "U1",
    text,
    ts: options.ts ?? nextTs(),
    ...(options.thread === undefined ? {} : { thread_ts: options.thread }),
  };
}

/** A slash command payload. */
export function slashCommand(text: string, options: { user?: string; channel?: string } = {}) {
  return {
    token: "legacy-verification",
    team_id: TEAM,
    team_domain: "zhengzhou",
    channel_id: options.channel ?? "C1",
    channel_name: "jixiao",
    user_id: options.user ?? "U1",
    user_name: "liu",
    command: "/ziping",
    text,
    api_app_id: "A1",
    response_url: `https://hooks.slack.com/commands/T1/1/${++eventN}`,
    trigger_id: `trig-${eventN}`,
  };
}

/** A button press on a message posted by ziping (`message` as the fake API recorded it). */
export function buttonPress(
  message: { channel: string; ts: string; thread_ts?: string; blocks: unknown[] },
  actionId: string,
  value: string,
  user = "U1",
) {
  return {
    type: "block_actions",
    team: { id: TEAM, domain: "zhengzhou" },
    user: { id: user, username: "liu", team_id: TEAM },
    api_app_id: "A1",
    token: "legacy-verification",
    trigger_id: `trig-${++eventN}`,
    container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    channel: { id: message.channel, name: "directmessage" },
    message: {
      type: "message",
      user: BOT_USER,
      ts: message.ts,
      ...(message.thread_ts === undefined ? {} : { thread_ts: message.thread_ts }),
      text: "",
      blocks: message.blocks,
    },
    actions: [
      { action_id: actionId, block_id: "b", type: "button", value, action_ts: `1700000200.${++eventN}` },
    ],
  };
}
