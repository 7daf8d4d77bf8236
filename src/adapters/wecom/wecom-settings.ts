import type { Config } from "../../config.ts";

/** The official long-connection address of the WeCom AI bot. */
export const DEFAULT_WECOM_WS_URL = "wss://openws.work.weixin.qq.com";
/** The official WeCom server API. */
export const DEFAULT_WECOM_API_URL = "https://qyapi.weixin.qq.com";

/**
 * How ziping reaches WeCom: the AI bot's long connection (智能机器人, API 模式), or a self-built
 * app's encrypted HTTP callback plus the server API (政务微信 builds without the AI bot).
 */
export type WeComSettings =
  | { mode: "aibot"; botId: string; botSecret: string; wsUrl: string }
  | {
      mode: "callback";
      corpId: string;
      agentId: number;
      corpSecret: string;
      token: string;
      encodingAesKey: string;
      apiUrl: string;
      port: number;
    };

/**
 * The lease that makes one instance of several the holder of an AI bot's one long connection: one
 * per bot ("wecom:<bot id>"), so two bots on one database are held independently. The callback
 * mode has none: every instance receives callbacks (behind a load balancer), deduplicated by event id.
 */
export function weComLeaseKey(settings: WeComSettings): string | undefined {
  return settings.mode === "aibot" ? `wecom:${settings.botId}` : undefined;
}

/** The callback mode's variables and where an administrator finds each. */
const CALLBACK_VARS = [
  ["WECOM_CORP_ID", "我的企业 → 企业信息 → 企业ID"],
  ["WECOM_AGENT_ID", "应用管理 → 自建应用 → AgentId"],
  ["WECOM_CORP_SECRET", "应用管理 → 自建应用 → Secret"],
  ["WECOM_TOKEN", "自建应用 → 接收消息 → 设置API接收 → Token"],
  ["WECOM_ENCODING_AES_KEY", "自建应用 → 接收消息 → 设置API接收 → EncodingAESKey"],
] as const;

/**
 * The WeCom settings, or why there are none. No WeCom variable at all: not configured (`ok: false`
 * without `why`); a partial set is a mistake named in Chinese, never a silent fallback. The AI bot
 * (default when WECOM_BOT_ID or WECOM_BOT_SECRET is set) needs both; the callback mode
 * (WECOM_MODE=callback, or callback variables without a bot id) needs the five app variables.
 */
export function weComSettings(
  config: Config,
): { ok: true; settings: WeComSettings } | { ok: false; why?: string } {
  const c = config;
  const callbackSet = CALLBACK_VARS.some(([name]) => c[name] !== undefined);
  const any =
    callbackSet ||
    c.WECOM_BOT_ID !== undefined ||
    c.WECOM_BOT_SECRET !== undefined ||
    c.WECOM_WS_URL !== undefined ||
    c.WECOM_API_URL !== undefined ||
    c.WECOM_MODE !== undefined;
  if (!any) return { ok: false };
  const botSet = c.WECOM_BOT_ID !== undefined || c.WECOM_BOT_SECRET !== undefined;
  const mode = c.WECOM_MODE ?? (callbackSet && !botSet ? "callback" : "aibot");
  if (mode === "aibot") {
    if (c.WECOM_BOT_ID === undefined || c.WECOM_BOT_SECRET === undefined)
      return {
        ok: false,
        why: `企业微信智能机器人需要 WECOM_BOT_ID 和 WECOM_BOT_SECRET（管理后台 → 智能机器人 → API 模式 → 长连接，复制 Bot ID 和 Secret），缺少 ${c.WECOM_BOT_ID === undefined ? "WECOM_BOT_ID" : "WECOM_BOT_SECRET"}；没有智能机器人的政务微信请设 WECOM_MODE=callback 并提供 ${CALLBACK_VARS.map(([n]) => n).join("、")}`,
      };
    return {
      ok: true,
      settings: {
        mode,
        botId: c.WECOM_BOT_ID,
        botSecret: c.WECOM_BOT_SECRET,
        wsUrl: c.WECOM_WS_URL ?? DEFAULT_WECOM_WS_URL,
      },
    };
  }
  const missing = CALLBACK_VARS.filter(([name]) => c[name] === undefined);
  if (
    missing.length > 0 ||
    c.WECOM_CORP_ID === undefined ||
    c.WECOM_AGENT_ID === undefined ||
    c.WECOM_CORP_SECRET === undefined ||
    c.WECOM_TOKEN === undefined ||
    c.WECOM_ENCODING_AES_KEY === undefined
  )
    return {
      ok: false,
      why: `企业微信回调模式（WECOM_MODE=callback）缺少 ${missing.map(([n, where]) => `${n}（${where}）`).join("、")}`,
    };
  return {
    ok: true,
    settings: {
      mode: "callback",
      corpId: c.WECOM_CORP_ID,
      agentId: c.WECOM_AGENT_ID,
      corpSecret: c.WECOM_CORP_SECRET,
      token: c.WECOM_TOKEN,
      encodingAesKey: c.WECOM_ENCODING_AES_KEY,
      apiUrl: (c.WECOM_API_URL ?? DEFAULT_WECOM_API_URL).replace(/\/+$/, ""),
      port: c.WECOM_CALLBACK_PORT,
    },
  };
}
