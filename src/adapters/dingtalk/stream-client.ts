import WebSocket from "ws";
import { fail, ok, type Result } from "../../core/result.ts";
import type { ChannelLog } from "../../services/channel-turns.ts";
import { type HttpAnswer, httpCall, jsonOf } from "./http-request.ts";
import {
  ack,
  type Downstream,
  DownstreamSchema,
  OpenedSchema,
  pong,
  TOPIC_CARD,
  TOPIC_ROBOT,
} from "./stream-frames.ts";

/** How the client reaches the gateway and what it hands over. */
export interface StreamOptions {
  /** Base of the gateway, e.g. https://api.dingtalk.com (no trailing slash). */
  gatewayUrl: string;
  clientId: string;
  clientSecret: string;
  /** A pushed EVENT or CALLBACK frame, already acknowledged; its work runs after the ack. */
  onFrame(frame: Downstream): Promise<void>;
  log: ChannelLog;
  /** First reconnect delay and its cap, in ms (defaults 1 s and 60 s). */
  backoff?: { baseMs: number; maxMs: number };
  /** 0 ≤ x < 1, for the jitter (Math.random by default; fixed in tests). */
  random?: () => number;
  /** The gateway call's deadline in ms (10 s by default). */
  timeoutMs?: number;
}

const UA = "ziping-dingtalk-stream/1";

/**
 * Our own DingTalk Stream client on `ws`: POST `${gateway}/v1.0/gateway/connections/open` for an
 * endpoint and a one-use ticket, open `endpoint?ticket=`, answer SYSTEM pings, acknowledge every
 * EVENT and CALLBACK frame by its messageId before its work runs, and reconnect on a close or a
 * SYSTEM disconnect with exponential backoff and jitter (capped). Never more than one gateway call
 * or reconnect timer is pending; `stop()` cancels both and closes the sockets.
 */
export class DingTalkStream {
  private socket: WebSocket | undefined;
  /** Sockets the server told to disconnect, kept until it closes them (their frames are still handled). */
  private readonly retiring = new Set<WebSocket>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connecting = false;
  private abort: AbortController | undefined;
  private attempts = 0;
  private stopped = false;

  constructor(private readonly options: StreamOptions) {}

  /**
   * The first connection: ok once the socket is open, or why not in Chinese (code
   * "dingtalk.refused" for credentials the gateway refuses, "dingtalk.unreachable" otherwise).
   * After that the client keeps itself connected.
   */
  async start(): Promise<Result<void>> {
    this.stopped = false;
    return this.connect();
  }

  /** Stops for good: no reconnect, no pending gateway call, every socket closed. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    const sockets = [...this.retiring, ...(this.socket === undefined ? [] : [this.socket])];
    this.socket = undefined;
    this.retiring.clear();
    await Promise.all(sockets.map(closed));
  }

  /** One gateway call and one socket; on failure after start, a reconnect is scheduled. */
  private async connect(): Promise<Result<void>> {
    if (this.connecting || this.stopped) return ok(undefined);
    this.connecting = true;
    try {
      const opened = await this.open();
      if (!opened.ok) return opened;
      if (this.stopped) return ok(undefined);
      return await this.attach(`${opened.value.endpoint}?ticket=${encodeURIComponent(opened.value.ticket)}`);
    } finally {
      this.connecting = false;
    }
  }

  /** POST connections/open (Accept: application/json, else the gateway answers XML). */
  private async open(): Promise<Result<{ endpoint: string; ticket: string }>> {
    const { gatewayUrl, clientId, clientSecret } = this.options;
    this.abort = new AbortController();
    let answer: HttpAnswer;
    try {
      answer = await httpCall({
        method: "POST",
        url: `${gatewayUrl}/v1.0/gateway/connections/open`,
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({
          clientId,
          clientSecret,
          subscriptions: [
            { type: "CALLBACK", topic: TOPIC_ROBOT },
            { type: "CALLBACK", topic: TOPIC_CARD },
          ],
          ua: UA,
          localIp: "",
        }),
        timeoutMs: this.options.timeoutMs ?? 10_000,
        signal: this.abort.signal,
      });
    } catch {
      return fail("dingtalk.unreachable", `无法访问钉钉 Stream 网关 ${gatewayUrl}（网络错误或超时）。`);
    }
    const { status } = answer;
    if (status === 400 || status === 401 || status === 403)
      return fail(
        "dingtalk.refused",
        `钉钉拒绝了应用凭证（HTTP ${status}）：请在钉钉开发者后台 → 凭证与基础信息 重新复制 DINGTALK_CLIENT_ID 和 DINGTALK_CLIENT_SECRET。`,
      );
    const parsed = OpenedSchema.safeParse(jsonOf(answer));
    if (status < 200 || status >= 300 || !parsed.success)
      return fail(
        "dingtalk.unreachable",
        `钉钉 Stream 网关 ${gatewayUrl} 没有给出连接地址（HTTP ${status}）。`,
      );
    return ok(parsed.data);
  }

