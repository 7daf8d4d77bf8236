import type { Config } from "../../config.ts";

/** How the Slack app connects: Socket Mode (no public URL) or HTTP with a signing secret. */
export type SlackSettings =
  | { mode: "socket"; botToken: string; appToken: string }
  | { mode: "http"; botToken: string; signingSecret: string; port: number };

/**
 * The Slack settings, or why there are none. No Slack variable at all is the terminal default
 * (`ok: false` without `why`); a partial set is a mistake to report (`why`), never a silent fallback
 * to the terminal. Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; HTTP mode
 * (SLACK_MODE=http, or a signing secret without an app token) needs SLACK_BOT_TOKEN and
 * SLACK_SIGNING_SECRET.
 */
export function slackSettings(
  config: Config,
): { ok: true; settings: SlackSettings } | { ok: false; why?: string } {
  const { SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_SIGNING_SECRET: secret } = config;
  if (bot === undefined && app === undefined && secret === undefined && config.SLACK_MODE === undefined)
    return { ok: false };
  const mode = config.SLACK_MODE ?? (app === undefined && secret !== undefined ? "http" : "socket");
  if (bot === undefined)
    return { ok: false, why: "缺少 SLACK_BOT_TOKEN（以 xoxb- 开头，在 OAuth & Permissions 页面复制）" };
  if (mode === "http") {
    if (secret === undefined)
      return {
        ok: false,
        why: "SLACK_MODE=http 需要 SLACK_SIGNING_SECRET（Basic Information → App Credentials → Signing Secret）",
      };
    return { ok: true, settings: { mode, botToken: bot, signingSecret: secret, port: config.SLACK_PORT } };
  }
  if (app === undefined)
    return {
      ok: false,
      why: "Socket Mode 需要 SLACK_APP_TOKEN（以 xapp- 开头，Basic Information → App-Level Tokens，权限 connections:write）；或设 SLACK_MODE=http 并提供 SLACK_SIGNING_SECRET",
    };
  return { ok: true, settings: { mode: "socket", botToken: bot, appToken: app } };
}
