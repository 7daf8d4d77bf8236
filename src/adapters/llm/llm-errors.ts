import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { redactUrlSecrets } from "../../core/redact-url.ts";
import { fail, type Result } from "../../core/result.ts";
import type { LlmErrorCode } from "../../drafting/llm-port.ts";

/** What an error message may name: where the call went, which model, and the limits in force. */
export interface CallContext {
  /** The endpoint as configured, printed so the officer can check OPENAI_BASE_URL. */
  baseURL: string;
  model: string;
  responseFormat: "json_schema" | "json_object";
  timeoutMs: number;
  maxRetries: number;
  /** Never printed: removed from any server text that echoes it. */
  apiKey?: string;
}

const FALLBACK = "本次改用确定性起草";

/** Set by the adapter's fetch on the 413 it makes of an oversized reply (value: the byte limit). */
export const TOO_LARGE_HEADER = "x-ziping-reply-too-large";

/** Plain Chinese for the socket errors a misconfigured endpoint gives. */
const SOCKET_CODES: Record<string, string> = {
  ECONNREFUSED: "连接被拒绝，该地址上没有服务在运行",
  ENOTFOUND: "找不到该主机名",
  EAI_AGAIN: "域名解析失败",
  ECONNRESET: "连接被对方重置",
  EHOSTUNREACH: "主机不可达",
  ENETUNREACH: "网络不可达",
  CERT_HAS_EXPIRED: "服务器证书已过期",
  DEPTH_ZERO_SELF_SIGNED_CERT: "服务器使用自签名证书",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "无法验证服务器证书",
};

/** The first `code` found along an error's chain of causes (undici wraps the socket error twice). */
function socketCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Replaces the key with *** wherever text that came from the server or the network echoes it. */
export function redactKey(text: string, apiKey: string | undefined): string {
  if (apiKey === undefined || apiKey === "") return text;
  return text.split(apiKey).join("***");
}

/** The server's own words, short and without the key, for the bad-request message. */
function serverSays(error: APIError, apiKey: string | undefined): string {
  const body = error.error as { message?: unknown } | undefined;
  const raw = typeof body?.message === "string" ? body.message : error.message;
  const text = redactKey(raw, apiKey).replace(/\s+/g, " ").trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

const retried = (n: number) => (n > 0 ? `（已自动重试 ${n} 次）` : "");

/** Every message leaves here without the login or key a quoted URL may carry (OPENAI_BASE_URL, an SDK error). */
function failWith(code: LlmErrorCode, message: string): Result<never> {
  return fail(code, redactUrlSecrets(message));
}

/** Seconds for a message: 0.2, 120. */
const seconds = (ms: number) => String(Math.round(ms / 100) / 10);

/**
 * The call ran out of the draft's overall time (LLM_DRAFT_DEADLINE_MS): `leftMs` was what remained
 * when it started. The drafter asks the model nothing more for this draft.
 */
export function deadlineFailure(ctx: CallContext, leftMs: number): Result<never> {
  return failWith(
    "llm.timeout",
    `模型服务 ${ctx.baseURL} 在本次起草剩余的 ${seconds(leftMs)} 秒内没有回复（每份草稿的模型调用总时限由 LLM_DRAFT_DEADLINE_MS 设置，例如 120000）：${FALLBACK}。`,
  );
}

/**
 * Turns whatever the OpenAI SDK threw into a failed {@link Result} with an {@link LlmErrorCode} and a
 * Chinese message saying what to check and that drafting goes on deterministically. The key is never
 * part of a message: auth errors do not quote the server (OpenAI echoes part of the key there), and
 * other server text is passed through {@link redactKey}.
 */
export function llmFailure(error: unknown, ctx: CallContext): Result<never> {
  if (error instanceof APIConnectionTimeoutError) {
    return failWith(
      "llm.timeout",
      `模型服务 ${ctx.baseURL} 在 ${ctx.timeoutMs / 1000} 秒内没有回复${retried(ctx.maxRetries)}：${FALLBACK}。服务较慢时可调大 LLM_TIMEOUT_MS（当前 ${ctx.timeoutMs}）。`,
    );
  }
  if (error instanceof APIConnectionError) {
    const code = socketCode(error.cause);
    const why = code === undefined ? "网络连接失败" : `${SOCKET_CODES[code] ?? "网络连接失败"}（${code}）`;
    return failWith(
      "llm.unreachable",
      `无法连接模型服务 ${ctx.baseURL}：${why}${retried(ctx.maxRetries)}。请检查 OPENAI_BASE_URL 或网络；${FALLBACK}。`,
    );
  }
  if (!(error instanceof APIError) || error.status === undefined) {
    const text = error instanceof Error ? redactKey(error.message, ctx.apiKey) : String(error);
    return failWith("llm.other", `调用模型服务 ${ctx.baseURL} 时出错：${text}。${FALLBACK}。`);
  }
  const status = error.status;
  const tooLarge = error.headers?.get(TOO_LARGE_HEADER);
  if (tooLarge !== null && tooLarge !== undefined) {
    return failWith(
      "llm.too_large",
      `模型服务 ${ctx.baseURL} 的回复超过 ${Math.round(Number(tooLarge) / 1024)} KB，已拒收（正常的章节稿只有几 KB，过长的回复可能是服务异常或模型失控）：${FALLBACK}。`,
    );
  }
  if (status === 401 || status === 403) {
    return failWith(
      "llm.auth",
      `模型服务拒绝了密钥（${status}）：请检查 OPENAI_API_KEY 是否正确、是否属于 ${ctx.baseURL} 这家服务、账户是否可用；${FALLBACK}。`,
    );
  }
  if (status === 429) {
    return failWith(
      "llm.rate_limited",
      `模型服务限流（429）${retried(ctx.maxRetries)}：请求过于频繁或账户额度已用完，请稍后再试或检查账户余额；${FALLBACK}。`,
    );
  }
  if (status >= 500) {
    return failWith(
      "llm.server",
      `模型服务 ${ctx.baseURL} 内部出错（${status}）${retried(ctx.maxRetries)}：这是服务方的问题，请稍后再试；${FALLBACK}。`,
    );
  }
  if (status === 400 || status === 404 || status === 422) {
    const hint =
      ctx.responseFormat === "json_schema"
        ? `；若该服务不支持 json_schema，请设 LLM_RESPONSE_FORMAT=json_object`
        : "";
    return failWith(
      "llm.bad_request",
      `模型服务拒绝了请求（${status}）：${serverSays(error, ctx.apiKey)}。请检查 LLM_MODEL（当前 ${ctx.model}）是否是该服务提供的模型名${hint}；${FALLBACK}。`,
    );
  }
  return failWith(
    "llm.other",
    `模型服务返回了错误（${status}）：${serverSays(error, ctx.apiKey)}。${FALLBACK}。`,
  );
}
