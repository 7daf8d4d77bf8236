import { describe, expect, it } from "vitest";
import { slackSettings } from "../src/adapters/slack/slack-settings.ts";
import { defaultResponseFormat, llmSettings } from "../src/app/llm-settings.ts";
import { readConfig } from "../src/config.ts";

function config(env: Record<string, string>) {
  const read = readConfig(env);
  if (!read.ok) throw new Error(read.message);
  return read.config;
}

describe("readConfig: LLM settings", () => {
  it("defaults timeout to 60000 ms and retries to 2, with no model configured", () => {
    const c = config({});
    expect([c.LLM_TIMEOUT_MS, c.LLM_MAX_RETRIES, c.LLM_MODEL, c.OPENAI_BASE_URL]).toEqual([
      60000,
      2,
      undefined,
      undefined,
    ]);
    expect(llmSettings(c)).toEqual({ ok: false });
  });

  it("reads DeepSeek settings, trims the key and model, and defaults to json_object off openai.com", () => {
    const c = config({
      OPENAI_BASE_URL: "https://api.deepseek.com",
      OPENAI_API_KEY: " sk-abc123 \n",
      LLM_MODEL: "deepseek-chat ",
      LLM_TIMEOUT_MS: "90000",
      LLM_MAX_RETRIES: "0",
      LLM_DRAFT_DEADLINE_MS: "30000",
    });
    expect(llmSettings(c)).toEqual({
      ok: true,
      settings: {
        baseURL: "https://api.deepseek.com",
        apiKey: "sk-abc123",
        model: "deepseek-chat",
        responseFormat: "json_object",
        timeoutMs: 90000,
        maxRetries: 0,
        draftDeadlineMs: 30000,
      },
    });
  });

  it("defaults to json_schema on OpenAI itself, and an explicit LLM_RESPONSE_FORMAT wins", () => {
    expect(defaultResponseFormat(undefined)).toBe("json_schema");
    expect(defaultResponseFormat("https://api.openai.com/v1")).toBe("json_schema");
    expect(defaultResponseFormat("http://localhost:11434/v1")).toBe("json_object");
    expect(defaultResponseFormat("https://notopenai.com/v1")).toBe("json_object");
    const c = config({
      OPENAI_API_KEY: "sk-x",
      LLM_MODEL: "gpt-4o-mini",
      LLM_RESPONSE_FORMAT: "json_object",
    });
    const s = llmSettings(c);
    expect(s.ok && s.settings.responseFormat).toBe("json_object");
    expect(s.ok && s.settings.baseURL).toBe(undefined);
  });

  it("configures a local Ollama with a base URL and no key", () => {
    const s = llmSettings(config({ OPENAI_BASE_URL: "http://localhost:11434/v1", LLM_MODEL: "qwen2.5:7b" }));
    expect(s).toEqual({
      ok: true,
      settings: {
        baseURL: "http://localhost:11434/v1",
        model: "qwen2.5:7b",
        responseFormat: "json_object",
        timeoutMs: 60000,
        maxRetries: 2,
        draftDeadlineMs: 120000,
      },
    });
  });

  it("is not configured, and says what is missing, with a model but neither key nor URL, or a key without model", () => {
    expect(llmSettings(config({ LLM_MODEL: "deepseek-chat" }))).toEqual({
      ok: false,
      why: "已设置 LLM_MODEL，但缺少 OPENAI_API_KEY 或 OPENAI_BASE_URL",
    });
    expect(llmSettings(config({ OPENAI_API_KEY: "sk-x" }))).toEqual({ ok: false, why: "缺少 LLM_MODEL" });
  });

  it("rejects bad values with Chinese messages naming each variable, never quoting the key", () => {
    const read = readConfig({
      OPENAI_BASE_URL: "api.deepseek.com",
      OPENAI_API_KEY: "“sk-秘密”",
      LLM_RESPONSE_FORMAT: "json",
      LLM_TIMEOUT_MS: "60s",
      LLM_MAX_RETRIES: "-1",
    });
    expect(read).toEqual({
      ok: false,
      message: [
        "环境变量设置有误：",
        "  - OPENAI_BASE_URL：OPENAI_BASE_URL 应为 http(s) 网址，例如 https://api.deepseek.com 或 http://localhost:11434/v1",
        "  - OPENAI_API_KEY：OPENAI_API_KEY 含有空格、换行或中文字符（例如中文引号），请重新复制密钥",
        "  - LLM_RESPONSE_FORMAT：LLM_RESPONSE_FORMAT 只能是 json_schema 或 json_object（DeepSeek、通义千问等多数国内服务只支持 json_object）",
        "  - LLM_TIMEOUT_MS：LLM_TIMEOUT_MS 应为毫秒数（正整数），例如 60000",
        "  - LLM_MAX_RETRIES：LLM_MAX_RETRIES 应为 0 到 10 的整数，例如 2",
        "请检查 .env 或 shell 中的设置（参见 .env.example）。",
      ].join("\n"),
    });
  });

  it("refuses a timeout under one second", () => {
    const read = readConfig({ LLM_TIMEOUT_MS: "200" });
    expect(read.ok ? "" : read.message).toContain(
      "LLM_TIMEOUT_MS：LLM_TIMEOUT_MS 至少为 1000 毫秒，例如 60000",
    );
  });
});

