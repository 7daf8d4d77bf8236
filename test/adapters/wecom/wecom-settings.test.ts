import { describe, expect, test } from "vitest";
import { weComLeaseKey, weComSettings } from "../../../src/adapters/wecom/wecom-settings.ts";
import { readConfig } from "../../../src/config.ts";

function settings(env: Record<string, string>) {
  const read = readConfig(env);
  if (!read.ok) throw new Error(read.message);
  return weComSettings(read.config);
}

const CALLBACK = {
  WECOM_CORP_ID: "ww1234567890abcdef",
  WECOM_AGENT_ID: "1000002",
  WECOM_CORP_SECRET: "corp-secret-abc",
  WECOM_TOKEN: "hJ8sK2mQ",
  WECOM_ENCODING_AES_KEY: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
};

describe("WeCom settings", () => {
  test("no WeCom variable: not configured, and no complaint", () => {
    expect(settings({})).toEqual({ ok: false });
  });

  test("the AI bot: id and secret, the official address by default or the configured one", () => {
    expect(settings({ WECOM_BOT_ID: "aibX", WECOM_BOT_SECRET: "s3cr3t-value" })).toEqual({
      ok: true,
      settings: {
        mode: "aibot",
        botId: "aibX",
        botSecret: "s3cr3t-value",
        wsUrl: "wss://openws.work.weixin.qq.com",
      },
    });
    expect(
      settings({
        WECOM_BOT_ID: "aibX",
        WECOM_BOT_SECRET: "s3cr3t-value",
        WECOM_WS_URL: "wss://zwwx.example.gov.cn/ws",
      }),
    ).toMatchObject({ ok: true, settings: { wsUrl: "wss://zwwx.example.gov.cn/ws" } });
  });

  test("a bot id without its secret names what is missing and where to find it", () => {
    const s = settings({ WECOM_BOT_ID: "aibX" });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.why).toContain("缺少 WECOM_BOT_SECRET");
  });

  test("the callback mode: the five app variables, the API host and port defaulted", () => {
    expect(settings(CALLBACK)).toEqual({
      ok: true,
      settings: {
        mode: "callback",
        corpId: "ww1234567890abcdef",
        agentId: 1000002,
        corpSecret: "corp-secret-abc",
        token: "hJ8sK2mQ",
        encodingAesKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
        apiUrl: "https://qyapi.weixin.qq.com",
        port: 3001,
      },
    });
    expect(settings({ ...CALLBACK, WECOM_API_URL: "https://zwwx.example.gov.cn/" })).toMatchObject({
      settings: { apiUrl: "https://zwwx.example.gov.cn" },
    });
  });

  test("WECOM_MODE=callback with part of the app's variables names each missing one with where it is", () => {
    expect(settings({ WECOM_MODE: "callback", WECOM_CORP_ID: "ww1" })).toEqual({
      ok: false,
      why: "企业微信回调模式（WECOM_MODE=callback）缺少 WECOM_AGENT_ID（应用管理 → 自建应用 → AgentId）、WECOM_CORP_SECRET（应用管理 → 自建应用 → Secret）、WECOM_TOKEN（自建应用 → 接收消息 → 设置API接收 → Token）、WECOM_ENCODING_AES_KEY（自建应用 → 接收消息 → 设置API接收 → EncodingAESKey）",
    });
  });

  test("a malformed value is refused when the environment is read, naming the variable and an example", () => {
    const read = readConfig({ WECOM_ENCODING_AES_KEY: "short", WECOM_WS_URL: "https://x" });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.message).toContain("WECOM_ENCODING_AES_KEY 应为 43 位字母和数字");
      expect(read.message).toContain("WECOM_WS_URL 应为 ws(s) 地址，例如 wss://openws.work.weixin.qq.com");
      expect(read.message).not.toContain("short");
    }
  });
});

describe("the lease of a WeCom connection", () => {
  test("is one per AI bot; the callback mode has none (every instance receives callbacks)", () => {
    const keys = [
      settings({ WECOM_BOT_ID: "aibYc1", WECOM_BOT_SECRET: "s".repeat(20) }),
      settings(CALLBACK),
    ].map((read) => (read.ok ? (weComLeaseKey(read.settings) ?? null) : read));
    expect(keys).toEqual(["wecom:aibYc1", null]);
  });
});
