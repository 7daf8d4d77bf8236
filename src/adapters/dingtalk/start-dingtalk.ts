import type { Config } from "../../config.ts";
import type { Result } from "../../core/result.ts";
import type { ChannelPlan } from "../../services/channel-port.ts";
import type { ChannelLog } from "../../services/channel-turns.ts";
import { consoleRunnerLog, runChannels, untilSignal } from "../../services/run-channels.ts";
import type { Ziping } from "../../services/ziping.ts";
import { DingTalkApi } from "./dingtalk-api.ts";
import { DingTalkBot } from "./dingtalk-bot.ts";
import type { DingTalkSettings } from "./dingtalk-settings.ts";
import { DingTalkStream } from "./stream-client.ts";

/** Replaces the app's secret (and anything after "access_token=") in a log line with «已隐藏». */
function redact(text: string, secrets: readonly string[]): string {
  let out = text.replace(/access_token=[^\s&"']+/g, "access_token=«已隐藏»");
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join("«已隐藏»");
  return out;
}

/** A log writing one line per call, secrets removed: info to stdout, errors (with their stack) to stderr. */
export function dingtalkLog(
  secrets: readonly string[],
  write: (line: string, error: boolean) => void = (line, error) =>
    (error ? process.stderr : process.stdout).write(`${line}\n`),
): ChannelLog {
  return {
    info: (message) => write(redact(message, secrets), false),
    error: (message, error) =>
      write(
        redact(
          `${message}：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          secrets,
        ),
        true,
      ),
  };
}

/** The DingTalk channel of one process: its bot and its Stream connection. */
export interface DingTalkChannel {
  bot: DingTalkBot;
  /** Connects (ok once the first socket is open) and resumes the drafts left undelivered. */
  start(): Promise<Result<void>>;
  /** Stops taking messages, waits for the ones being handled, closes the connection. */
  stop(): Promise<void>;
}

/**
 * The DingTalk channel for a process-level starter (several channels at once share the one
 * service): the bot over the Stream client, on the configured hosts. The caller closes the service.
 */
export function dingtalkChannel(
  ziping: Ziping,
  settings: DingTalkSettings,
  log: ChannelLog,
  clock: () => Date = () => new Date(),
): DingTalkChannel {
  const api = new DingTalkApi(settings, () => clock().getTime());
  const bot = new DingTalkBot({ ziping, api, clock, log });
  const stream = new DingTalkStream({
    gatewayUrl: settings.gatewayUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    onFrame: (frame) => bot.frame(frame),
    log,
  });
  return {
    bot,
    async start() {
      const started = await stream.start();
      if (!started.ok) return started;
      try {
        await bot.resumeDeliveries();
      } catch (error) {
        log.error("继续交付上次未完成的报告失败", error);
      }
      return started;
    },
    async stop() {
      await stream.stop();
      await bot.idle();
    },
  };
}

/**
 * DingTalk as a channel of `npm start` (services/run-channels.ts): connects in Stream mode (no
 * public address needed) and resumes undelivered drafts; a gateway that cannot be reached or
 * refuses the app's credentials is a Chinese reason. Secrets are never printed.
 */
export function dingtalkPlan(
  settings: DingTalkSettings,
  log: ChannelLog = dingtalkLog([settings.clientSecret]),
): ChannelPlan {
  return {
    name: "钉钉",
    async start(ziping) {
      const channel = dingtalkChannel(ziping, settings, log);
      const started = await channel.start();
      if (!started.ok) return { ok: false, message: startFailure(started.error.code, started.error.message) };
      return {
        ok: true,
        channel: {
          name: "钉钉",
          connected: `已连接钉钉（Stream 模式，应用 ${settings.clientId}，网关 ${settings.gatewayUrl}）。`,
          stop: () => channel.stop(),
        },
      };
    },
  };
}

/**
 * `npm start` with only DingTalk: runs its plan until SIGINT/SIGTERM; exit 3 with the reason
 * when it cannot connect.
 */
export function startDingTalk(ziping: Ziping, config: Config, settings: DingTalkSettings): Promise<number> {
  const secrets = [settings.clientSecret];
  return untilSignal((stopped) =>
    runChannels(
      ziping,
      config,
      [dingtalkPlan(settings)],
      stopped,
      consoleRunnerLog((l) => redact(l, secrets)),
    ),
  );
}

/** Why DingTalk could not start, in Chinese, with what to check. */
function startFailure(code: string, message: string): string {
  return code === "dingtalk.refused"
    ? `${message}放入 .env 后重新运行 npm start。`
    : `${message}请检查本机能否访问 https://api.dingtalk.com（Stream 模式只需要对外的 HTTPS/WSS 连接），或 DINGTALK_GATEWAY_URL 是否正确，然后重新运行 npm start。数据没有受影响。`;
}
