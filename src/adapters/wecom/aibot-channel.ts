import { WSClient } from "@wecom/aibot-node-sdk";
import { fail, ok, type Result } from "../../core/result.ts";
import { resumeDeliveries } from "../../services/channel-turns.ts";
import { registerAibotListeners, type WeComDeps } from "./aibot-listeners.ts";
import { aibotTransport } from "./aibot-transport.ts";
import type { WeComLogger } from "./wecom-logger.ts";
import { weComOutbound } from "./wecom-outbound.ts";
import { weComPlaceOfKey } from "./wecom-place.ts";
import type { WeComSettings } from "./wecom-settings.ts";

/** A running channel: stop it, or learn that it ended on its own (another process took the bot). */
export interface RunningChannel {
  /** Waits for the events being handled, then disconnects. */
  stop(): Promise<void>;
  /** Resolves once every event received so far has been handled. */
  idle(): Promise<void>;
  /** Resolves with the reason, in Chinese, when the platform ended the connection for good. */
  ended: Promise<string>;
}

/** Connection timing, shortened by tests (the SDK's defaults otherwise: 1 s back-off base, 30 s heartbeat). */
export interface AibotTiming {
  reconnectInterval?: number;
  heartbeatInterval?: number;
}

/** How long the first subscription may go unanswered before start-up gives up. */
const SUBSCRIBE_WAIT_MS = 30_000;

/** Why the bot could not start, in Chinese, with what to check; never the secret. */
function startFailure(kind: "refused" | "unreachable", settings: { wsUrl: string }, detail: string): string {
  return kind === "refused"
    ? `企业微信拒绝了智能机器人的凭证（${detail}）：请在管理后台 → 智能机器人 → API 模式（长连接）重新复制 Bot ID 和 Secret，放入 .env 的 WECOM_BOT_ID 和 WECOM_BOT_SECRET 后重新运行 npm start。`
    : `无法连接企业微信长连接服务 ${settings.wsUrl}（${detail}）。请检查本机能否访问该地址（只需对外的 WSS 连接）；私有部署的政务微信请在 WECOM_WS_URL 填写其长连接地址。数据没有受影响。`;
}

/**
 * The AI bot over the official SDK: unlimited reconnects (the SDK gives up after 10 otherwise),
 * the configured address, a logger that hides the secret. Started when the first subscription is
 * accepted; a refused secret or an unreachable server before that is a failure value (and the
 * client is stopped). Pending deliveries of this bot's conversations are resumed after start.
 */
export async function startAibot(
  settings: Extract<WeComSettings, { mode: "aibot" }>,
  deps: WeComDeps & { log: WeComLogger },
  timing: AibotTiming = {},
): Promise<Result<RunningChannel>> {
  const client = new WSClient({
    botId: settings.botId,
    secret: settings.botSecret,
    wsUrl: settings.wsUrl,
    maxReconnectAttempts: -1,
    maxAuthFailureAttempts: -1,
    logger: deps.log,
    ...(timing.reconnectInterval === undefined ? {} : { reconnectInterval: timing.reconnectInterval }),
    ...(timing.heartbeatInterval === undefined ? {} : { heartbeatInterval: timing.heartbeatInterval }),
  });
  const transport = aibotTransport(client);
  const queue = registerAibotListeners(client, transport, settings.botId, deps);
  // Listened for before connecting: the event may come right behind the subscription's answer.
  const ended = new Promise<string>((resolve) => {
    client.on("event.disconnected_event", () =>
      resolve(
        `企业微信断开了本连接：同一个智能机器人（${settings.botId}）在别处建立了新的长连接。一个机器人只能由一个 ziping 进程连接；请停止另一个进程后重新运行 npm start。`,
      ),
    );
  });
  const first = await new Promise<Result<void>>((resolve) => {
    const onAuth = () => resolve(ok(undefined));
    const onError = (error: Error) => {
      if (error.message.startsWith("Authentication failed"))
        resolve(
          fail(
            "wecom.refused",
            startFailure("refused", settings, error.message.replace(/^Authentication failed: /, "")),
          ),
        );
    };
    const onClose = (reason: string) =>
      resolve(fail("wecom.unreachable", startFailure("unreachable", settings, reason)));
    // A server that takes the connection but never answers the subscription is not WeCom's.
    const silent = setTimeout(
      () =>
        resolve(
          fail(
            "wecom.unreachable",
            startFailure("unreachable", settings, `${SUBSCRIBE_WAIT_MS / 1000} 秒内没有答复订阅`),
          ),
        ),
      SUBSCRIBE_WAIT_MS,
    );
    silent.unref();
    client.once("authenticated", () => clearTimeout(silent));
    client.once("disconnected", () => clearTimeout(silent));
    client.once("authenticated", onAuth);
    client.on("error", onError);
    client.once("disconnected", onClose);
    client.connect();
  });
  client.removeAllListeners("disconnected");
  client.removeAllListeners("error");
  client.removeAllListeners("authenticated");
  if (!first.ok) {
    client.disconnect();
    return first;
  }
  client.on("error", (error: Error) => deps.log.error("企业微信长连接出错", error.message));
  client.on("reconnecting", (attempt: number) =>
    deps.log.info(`企业微信长连接断开，正在第 ${attempt} 次重连……`),
  );
  client.on("authenticated", () => deps.log.info("企业微信长连接已恢复"));
  try {
    await resumeDeliveries(
      deps.ziping,
      `wecom:${settings.botId}:`,
      (key) => {
        const place = weComPlaceOfKey(key);
        return place === null
          ? undefined
          : weComOutbound(transport, place, deps.taskId, (m, e) => deps.log.error(m, e));
      },
      deps.clock,
      deps.log,
    );
  } catch (error) {
    deps.log.error("继续交付上次未完成的报告失败", error);
  }
  return ok({
    stop: async () => {
      await queue.idle();
      client.disconnect();
    },
    idle: () => queue.idle(),
    ended,
  });
}
