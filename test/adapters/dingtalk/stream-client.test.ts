import nock from "nock";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { DingTalkStream } from "../../../src/adapters/dingtalk/stream-client.ts";
import type { Downstream } from "../../../src/adapters/dingtalk/stream-frames.ts";
import { FakeDingTalkGateway } from "./fake-dingtalk.ts";

let gateway: FakeDingTalkGateway;
let client: DingTalkStream | undefined;
const frames: Downstream[] = [];
const logs: string[] = [];

function stream(options: { secret?: string; baseMs?: number } = {}): DingTalkStream {
  client = new DingTalkStream({
    gatewayUrl: gateway.base,
    clientId: gateway.clientId,
    clientSecret: options.secret ?? gateway.clientSecret,
    onFrame: async (frame) => {
      frames.push(frame);
    },
    log: { info: (m) => logs.push(m), error: (m) => logs.push(m) },
    backoff: { baseMs: options.baseMs ?? 20, maxMs: 200 },
    random: () => 0.5,
  });
  return client;
}

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  gateway = new FakeDingTalkGateway();
  await gateway.listen();
  frames.length = 0;
  logs.length = 0;
});
afterEach(async () => {
  vi.useRealTimers();
  await client?.stop();
  client = undefined;
  await gateway.close();
  nock.enableNetConnect();
});

describe("the DingTalk Stream client against a local gateway", () => {
  test("opens a connection with the app's credentials and both callback topics", async () => {
    expect(await stream().start()).toEqual({ ok: true, value: undefined });
    expect(gateway.opens).toEqual([
      {
        clientId: "dingfakeclient",
        clientSecret: "fake-secret-0123456789",
        subscriptions: [
          { type: "CALLBACK", topic: "/v1.0/im/bot/messages/get" },
          { type: "CALLBACK", topic: "/v1.0/card/instances/callback" },
        ],
        ua: "ziping-dingtalk-stream/1",
        localIp: "",
      },
    ]);
    expect(gateway.openSockets()).toBe(1);
  });

  test("a refused secret is a Chinese reason naming the settings, and nothing retries", async () => {
    const result = await stream({ secret: "wrong-secret-xxxxxxxx" }).start();
    expect(result).toEqual({
      ok: false,
      error: {
        code: "dingtalk.refused",
        message:
          "钉钉拒绝了应用凭证（HTTP 401）：请在钉钉开发者后台 → 凭证与基础信息 重新复制 DINGTALK_CLIENT_ID 和 DINGTALK_CLIENT_SECRET。",
      },
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(gateway.opens).toHaveLength(1);
  });

  test("a ping is answered with its headers and its opaque data", async () => {
    await stream().start();
    const pong = await gateway.ping("opaque-123");
    expect(pong.code).toBe(200);
    expect(pong.message).toBe("OK");
    expect(JSON.parse(pong.data)).toEqual({ opaque: "opaque-123" });
    expect(pong.headers.topic).toBe("ping");
    expect(frames).toEqual([]);
  });

  test("every CALLBACK frame is acknowledged by its messageId, then handed over", async () => {
    await stream().start();
    const id = gateway.push({ msgId: "m1" });
    expect(await gateway.acked(id)).toEqual({
      code: 200,
      headers: { contentType: "application/json", messageId: id },
      message: "OK",
      data: '{"response":{}}',
    });
    await gateway.until(() => frames.length === 1);
    expect(frames[0]?.headers.topic).toBe("/v1.0/im/bot/messages/get");
    expect(JSON.parse(frames[0]?.data ?? "")).toEqual({ msgId: "m1" });
  });

  test("a dropped socket reconnects (one more gateway call) and the next frame arrives", async () => {
    await stream().start();
    gateway.drop();
    await gateway.connected(2);
    expect(gateway.opens).toHaveLength(2);
    const id = gateway.push({ msgId: "after" });
    await gateway.acked(id);
    expect(gateway.openSockets()).toBe(1);
  });

  test("a disconnect frame opens a new connection while the old one still delivers", async () => {
    await stream().start();
    gateway.disconnect(50);
    await gateway.connected(2);
    await gateway.until(() => gateway.openSockets() === 1);
    expect(gateway.opens).toHaveLength(2);
    const id = gateway.push({ msgId: "new" });
    await gateway.acked(id);
  });

  test("sockets that fail before opening do not storm the gateway: one call per backoff step", async () => {
    await stream({ baseMs: 20 }).start();
    gateway.refuseUpgrades = 4;
    gateway.drop();
    await gateway.connected(2);
    // Four refused handshakes, then the fifth reconnect opens: one gateway call each, never more.
    expect(gateway.upgrades).toBe(6);
    expect(gateway.opens).toHaveLength(6);
    // Delays 20·2^n·0.75 ms (random fixed at 0.5), capped at 200: 15, 30, 60, 120, 150.
    expect(logs.filter((l) => l.includes("秒后重连"))).toEqual([
      "钉钉 Stream 连接已断开，0.0 秒后重连（第 1 次）",
      "钉钉 Stream 连接已断开，0.0 秒后重连（第 2 次）",
      "钉钉 Stream 连接已断开，0.1 秒后重连（第 3 次）",
      "钉钉 Stream 连接已断开，0.1 秒后重连（第 4 次）",
      "钉钉 Stream 连接已断开，0.1 秒后重连（第 5 次）",
    ]);
  });

  test("stop() cancels a pending reconnect: no gateway call after it, no socket or timer left", async () => {
    await stream({ baseMs: 5000 }).start();
    // From here on the client's timers are counted (they never fire on their own).
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    gateway.drop();
    await gateway.until(() => gateway.openSockets() === 0);
    await vi.waitFor(() => expect(logs).toContain("钉钉 Stream 连接已断开，0.1 秒后重连（第 1 次）"), {
      interval: 5,
    });
    expect(vi.getTimerCount()).toBe(1);
    await client?.stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    await new Promise((r) => setTimeout(r, 50));
    expect(gateway.opens).toHaveLength(1);
    expect(gateway.openSockets()).toBe(0);
  });
});
