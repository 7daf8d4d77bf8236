import { z } from "zod";

/** How the model is asked for JSON: a strict schema (OpenAI) or "any JSON object" (DeepSeek, Qwen, most others). */
export const RESPONSE_FORMATS = ["json_schema", "json_object"] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

const positiveMs = (name: string, example: number) =>
  z.coerce
    .number({ error: `${name} 应为毫秒数（正整数），例如 ${example}` })
    .int(`${name} 应为毫秒数（正整数），例如 ${example}`)
    .min(1000, `${name} 至少为 1000 毫秒，例如 ${example}`)
    .max(600_000, `${name} 最多为 600000 毫秒（10 分钟），例如 ${example}`);

/** A POSIX login name: letters, digits, `.`, `_`, `-` (not first), an optional final `$`. */
const LOGIN_NAME = /^[A-Za-z0-9._][A-Za-z0-9._-]*\$?$/u;

/** The names of a comma-separated list (ASCII or Chinese commas), trimmed, empty ones dropped. */
function adminNames(list: string): string[] {
  return list
    .split(/[,，]/u)
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/** Settings read from the environment: the only reader of process.env (architecture). */
const ConfigSchema = z.object({
  ZIPING_DB: z.string().min(1).default("data/ziping.db"),
  /**
   * PostgreSQL instead of the SQLite file (several instances sharing one database): postgres://….
   * Never echoed back: it usually holds a password.
   */
  DATABASE_URL: z
    .string()
    .trim()
    .refine((url) => /^postgres(ql)?:\/\//u.test(url) && URL.canParse(url), {
      error:
        "DATABASE_URL 应为 PostgreSQL 连接地址，以 postgres:// 或 postgresql:// 开头，例如 postgres://ziping:密码@127.0.0.1:5432/ziping；不设则使用本机 SQLite 文件（ZIPING_DB）",
    })
    .optional(),
  SLACK_BOT_TOKEN: z.string().startsWith("xoxb-", "SLACK_BOT_TOKEN 应以 xoxb- 开头").optional(),
  SLACK_APP_TOKEN: z.string().startsWith("xapp-", "SLACK_APP_TOKEN 应以 xapp- 开头").optional(),
  /** HTTP mode only: requests are verified with it (Basic Information → App Credentials → Signing Secret). */
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(
      /^[0-9a-f]{32}$/,
      "SLACK_SIGNING_SECRET 应为 32 位十六进制字符，例如 8f14e45fceea167a5a36dedd4bea2543",
    )
    .optional(),
  /** socket (default when SLACK_APP_TOKEN is set) or http (a public URL receives events). */
  SLACK_MODE: z
    .enum(["socket", "http"], { error: "SLACK_MODE 只能是 socket 或 http，例如 socket" })
    .optional(),
  SLACK_PORT: z.coerce
    .number({ error: "SLACK_PORT 应为端口号（1–65535 的整数），例如 3000" })
    .int("SLACK_PORT 应为端口号（1–65535 的整数），例如 3000")
    .min(1, "SLACK_PORT 应为端口号（1–65535 的整数），例如 3000")
    .max(65535, "SLACK_PORT 应为端口号（1–65535 的整数），例如 3000")
    .default(3000),
  /** DingTalk (钉钉) enterprise internal app: Client ID (the former AppKey), 开发者后台 → 凭证与基础信息. */
  DINGTALK_CLIENT_ID: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]+$/, "DINGTALK_CLIENT_ID 含有空格或中文字符，请重新复制，例如 dingabcdefg123456")
    .optional(),
  /** Never echoed back: the message describes what is wrong without quoting the value. */
  DINGTALK_CLIENT_SECRET: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]+$/, "DINGTALK_CLIENT_SECRET 含有空格、换行或中文字符（例如中文引号），请重新复制")
    .optional(),
  /** The robot's code (机器人 → RobotCode); for an enterprise internal app it is usually the Client ID. */
  DINGTALK_ROBOT_CODE: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]+$/, "DINGTALK_ROBOT_CODE 含有空格或中文字符，请重新复制，例如 dingabcdefg123456")
    .optional(),
  /** Where the Stream gateway is (a private deployment, a test server); https://api.dingtalk.com by default. */
  DINGTALK_GATEWAY_URL: z
    .url({
      protocol: /^https?$/,
      error: "DINGTALK_GATEWAY_URL 应为 http(s) 网址，例如 https://api.dingtalk.com",
    })
    .optional(),
  /** The OpenAPI host (access token, robot messages, file download); https://api.dingtalk.com by default. */
  DINGTALK_API_URL: z
    .url({ protocol: /^https?$/, error: "DINGTALK_API_URL 应为 http(s) 网址，例如 https://api.dingtalk.com" })
    .optional(),
  /** The old API host (media/upload for drafts sent as files); https://oapi.dingtalk.com by default. */
  DINGTALK_OAPI_URL: z
    .url({
      protocol: /^https?$/,
      error: "DINGTALK_OAPI_URL 应为 http(s) 网址，例如 https://oapi.dingtalk.com",
    })
    .optional(),
  /** 政务钉钉 (专有钉钉 / 浙政钉): the open platform's host; a private deployment has its own. */
  GOV_DINGTALK_API_HOST: z
    .url({
      protocol: /^https?$/,
      error: "GOV_DINGTALK_API_HOST 应为 http(s) 网址，例如 https://openplatform.dg-work.cn",
    })
    .refine((url) => !URL.canParse(url) || new URL(url).pathname.replace(/\/+$/, "") === "", {
      error: "GOV_DINGTALK_API_HOST 只写到主机名（不带路径），例如 https://openplatform.dg-work.cn",
    })
    .default("https://openplatform.dg-work.cn"),
  /** The app's AppKey (应用的 AK), sent as the apiKey header of every signed call. */
  GOV_DINGTALK_APP_KEY: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]+$/, "GOV_DINGTALK_APP_KEY 含有空格、换行或中文字符，请重新复制应用的 AppKey")
    .optional(),
  /** The app's AppSecret (SK): signs every call; never printed. */
  GOV_DINGTALK_APP_SECRET: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]+$/, "GOV_DINGTALK_APP_SECRET 含有空格、换行或中文字符，请重新复制应用的 AppSecret")
    .optional(),
  /** The tenant (租户) id the robot belongs to, a number. */
  GOV_DINGTALK_TENANT_ID: z
    .string()
    .trim()
    .regex(/^\d+$/, "GOV_DINGTALK_TENANT_ID 应为租户 ID（数字），例如 196729")
    .optional(),
  /** A PEM file of the CA that signed a private deployment's certificate (optional). */
  GOV_DINGTALK_CA_FILE: z.string().trim().min(1).optional(),
  GOV_DINGTALK_CALLBACK_PORT: z.coerce
    .number({ error: "GOV_DINGTALK_CALLBACK_PORT 应为端口号（1–65535 的整数），例如 3100" })
    .int("GOV_DINGTALK_CALLBACK_PORT 应为端口号（1–65535 的整数），例如 3100")
    .min(1, "GOV_DINGTALK_CALLBACK_PORT 应为端口号（1–65535 的整数），例如 3100")
    .max(65535, "GOV_DINGTALK_CALLBACK_PORT 应为端口号（1–65535 的整数），例如 3100")
    .default(3100),
  GOV_DINGTALK_CALLBACK_PATH: z
    .string()
    .regex(/^\/[\x21-\x7e]*$/, "GOV_DINGTALK_CALLBACK_PATH 应以 / 开头，例如 /govdingtalk/callback")
    .default("/govdingtalk/callback"),
  /**
   * The robot's callback token (outgoingToken) that signs each callback; unset means the app
   * secret signs them, as in public DingTalk.
   */
  GOV_DINGTALK_CALLBACK_TOKEN: z
    .string()
    .trim()
    .regex(
      /^[\x21-\x7e]+$/,
      "GOV_DINGTALK_CALLBACK_TOKEN 含有空格、换行或中文字符，请重新复制机器人的回调 Token",
    )
    .optional(),
  /**
   * Set when the platform encrypts its callbacks (DingTalk's event-subscription scheme): the
   * 43-character EncodingAESKey; GOV_DINGTALK_CALLBACK_TOKEN is then the token of that scheme.
   */
  GOV_DINGTALK_CALLBACK_AES_KEY: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9]{43}$/,
      "GOV_DINGTALK_CALLBACK_AES_KEY 应为 43 位字母或数字（回调的 EncodingAESKey），例如 o1w0aum42yaptlz8alnhwikjd3jenzt9cb9wmzptgus",
    )
    .optional(),
  /** The owner key inside an encrypted callback: the app key (default) or the tenant's corp id. */
  GOV_DINGTALK_CALLBACK_OWNER_KEY: z.string().trim().min(1).optional(),
  /** Days a handled chat message id is kept (redelivery and script replays); older ones are forgotten at startup. */
  ZIPING_KEEP_MESSAGES_DAYS: z.coerce
    .number({ error: "ZIPING_KEEP_MESSAGES_DAYS 应为 1 到 3650 的整数（天），例如 30" })
    .int("ZIPING_KEEP_MESSAGES_DAYS 应为 1 到 3650 的整数（天），例如 30")
    .min(1, "ZIPING_KEEP_MESSAGES_DAYS 应为 1 到 3650 的整数（天），例如 30")
    .max(3650, "ZIPING_KEEP_MESSAGES_DAYS 应为 1 到 3650 的整数（天），例如 30")
    .default(30),
  /** WeCom (企业微信 / 政务微信): the AI bot's id (智能机器人 → API 模式 → 长连接 → Bot ID). */
  WECOM_BOT_ID: z.string().trim().min(1, "WECOM_BOT_ID 不能为空，例如 aibXXXXXXXXXXXXXXXX").optional(),
  /** The AI bot's secret; never echoed back. */
  WECOM_BOT_SECRET: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]+$/, "WECOM_BOT_SECRET 含有空格、换行或中文字符，请在机器人设置中重新复制 Secret")
    .optional(),
  /** The long connection's address: the official one by default, a private 政务微信 deployment or a test server. */
  WECOM_WS_URL: z
    .url({
      protocol: /^wss?$/,
      error: "WECOM_WS_URL 应为 ws(s) 地址，例如 wss://openws.work.weixin.qq.com",
    })
    .optional(),
  /** aibot (智能机器人长连接, default with WECOM_BOT_ID) or callback (自建应用接收消息, 政务微信 without the AI bot). */
  WECOM_MODE: z
    .enum(["aibot", "callback"], { error: "WECOM_MODE 只能是 aibot 或 callback，例如 aibot" })
    .optional(),
  /** Callback mode: the 企业 ID (我的企业 → 企业信息 → 企业ID). */
  WECOM_CORP_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+$/, "WECOM_CORP_ID 应为企业 ID（字母和数字），例如 ww1234567890abcdef")
    .optional(),
  /** Callback mode: the self-built app's AgentId. */
  WECOM_AGENT_ID: z.coerce
    .number({ error: "WECOM_AGENT_ID 应为应用的 AgentId（正整数），例如 1000002" })
    .int("WECOM_AGENT_ID 应为应用的 AgentId（正整数），例如 1000002")
    .positive("WECOM_AGENT_ID 应为应用的 AgentId（正整数），例如 1000002")
    .optional(),
  /** Callback mode: the app's Secret; never echoed back. */
  WECOM_CORP_SECRET: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]+$/, "WECOM_CORP_SECRET 含有空格、换行或中文字符，请在应用详情中重新复制 Secret")
    .optional(),
  /** Callback mode: the Token of 接收消息 → API 接收 (signatures are checked with it). */
  WECOM_TOKEN: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9]{1,32}$/,
      "WECOM_TOKEN 应为 1–32 位字母或数字（接收消息设置中的 Token），例如 hJ8sK2mQ",
    )
    .optional(),
  /** Callback mode: the EncodingAESKey of 接收消息 → API 接收 (43 characters). */
  WECOM_ENCODING_AES_KEY: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9+/]{43}$/,
      "WECOM_ENCODING_AES_KEY 应为 43 位字母和数字（接收消息设置中的 EncodingAESKey），例如 jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
    )
    .optional(),
  /** Callback mode: the API host, https://qyapi.weixin.qq.com by default (a private 政务微信 host otherwise). */
  WECOM_API_URL: z
    .url({
      protocol: /^https?$/,
      error: "WECOM_API_URL 应为 http(s) 网址，例如 https://qyapi.weixin.qq.com",
    })
    .optional(),
  /** Callback mode: the port the receiver listens on (path /wecom/callback). */
  WECOM_CALLBACK_PORT: z.coerce
    .number({ error: "WECOM_CALLBACK_PORT 应为端口号（1–65535 的整数），例如 3001" })
    .int("WECOM_CALLBACK_PORT 应为端口号（1–65535 的整数），例如 3001")
    .min(1, "WECOM_CALLBACK_PORT 应为端口号（1–65535 的整数），例如 3001")
    .max(65535, "WECOM_CALLBACK_PORT 应为端口号（1–65535 的整数），例如 3001")
    .default(3001),
  /**
   * OS login names that administer ziping from the terminal, besides root and the owner of the
   * database file: the operator's setting of the service (see README “多人共用一台机器”).
   */
  ZIPING_ADMINS: z
    .string()
    .refine((list) => adminNames(list).every((name) => LOGIN_NAME.test(name)), {
      error: "ZIPING_ADMINS 应为逗号分隔的系统登录名（字母、数字、. _ -），例如 root,zhangsan",
    })
    .transform(adminNames)
    .default([]),
  /** Any OpenAI-compatible endpoint; unset means api.openai.com. */
  OPENAI_BASE_URL: z
    .url({
      protocol: /^https?$/,
      error: "OPENAI_BASE_URL 应为 http(s) 网址，例如 https://api.deepseek.com 或 http://localhost:11434/v1",
    })
    // A secret inside the address would be sent in every request line and printed in logs; the SDK
    // also appends its paths after a query string, so such an address cannot work anyway.
    .refine(
      (url) => {
        if (!URL.canParse(url)) return true; // already refused as not an address
        const u = new URL(url);
        return u.username === "" && u.password === "" && u.search === "" && u.hash === "";
      },
      {
        error:
          "OPENAI_BASE_URL 不能带用户名、密码或“?…”参数（密钥会随网址出现在日志里）；请把密钥放在 OPENAI_API_KEY，网址只写到路径，例如 https://api.deepseek.com 或 http://localhost:11434/v1",
      },
    )
    .optional(),
  /** Never echoed back: the messages below describe what is wrong without quoting the value. */
  OPENAI_API_KEY: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]+$/, "OPENAI_API_KEY 含有空格、换行或中文字符（例如中文引号），请重新复制密钥")
    .optional(),
  LLM_MODEL: z
    .string()
    .trim()
    .min(1, "LLM_MODEL 不能为空，例如 deepseek-chat、qwen-plus 或 gpt-4o-mini")
    .optional(),
  LLM_RESPONSE_FORMAT: z
    .enum(RESPONSE_FORMATS, {
      error:
        "LLM_RESPONSE_FORMAT 只能是 json_schema 或 json_object（DeepSeek、通义千问等多数国内服务只支持 json_object）",
    })
    .optional(),
  LLM_TIMEOUT_MS: positiveMs("LLM_TIMEOUT_MS", 60000).default(60_000),
  /** One deadline for all model calls of a draft; past it (or at the first timeout) the rest is deterministic. */
  LLM_DRAFT_DEADLINE_MS: positiveMs("LLM_DRAFT_DEADLINE_MS", 120000).default(120_000),
  LLM_MAX_RETRIES: z.coerce
    .number({ error: "LLM_MAX_RETRIES 应为 0 到 10 的整数，例如 2" })
    .int("LLM_MAX_RETRIES 应为 0 到 10 的整数，例如 2")
    .min(0, "LLM_MAX_RETRIES 应为 0 到 10 的整数，例如 2")
    .max(10, "LLM_MAX_RETRIES 应为 0 到 10 的整数，例如 2")
    .default(2),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads and validates the environment; a bad value is a Chinese message naming the variable. */
export function readConfig(
  env: Record<string, string | undefined> = process.env,
): { ok: true; config: Config } | { ok: false; message: string } {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ConfigSchema.safeParse(present);
  if (parsed.success) return { ok: true, config: parsed.data };
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}：${i.message}`);
  return {
    ok: false,
    message: `环境变量设置有误：\n${lines.join("\n")}\n请检查 .env 或 shell 中的设置（参见 .env.example）。`,
  };
}
