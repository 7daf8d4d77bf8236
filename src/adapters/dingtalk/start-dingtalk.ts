import type { Config, DingTalkSettings } from "../../config.ts";
import type { Result } from "../../core/result.ts";
import type { ChannelLog } from "../../services/channel-turns.ts";
import type { Ziping } from "../../services/ziping.ts";
import { DingTalkApi } from "./dingtalk-api.ts";
import { DingTalkBot } from "./dingtalk-bot.ts";
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
 * `npm start` with DingTalk settings: takes the composed service, connects to DingTalk in Stream
 * mode (no public address needed), and keeps running until SIGINT/SIGTERM, when it stops taking
 * messages and closes the service. Exit 3 with a Chinese reason when the gateway cannot be reached
 * or refuses the app's credentials; secrets are never printed.
 */
export async function startDingTalk(
  ziping: Ziping,
  config: Config,
  settings: DingTalkSettings,
): Promise<number> {
  const log = dingtalkLog([settings.clientSecret]);
  try {
    await ziping.pruneHandledMessages(new Date(), config.ZIPING_KEEP_MESSAGES_DAYS);
  } catch (error) {
    log.error("清理过期的已处理消息记录失败", error);
  }
  log.info(`正在连接钉钉（Stream 模式，${settings.gatewayUrl}）……`);
  const channel = dingtalkChannel(ziping, settings, log);
  const started = await channel.start();
  if (!started.ok) {
    process.stderr.write(`${startFailure(started.error.code, started.error.message)}\n`);
    ziping.close();
    return 3;
  }
  const model = ziping.model;
  log.info(
    `ziping 已连接钉钉（Stream 模式，应用 ${settings.clientId}）；数据库 ${config.ZIPING_DB}；起草：${model === undefined ? "确定性起草" : `模型 ${model}`}。按 Ctrl+C 退出。`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await channel.stop();
  ziping.close();
  log.info("ziping 已退出。");
  return 0;
}

/** Why DingTalk could not start, in Chinese, with what to check. */
function startFailure(code: string, message: string): string {
  return code === "dingtalk.refused"
    ? `${message}放入 .env 后重新运行 npm start。`
    : `${message}请检查本机能否访问 https://api.dingtalk.com（Stream 模式只需要对外的 HTTPS/WSS 连接），或 DINGTALK_GATEWAY_URL 是否正确，然后重新运行 npm start。数据没有受影响。`;
}
