import type { Config } from "../../config.ts";

/** How ziping reaches a 政务钉钉 (专有钉钉 / 浙政钉) tenant: the signed REST API and the robot's callback. */
export interface GovDingTalkSettings {
  apiHost: string;
  appKey: string;
  appSecret: string;
  tenantId: string;
  /** A PEM file of the CA of a private deployment; undefined: the system's CAs. */
  caFile?: string;
  callbackPort: number;
  callbackPath: string;
  /** What signs the callbacks: the robot's token, else the app secret. */
  callbackSecret: string;
  /** Set when callbacks are encrypted (GOV_DINGTALK_CALLBACK_AES_KEY): token, AES key, owner key. */
  callbackCrypto?: { token: string; aesKey: string; ownerKey: string };
}

/**
 * The 政务钉钉 settings, or why there are none. No GOV_DINGTALK_ variable at all (the host has a
 * default and does not count) means the channel is not wanted (`ok: false` without `why`); a
 * partial set is a mistake, named in Chinese. GOV_DINGTALK_APP_KEY, GOV_DINGTALK_APP_SECRET and
 * GOV_DINGTALK_TENANT_ID are required together.
 */
export function govDingTalkSettings(
  config: Config,
): { ok: true; settings: GovDingTalkSettings } | { ok: false; why?: string } {
  const { GOV_DINGTALK_APP_KEY: appKey, GOV_DINGTALK_APP_SECRET: appSecret } = config;
  const tenantId = config.GOV_DINGTALK_TENANT_ID;
  const token = config.GOV_DINGTALK_CALLBACK_TOKEN;
  const ca = config.GOV_DINGTALK_CA_FILE;
  const aesKey = config.GOV_DINGTALK_CALLBACK_AES_KEY;
  if ([appKey, appSecret, tenantId, token, ca, aesKey].every((v) => v === undefined)) return { ok: false };
  const missing = [
    appKey === undefined ? "GOV_DINGTALK_APP_KEY（应用的 AppKey）" : null,
    appSecret === undefined ? "GOV_DINGTALK_APP_SECRET（应用的 AppSecret）" : null,
    tenantId === undefined ? "GOV_DINGTALK_TENANT_ID（租户 ID，例如 196729）" : null,
  ].filter((m) => m !== null);
  if (appKey === undefined || appSecret === undefined || tenantId === undefined)
    return {
      ok: false,
      why: `缺少 ${missing.join("、")}（在政务钉钉开放平台的应用详情中复制）`,
    };
  if (aesKey !== undefined && token === undefined)
    return {
      ok: false,
      why: "已设置 GOV_DINGTALK_CALLBACK_AES_KEY（加密回调），还需要同一处配置的 GOV_DINGTALK_CALLBACK_TOKEN（回调的签名 Token）",
    };
  return {
    ok: true,
    settings: {
      apiHost: config.GOV_DINGTALK_API_HOST.replace(/\/+$/, ""),
      appKey,
      appSecret,
      tenantId,
      ...(ca === undefined ? {} : { caFile: ca }),
      callbackPort: config.GOV_DINGTALK_CALLBACK_PORT,
      callbackPath: config.GOV_DINGTALK_CALLBACK_PATH,
      callbackSecret: token ?? appSecret,
      ...(aesKey === undefined || token === undefined
        ? {}
        : { callbackCrypto: { token, aesKey, ownerKey: config.GOV_DINGTALK_CALLBACK_OWNER_KEY ?? appKey } }),
    },
  };
}
