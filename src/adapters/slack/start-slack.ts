import { HTTPReceiver, type Receiver, SocketModeReceiver } from "@slack/bolt";
import type { ChannelPlan } from "../../services/channel-port.ts";
import { fetchDownload } from "./file-intake.ts";
import { redact, redactingLogger } from "./redacting-logger.ts";
import { createSlackApp } from "./slack-app.ts";
import type { SlackSettings } from "./slack-settings.ts";

/** The receiver of the configured mode: Socket Mode (no public URL) or HTTP on SLACK_PORT. */
export function receiverFor(settings: SlackSettings, logger: ReturnType<typeof redactingLogger>): Receiver {
  return settings.mode === "socket"
    ? new SocketModeReceiver({ appToken: settings.appToken, logger })
    : new HTTPReceiver({ signingSecret: settings.signingSecret, endpoints: "/slack/events", logger });
}

/**
 * Slack as a channel of `npm start` (src/services/run-channels.ts): starts Bolt on the composed service,
 * then delivers the drafts asked for in Slack that were never handed over; `stop` stops Bolt. A
 * refused token or an unreachable Slack is a Chinese reason ({@link startFailure}).
 */
export function slackChannel(settings: SlackSettings): ChannelPlan {
  return {
    name: "Slack",
    async start(ziping) {
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
      try {
        await bolt.init();
        if (settings.mode === "socket") await bolt.start();
        else await bolt.start(settings.port);
      } catch (error) {
        return { ok: false, message: startFailure(error, settings) };
      }
      try {
        await ctx.turns.resumeDeliveries(bolt.client);
      } catch (error) {
        logger.error("继续交付上次未完成的报告失败", error);
      }
      return {
        ok: true,
        channel: {
          name: "Slack",
          connected: `已连接 Slack（${settings.mode === "socket" ? "Socket Mode" : `HTTP 模式，端口 ${settings.port}，地址 /slack/events`}）。`,
          stop: async () => {
            await bolt.stop();
          },
        },
      };
    },
  };
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
