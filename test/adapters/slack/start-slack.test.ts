import { createHmac } from "node:crypto";
import { request as httpRequest } from "node:http";
import { HTTPReceiver, LogLevel } from "@slack/bolt";
import nock from "nock";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fetchDownload } from "../../../src/adapters/slack/file-intake.ts";
import { redactingLogger } from "../../../src/adapters/slack/redacting-logger.ts";
import { createSlackApp } from "../../../src/adapters/slack/slack-app.ts";
import { startFailure } from "../../../src/adapters/slack/start-slack.ts";
import { testApp } from "../../services/chat-harness.ts";
import { API, FakeSlack } from "./fake-slack.ts";
import { BOT_TOKEN, dm, envelope } from "./slack-testbed.ts";

const SOCKET = { mode: "socket", botToken: BOT_TOKEN, appToken: "xapp-1-A1-2-secret" } as const;
const SECRET = "8f14e45fceea167a5a36dedd4bea2543";

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("when Slack cannot be reached or refuses the tokens, npm start says why in Chinese", () => {
  test("a refused token names the variables to copy again", () => {
    const error = Object.assign(new Error("An API error occurred: invalid_auth"), {
      data: { error: "invalid_auth" },
    });
    expect(startFailure(error, SOCKET)).toBe(
      "Slack 拒绝了令牌（invalid_auth）：请在应用设置中重新复制 SLACK_BOT_TOKEN（OAuth & Permissions）和 SLACK_APP_TOKEN（Basic Information → App-Level Tokens，权限 connections:write），放入 .env 后重新运行 npm start。",
    );
  });

  test("an unreachable Slack says what to check, and a token in the error is not repeated", () => {
    const error = new Error(`A request error occurred: fetch failed (Authorization: Bearer ${BOT_TOKEN})`);
    const message = startFailure(error, SOCKET);
    expect(message).toBe(
      "无法连接 Slack：A request error occurred: fetch failed (Authorization: «已隐藏»)。请检查本机能否访问 https://slack.com 和 wss://wss-primary.slack.com（Socket Mode 只需要对外的 HTTPS/WSS 连接），然后重新运行 npm start。数据没有受影响。",
    );
  });
});

describe("HTTP mode", () => {
  test("a signed event posted to /slack/events is acknowledged and answered; a forged one is refused", async () => {
    const logs: string[] = [];
    const logger = redactingLogger([BOT_TOKEN, SECRET], (l) => logs.push(l), LogLevel.INFO);
    const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: "/slack/events", logger });
    const clock = () => new Date("2026-11-21T02:00:00Z");
    const app = testApp(":memory:", clock);
    const { bolt } = createSlackApp(
      { ziping: app.ziping, clock, download: fetchDownload, logger },
      {
        botToken: BOT_TOKEN,
        receiver,
        logger,
        botUserId: "UBOT",
        botId: "BBOT",
        clientOptions: { slackApiUrl: `${API}/api/`, retryConfig: { retries: 0 } },
      },
    );
    const slack = new FakeSlack({ U1: "D1" });
    slack.install();
    nock.enableNetConnect("127.0.0.1");
    const server = (await bolt.start(0)) as import("node:http").Server;
    try {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      const body = JSON.stringify(envelope(dm("郑州市金水区电子政务中心，2021年度部门整体绩效自评")));
      // One timestamp for the signature and its header: a second ticking over between them (a loaded
      // machine) would otherwise make the good signature fail.
      const timestamp = Math.floor(Date.now() / 1000);
      const post = (signature: string) =>
        new Promise<{ status: number }>((resolve, reject) => {
          const request = httpRequest(
            {
              host: "127.0.0.1",
              port,
              path: "/slack/events",
              method: "POST",
              headers: {
                "content-type": "application/json",
                "x-slack-request-timestamp": String(timestamp),
                "x-slack-signature": signature,
              },
            },
            (response) => {
              response.resume();
              response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
            },
          );
          request.on("error", reject);
          request.end(body);
        });
      const good = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
      const forged = await post("v0=0000");
      expect(forged.status).toBe(401);
      const ok = await post(good);
      expect(ok.status).toBe(200);
      await vi.waitFor(() => expect(slack.methods()).toEqual(["chat.postMessage"]));
      expect(slack.calls[0]?.args.channel).toBe("D1");
    } finally {
      await bolt.stop();
      app.close();
    }
  });
});
