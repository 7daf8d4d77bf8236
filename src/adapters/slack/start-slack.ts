import { HTTPReceiver, type Receiver, SocketModeReceiver } from "@slack/bolt";
import type { Config, SlackSettings } from "../../config.ts";
import type { Ziping } from "../../services/ziping.ts";
import { fetchDownload } from "./file-intake.ts";
import { redact, redactingLogger } from "./redacting-logger.ts";
import { createSlackApp } from "./slack-app.ts";

/** Event ids are kept a day: Slack retries within minutes, and a restart loses none. */
const KEEP_EVENTS_MS = 24 * 60 * 60 * 1000;

/** The receiver of the configured mode: Socket Mode (no public URL) or HTTP on SLACK_PORT. */
export function receiverFor(settings: SlackSettings, logger: ReturnType<typeof redactingLogger>): Receiver {
  return settings.mode === "socket"
    ? new SocketModeReceiver({ appToken: settings.appToken, logger })
    : new HTTPReceiver({ signingSecret: settings.signingSecret, endpoints: "/slack/events", logger });
}

/**
 * `npm start` with Slack settings: takes the composed service (src/main.ts builds it), starts
 * Bolt, and keeps running until SIGINT/SIGTERM, when it stops taking events and closes the service.
 */
export async function startSlack(ziping: Ziping, config: Config, settings: SlackSettings): Promise<number> {
  const secrets = [
    settings.botToken,
    ...(settings.mode === "socket" ? [settings.appToken] : [settings.signingSecret]),
  ];
  const logger = redactingLogger(secrets);
  const now = () => new Date();
  const { bolt, ctx } = createSlackApp(
    { ziping, clock: now, download: fetchDownload, logger },
    {
      botToken: settings.botToken,
      receiver: receiverFor(settings, logger),
      logger,
      deferInitialization: true,
    },
  );
  const prune = async () => {
    try {
      await ziping.pruneEvents(new Date(now().getTime() - KEEP_EVENTS_MS));
    } catch (error) {
      logger.error("清理过期的 Slack 事件记录失败", error);
    }
  };
  await prune();
  try {
    await ziping.pruneHandledMessages(now(), config.ZIPING_KEEP_MESSAGES_DAYS);
  } catch (error) {
    logger.error("清理过期的已处理消息记录失败", error);
  }
  const timer = setInterval(prune, 60 * 60 * 1000);
  timer.unref();
  logger.info(
    settings.mode === "socket"
      ? "正在连接 Slack（Socket Mode）……"
      : `正在启动 HTTP 服务（端口 ${settings.port}）……`,
  );
  try {
    await bolt.init();
    if (settings.mode === "socket") await bolt.start();
    else await bolt.start(settings.port);
  } catch (error) {
    process.stderr.write(`${startFailure(error, settings)}\n`);
    clearInterval(timer);
    ziping.close();
    return 3;
  }
  try {
    await ctx.turns.resumeDeliveries(bolt.client);
  } catch (error) {
    logger.error("继续交付上次未完成的报告失败", error);
  }
  const model = ziping.model;
  logger.info(
    `ziping 已连接 Slack（${settings.mode === "socket" ? "Socket Mode" : `HTTP 模式，端口 ${settings.port}，地址 /slack/events`}）；数据库 ${config.ZIPING_DB}；起草：${model === undefined ? "确定性起草" : `模型 ${model}`}。按 Ctrl+C 退出。`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  clearInterval(timer);
  await bolt.stop();
  ziping.close();
  logger.info("ziping 已退出。");
  return 0;
}

/** Why Bolt could not start, in Chinese, with what to check; never the token itself. */
export function startFailure(error: unknown, settings: SlackSettings): string {
  const data = (error as { data?: { error?: unknown } }).data;
  const code = typeof data?.error === "string" ? data.error : (error as { code?: unknown }).code;
  if (
    code === "invalid_auth" ||
    code === "not_authed" ||
    code === "account_inactive" ||
    code === "token_revoked"
  )
    return `Slack 拒绝了令牌（${String(code)}）：请在应用设置中重新复制 SLACK_BOT_TOKEN（OAuth & Permissions）${settings.mode === "socket" ? "和 SLACK_APP_TOKEN（Basic Information → App-Level Tokens，权限 connections:write）" : ""}，放入 .env 后重新运行 npm start。`;
  if (code === "EADDRINUSE")
    return `端口 ${settings.mode === "http" ? settings.port : ""} 已被占用：请换一个 SLACK_PORT，或先停止占用该端口的程序。`;
  return `无法连接 Slack：${redact(error instanceof Error ? error.message : String(error))}。请检查本机能否访问 https://slack.com 和 wss://wss-primary.slack.com（Socket Mode 只需要对外的 HTTPS/WSS 连接），然后重新运行 npm start。数据没有受影响。`;
}