describe("slackSettings: which way npm start goes", () => {
  const BOT = "xoxb-1-2-abc";
  const APP = "xapp-1-A1-3-def";
  const SECRET = "8f14e45fceea167a5a36dedd4bea2543";

  it("no Slack variable: the terminal chat, with nothing to report", () => {
    expect(slackSettings(config({}))).toEqual({ ok: false });
  });

  it("bot and app tokens: Socket Mode", () => {
    expect(slackSettings(config({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }))).toEqual({
      ok: true,
      settings: { mode: "socket", botToken: BOT, appToken: APP },
    });
  });

  it("bot token and signing secret without an app token: HTTP mode on SLACK_PORT (3000 by default)", () => {
    expect(slackSettings(config({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET }))).toEqual({
      ok: true,
      settings: { mode: "http", botToken: BOT, signingSecret: SECRET, port: 3000 },
    });
    expect(
      slackSettings(
        config({
          SLACK_MODE: "http",
          SLACK_BOT_TOKEN: BOT,
          SLACK_APP_TOKEN: APP,
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_PORT: "8080",
        }),
      ),
    ).toEqual({ ok: true, settings: { mode: "http", botToken: BOT, signingSecret: SECRET, port: 8080 } });
  });

  it("a partial setting is reported with what is missing, never a silent fall back to the terminal", () => {
    expect(slackSettings(config({ SLACK_BOT_TOKEN: BOT }))).toEqual({
      ok: false,
      why: "Socket Mode 需要 SLACK_APP_TOKEN（以 xapp- 开头，Basic Information → App-Level Tokens，权限 connections:write）；或设 SLACK_MODE=http 并提供 SLACK_SIGNING_SECRET",
    });
    expect(slackSettings(config({ SLACK_APP_TOKEN: APP }))).toEqual({
      ok: false,
      why: "缺少 SLACK_BOT_TOKEN（以 xoxb- 开头，在 OAuth & Permissions 页面复制）",
    });
    expect(slackSettings(config({ SLACK_MODE: "http", SLACK_BOT_TOKEN: BOT }))).toEqual({
      ok: false,
      why: "SLACK_MODE=http 需要 SLACK_SIGNING_SECRET（Basic Information → App Credentials → Signing Secret）",
    });
  });

  it("malformed values name the variable and its form", () => {
    const read = readConfig({
      SLACK_BOT_TOKEN: "xoxp-user",
      SLACK_PORT: "http",
      SLACK_SIGNING_SECRET: "secret",
    });
    expect(read.ok).toBe(false);
    const message = read.ok ? "" : read.message;
    expect(message).toContain("SLACK_BOT_TOKEN：SLACK_BOT_TOKEN 应以 xoxb- 开头");
    expect(message).toContain("SLACK_PORT：SLACK_PORT 应为端口号（1–65535 的整数），例如 3000");
    expect(message).toContain("SLACK_SIGNING_SECRET：SLACK_SIGNING_SECRET 应为 32 位十六进制字符");
    expect(message).not.toContain("xoxp-user");
  });
});

describe("a secret inside OPENAI_BASE_URL (issue 16)", () => {
  it.each([
    "https://user:pass@api.example.com/v1",
    "https://api.example.com/v1?api-key=sk-abc",
    "https://api.example.com/v1#token=x",
  ])("%s is refused without quoting it", (url) => {
    const read = readConfig({ OPENAI_BASE_URL: url });
    expect(read).toEqual({
      ok: false,
      message: [
        "环境变量设置有误：",
        "  - OPENAI_BASE_URL：OPENAI_BASE_URL 不能带用户名、密码或“?…”参数（密钥会随网址出现在日志里）；请把密钥放在 OPENAI_API_KEY，网址只写到路径，例如 https://api.deepseek.com 或 http://localhost:11434/v1",
        "请检查 .env 或 shell 中的设置（参见 .env.example）。",
      ].join("\n"),
    });
  });
});

describe("readConfig: ZIPING_ADMINS", () => {
  it("reads login names separated by ASCII or Chinese commas, spaces trimmed; none by default", () => {
    expect(config({ ZIPING_ADMINS: " root, zhang.san ，li-si,,ops$" }).ZIPING_ADMINS).toEqual([
      "root",
      "zhang.san",
      "li-si",
      "ops$",
    ]);
    expect(config({}).ZIPING_ADMINS).toEqual([]);
  });

  it("refuses a name that is not a login name, in Chinese", () => {
    expect(readConfig({ ZIPING_ADMINS: "root;bob" })).toEqual({
      ok: false,
      message: [
        "环境变量设置有误：",
        "  - ZIPING_ADMINS：ZIPING_ADMINS 应为逗号分隔的系统登录名（字母、数字、. _ -），例如 root,zhangsan",
        "请检查 .env 或 shell 中的设置（参见 .env.example）。",
      ].join("\n"),
    });
  });
});

describe("readConfig: DATABASE_URL", () => {
  it("takes a postgres:// or postgresql:// address, and is absent by default (SQLite)", () => {
    expect(config({}).DATABASE_URL).toBeUndefined();
    expect(config({ DATABASE_URL: " postgres://ziping:pw@db.example:5432/ziping " }).DATABASE_URL).toBe(
      "postgres://ziping:pw@db.example:5432/ziping",
    );
    expect(config({ DATABASE_URL: "postgresql://127.0.0.1/ziping" }).DATABASE_URL).toBe(
      "postgresql://127.0.0.1/ziping",
    );
  });

  it("refuses another scheme with an example, without echoing the value (it holds a password)", () => {
    const read = readConfig({ DATABASE_URL: "mysql://root:s3cret@db/ziping" });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toContain(
      "DATABASE_URL：DATABASE_URL 应为 PostgreSQL 连接地址，以 postgres:// 或 postgresql:// 开头，例如 postgres://ziping:密码@127.0.0.1:5432/ziping；不设则使用本机 SQLite 文件（ZIPING_DB）",
    );
    expect(read.message).not.toContain("s3cret");
  });
});
