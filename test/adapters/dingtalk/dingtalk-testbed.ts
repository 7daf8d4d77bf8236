import nock from "nock";
import type { DingTalkSettings } from "../../../src/adapters/dingtalk/dingtalk-settings.ts";
import { type DingTalkChannel, dingtalkChannel } from "../../../src/adapters/dingtalk/start-dingtalk.ts";
import type { App } from "../../../src/app/open-app.ts";
import { testApp } from "../../services/chat-harness.ts";
import { type ClientFrame, FakeDingTalkGateway } from "./fake-dingtalk.ts";
import { API, FakeDingTalkApi, OAPI } from "./fake-dingtalk-api.ts";

export const CORP = "dingcorp01";
export const ROBOT = "dingfakeclient";

/** The clock of the testbed starts here and ticks one second per reading. */
export const START = Date.UTC(2026, 10, 21, 2, 0, 0);

/** The real DingTalk channel on an app, the local gateway, DingTalk's HTTP APIs behind nock. */
export interface Testbed {
  app: App;
  gateway: FakeDingTalkGateway;
  api: FakeDingTalkApi;
  channel: DingTalkChannel;
  logs: string[];
  /** Pushes a robot message, waits for its ack and for its turn to finish; returns the ack. */
  send(message: Record<string, unknown>): Promise<ClientFrame>;
  /** Stops the channel and closes the database (the gateway stays). */
  close(): Promise<void>;
}

/** Settings pointing at the local gateway and the nocked hosts. */
export function settings(gateway: FakeDingTalkGateway): DingTalkSettings {
  return {
    clientId: gateway.clientId,
    clientSecret: gateway.clientSecret,
    robotCode: ROBOT,
    gatewayUrl: gateway.base,
    apiUrl: API,
    oapiUrl: OAPI,
  };
}

/**
 * Starts the channel on `dbPath` (":memory:" by default; reopen a file to simulate a restart), or
 * on `given` (an app over PostgreSQL, one instance of several), against `gateway` (a new one when
 * not given) with `api` installed.
 */
export async function testbed(
  dbPath = ":memory:",
  gateway?: FakeDingTalkGateway,
  api = new FakeDingTalkApi(),
  given?: App,
): Promise<Testbed> {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  if (!nock.isActive()) nock.activate();
  api.install();
  const g = gateway ?? new FakeDingTalkGateway();
  if (g.base === "") await g.listen();
  let tick = 0;
  const clock = () => new Date(START + 1000 * tick++);
  const app = given ?? testApp(dbPath, clock);
  const logs: string[] = [];
  const channel = dingtalkChannel(
    app.ziping,
    settings(g),
    { info: (m) => logs.push(m), error: (m, e) => logs.push(`${m}：${String(e)}`) },
    clock,
  );
  const started = await channel.start();
  if (!started.ok) throw new Error(started.error.message);
  return {
    app,
    gateway: g,
    api,
    channel,
    logs,
    async send(message) {
      const ack = await g.acked(g.push(message));
      await channel.bot.idle();
      return ack;
    },
    async close() {
      await channel.stop();
      app.close();
    },
  };
}

let n = 0;

/** A robot message: text from `staff` in their 1:1 chat, or @mentioning the robot in group `group`. */
export function robotMessage(
  text: string,
  options: {
    staff?: string;
    group?: string;
    msgId?: string;
    expiresAt?: number;
    msgtype?: string;
    content?: unknown;
    atRobot?: boolean;
  } = {},
): Record<string, unknown> {
  const staff = options.staff ?? "S1";
  const msgId = options.msgId ?? `msg${++n}`;
  const group = options.group !== undefined;
  return {
    conversationId: group ? options.group : `cid-1v1-${staff}`,
    chatbotCorpId: CORP,
    chatbotUserId: "$:LWCP_v1:$robot",
    msgId,
    senderNick: staff === "S1" ? "刘媛媛" : "张强",
    isAdmin: false,
    senderStaffId: staff,
    sessionWebhookExpiredTime: options.expiresAt ?? START + 90 * 60 * 1000,
    createAt: START,
    senderCorpId: CORP,
    conversationType: group ? "2" : "1",
    senderId: `$:LWCP_v1:$${staff}`,
    sessionWebhook: `${OAPI}/robot/sendBySession?session=s-${msgId}`,
    robotCode: ROBOT,
    ...(group ? { isInAtList: options.atRobot ?? true, conversationTitle: "绩效评价工作群" } : {}),
    msgtype: options.msgtype ?? "text",
    ...(options.msgtype === undefined || options.msgtype === "text"
      ? { text: { content: text } }
      : { content: options.content }),
  };
}
