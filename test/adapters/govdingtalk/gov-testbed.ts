import http from "node:http";
import nock from "nock";
import { callbackSign } from "../../../src/adapters/govdingtalk/callback-signature.ts";
import type { GovDingTalkSettings } from "../../../src/adapters/govdingtalk/gov-settings.ts";
import { type GovChannel, startGovChannel } from "../../../src/adapters/govdingtalk/start-gov-dingtalk.ts";
import type { App } from "../../../src/app/open-app.ts";
import { testApp } from "../../services/chat-harness.ts";
import { FakeGov, GOV_HOST } from "./fake-gov.ts";

export const APP_KEY = "zwdd-app-key-1";
export const APP_SECRET = "zwdd-app-secret-do-not-print";
export const ROBOT_TOKEN = "robot-outgoing-token-9";
export const TENANT = "196729";
/** The fixed start of the test clock: 2026-11-21 02:00:00 UTC. */
export const T0 = Date.UTC(2026, 10, 21, 2, 0, 0);

/** The settings of the tests: the fake host, any free port, the robot's token signing callbacks. */
export const SETTINGS: GovDingTalkSettings = {
  apiHost: GOV_HOST,
  appKey: APP_KEY,
  appSecret: APP_SECRET,
  tenantId: TENANT,
  callbackPort: 0,
  callbackPath: "/govdingtalk/callback",
  callbackSecret: ROBOT_TOKEN,
};

/** The real channel on 127.0.0.1 with the fake gateway, a fixed clock, and the log it wrote. */
export interface GovTestbed {
  app: App;
  gov: FakeGov;
  channel: GovChannel;
  logs: string[];
  /** Posts a callback body signed with `secret` (the robot token by default) at `timestamp`. */
  post(
    body: unknown,
    sign?: { secret?: string; timestamp?: number },
  ): Promise<{ status: number; body: string }>;
  /** Waits until every callback posted so far has been handled. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a testbed on `dbPath` (":memory:" by default; reopen a file to simulate a restart). */
export async function govTestbed(
  dbPath = ":memory:",
  settings: GovDingTalkSettings = SETTINGS,
): Promise<GovTestbed> {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  if (!nock.isActive()) nock.activate();
  let tick = 0;
  const clock = () => new Date(T0 + 1000 * tick++);
  const app = testApp(dbPath, clock);
  const gov = new FakeGov();
  gov.install();
  const logs: string[] = [];
  let nonce = 0;
  let pending: Promise<unknown>[] = [];
  const started = await startGovChannel(app.ziping, settings, {
    clock,
    log: {
      info: (m) => logs.push(m),
      error: (m, e) => logs.push(`${m}：${e instanceof Error ? e.message : String(e)}`),
    },
    ip: "10.1.2.3",
    mac: "02:00:0a:01:02:03",
    nonce: () => `nonce-${++nonce}`,
    listenHost: "127.0.0.1",
  });
  if (!started.ok) throw new Error(started.error.message);
  const channel = started.value;
  const receiverIdle = async () => {
    await Promise.all(pending);
    pending = [];
    await channel.idle();
  };
  return {
    app,
    gov,
    channel,
    logs,
    post: (body, sign = {}) => {
      const timestamp = String(sign.timestamp ?? T0);
      const p = postJson(channel.port, SETTINGS.callbackPath, JSON.stringify(body), {
        timestamp,
        sign: callbackSign(timestamp, sign.secret ?? ROBOT_TOKEN),
      });
      pending.push(p);
      return p;
    },
    idle: receiverIdle,
    close: async () => {
      await channel.stop();
      app.close();
    },
  };
}

/** Posts `body` to the callback path with `headers` (and a query string in `path`). */
export function postJson(
  port: number,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

let msgN = 0;

/** A robot callback: a text from `account` in its 1:1 chat, or in group `group` when given. */
export function textMessage(
  text: string,
  options: { account?: string; group?: string; msgId?: string } = {},
) {
  return robotMessage({ msgtype: "text", text: { content: text } }, options);
}

/** A robot callback: a file the officer sent (media id and name). */
export function fileMessage(
  file: { mediaId: string; fileName: string; fileSize: number },
  options: { account?: string; group?: string; msgId?: string } = {},
) {
  return robotMessage({ msgtype: "file", content: file }, options);
}

function robotMessage(
  content: Record<string, unknown>,
  options: { account?: string; group?: string; msgId?: string },
): Record<string, unknown> {
  const account = options.account ?? "10001";
  return {
    msgId: options.msgId ?? `msgTEST${++msgN}`,
    createAt: T0,
    conversationType: options.group === undefined ? "1" : "2",
    conversationId: options.group ?? `cid-oto-${account}`,
    senderStaffId: account,
    senderNick: "刘科长",
    chatbotUserId: "robot-1",
    ...content,
  };
}