  /** Opens the socket; resolves when it is open or has failed before opening. */
  private attach(url: string): Promise<Result<void>> {
    return new Promise((resolve) => {
      const socket = new WebSocket(url, { handshakeTimeout: this.options.timeoutMs ?? 10_000 });
      let opened = false;
      let healthy = false;
      socket.on("open", () => {
        opened = true;
        if (this.stopped) {
          socket.terminate();
          resolve(ok(undefined));
          return;
        }
        this.socket = socket;
        resolve(ok(undefined));
      });
      socket.on("message", (raw) => {
        if (!healthy) {
          // A frame proves the connection works: the next failure starts from the first delay.
          healthy = true;
          this.attempts = 0;
        }
        this.receive(socket, raw.toString());
      });
      socket.on("error", (error) => {
        if (!opened) this.options.log.info(`钉钉 Stream 连接未能建立：${error.message}`);
      });
      socket.on("close", () => {
        this.retiring.delete(socket);
        if (!opened)
          resolve(fail("dingtalk.unreachable", "无法打开钉钉 Stream 连接（WebSocket 握手失败）。"));
        if (this.socket === socket) {
          this.socket = undefined;
          this.scheduleReconnect();
        }
      });
    });
  }

  private receive(socket: WebSocket, raw: string): void {
    const parsed = DownstreamSchema.safeParse(parseJson(raw));
    if (!parsed.success) {
      this.options.log.info("钉钉 Stream：忽略一个无法识别的帧");
      return;
    }
    const frame = parsed.data;
    if (frame.type === "SYSTEM") {
      if (frame.headers.topic === "ping") socket.send(pong(frame));
      else if (frame.headers.topic === "disconnect" && socket === this.socket) {
        // The server closes this socket about 10 s later: connect anew now, keep this one meanwhile.
        this.options.log.info("钉钉 Stream：服务器要求重连，正在建立新连接");
        this.retiring.add(socket);
        this.socket = undefined;
        void this.reconnectNow();
      }
      return;
    }
    socket.send(ack(frame));
    this.options
      .onFrame(frame)
      .catch((error: unknown) => this.options.log.error("处理钉钉消息时出错", error));
  }

  private async reconnectNow(): Promise<void> {
    const result = await this.connect();
    if (!result.ok && !this.stopped) {
      this.options.log.info(result.error.message);
      this.scheduleReconnect();
    }
  }

  /** One timer at a time: base · 2^attempts, capped, times a jitter in [0.5, 1). */
  private scheduleReconnect(): void {
    if (this.stopped || this.timer !== undefined || this.connecting) return;
    const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 1000, maxMs: 60_000 };
    const random = this.options.random ?? Math.random;
    const delay = Math.min(maxMs, baseMs * 2 ** Math.min(this.attempts, 16)) * (0.5 + random() / 2);
    this.attempts += 1;
    this.options.log.info(
      `钉钉 Stream 连接已断开，${(delay / 1000).toFixed(1)} 秒后重连（第 ${this.attempts} 次）`,
    );
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reconnectNow();
    }, delay);
  }
}

/** Resolves once a socket is closed (terminating one that is still connecting). */
function closed(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => socket.terminate(), 2000);
    socket.once("close", () => {
      clearTimeout(force);
      resolve();
    });
    if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
    else socket.close();
  });
}

/** JSON text as a value, or null when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
