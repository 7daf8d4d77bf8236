import type { Config } from "../../config.ts";

/** How ziping connects to DingTalk: the app's credentials, its robot, and the hosts it talks to. */
export interface DingTalkSettings {
  clientId: string;
  clientSecret: string;
  robotCode: string;
  /** Base of the Stream gateway (…/v1.0/gateway/connections/open), without a trailing slash. */
  gatewayUrl: string;
  /** Base of the OpenAPI (access token, robot messages, file download). */
  apiUrl: string;
  /** Base of the old API (media/upload). */
  oapiUrl: string;
}

const noSlash = (url: string) => url.replace(/\/+$/u, "");

/**
 * The DingTalk settings, or why there are none. No DINGTALK_ variable at all: DingTalk is not
 * configured (`ok: false` without `why`); a partial set is a mistake to report in Chinese. Stream
 * mode needs DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET; DINGTALK_ROBOT_CODE defaults to the
 * Client ID (as for an enterprise internal app's robot).
 */
export function dingtalkSettings(
  config: Config,
): { ok: true; settings: DingTalkSettings } | { ok: false; why?: string } {
  const id = config.DINGTALK_CLIENT_ID;
  const secret = config.DINGTALK_CLIENT_SECRET;
  const any = [
    id,
    secret,
    config.DINGTALK_ROBOT_CODE,
    config.DINGTALK_GATEWAY_URL,
    config.DINGTALK_API_URL,
    config.DINGTALK_OAPI_URL,
  ].some((v) => v !== undefined);
  if (!any) return { ok: false };
  if (id === undefined)
    return {
      ok: false,
      why: "缺少 DINGTALK_CLIENT_ID（钉钉开发者后台 → 应用 → 凭证与基础信息 → Client ID，例如 dingabcdefg123456）",
    };
  if (secret === undefined)
    return {
      ok: false,
      why: "缺少 DINGTALK_CLIENT_SECRET（钉钉开发者后台 → 应用 → 凭证与基础信息 → Client Secret）",
    };
  return {
    ok: true,
    settings: {
      clientId: id,
      clientSecret: secret,
      robotCode: config.DINGTALK_ROBOT_CODE ?? id,
      gatewayUrl: noSlash(config.DINGTALK_GATEWAY_URL ?? "https://api.dingtalk.com"),
      apiUrl: noSlash(config.DINGTALK_API_URL ?? "https://api.dingtalk.com"),
      oapiUrl: noSlash(config.DINGTALK_OAPI_URL ?? "https://oapi.dingtalk.com"),
    },
  };
}
