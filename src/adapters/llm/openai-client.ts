import OpenAI, { APIConnectionTimeoutError, type ClientOptions } from "openai";
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import { z } from "zod";
import { redactUrlSecrets } from "../../core/redact-url.ts";
import { fail, ok, type Result } from "../../core/result.ts";
import type { LlmPort, LlmReply, LlmRequest } from "../../drafting/llm-port.ts";
import { type CallContext, deadlineFailure, llmFailure, TOO_LARGE_HEADER } from "./llm-errors.ts";

/** OpenAI's own endpoint, used when no base URL is configured. */
export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** How to reach one model on an OpenAI-compatible endpoint. */
export interface OpenAiPortOptions {
  /** e.g. https://api.deepseek.com, http://localhost:11434/v1; undefined: api.openai.com. */
  baseURL?: string;
  /** undefined for servers that need none (Ollama, vLLM): a placeholder is sent instead. */
  apiKey?: string;
  model: string;
  responseFormat: "json_schema" | "json_object";
  timeoutMs: number;
  /** Retries of the SDK on 408/409/429/5xx and connection errors; tests use 0. */
  maxRetries: number;
  /** Milliseconds clock for the latency of a call (default Date.now). */
  now?: () => number;
  /** A fetch to use instead of the global one. */
  fetch?: ClientOptions["fetch"];
  /** Largest reply body accepted (default {@link MAX_REPLY_BYTES}). */
  maxReplyBytes?: number;
}

/** The sampling temperature: low, since the drafts restate facts rather than invent. */
export const DRAFT_TEMPERATURE = 0.2;

/**
 * Appended to the system message in json_object mode, where the server does not know the schema:
 * the model is shown it, and the word "json" the API requires in the prompt is always present.
 */
export function describeSchema(request: LlmRequest): string {
  return [
    `输出格式：只输出一个 json 对象（JSON object），不要输出 Markdown 代码块或任何其他文字。`,
    `该对象（${request.schemaName}）须符合以下 JSON Schema：`,
    JSON.stringify(request.jsonSchema),
  ].join("\n");
}

/** The body of the chat completion request for one {@link LlmRequest} in the given mode. */
export function completionBody(
  request: LlmRequest,
  model: string,
  responseFormat: "json_schema" | "json_object",
): ChatCompletionCreateParamsNonStreaming {
  const system =
    responseFormat === "json_object" ? `${request.system}\n\n${describeSchema(request)}` : request.system;
  const messages: ChatCompletionMessageParam[] = [
    { role: "system", content: system },
    { role: "user", content: request.user },
    ...(request.history ?? []).map((turn) => ({ role: turn.role, content: turn.content })),
  ];
  return {
    model,
    messages,
    response_format:
      responseFormat === "json_schema"
        ? {
            type: "json_schema",
            json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: true },
          }
        : { type: "json_object" },
    temperature: DRAFT_TEMPERATURE,
  };
}

/**
 * What is read of the reply (architecture habit 6): a server that is not really an OpenAI-compatible
 * API (a web page at the base URL, a proxy's error page) answers something else, which becomes an
 * llm.other failure instead of a crash.
 */
const CompletionSchema = z.object({
  model: z.string().optional(),
  choices: z.array(z.object({ message: z.object({ content: z.string().nullish() }).nullish() })),
  usage: z
    .object({
      prompt_tokens: z.number().int().min(0).optional(),
      completion_tokens: z.number().int().min(0).optional(),
    })
    .nullish(),
});

function toReply(raw: unknown, ctx: CallContext, latencyMs: number): Result<LlmReply> {
  const parsed = CompletionSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(
      "llm.other",
      `模型服务 ${ctx.baseURL} 的回复不是 chat completion 格式：OPENAI_BASE_URL 可能指向了网页而不是 API（通常以 /v1 结尾）；本次改用确定性起草。`,
    );
  }
  const completion = parsed.data;
  const reply: LlmReply = {
    content: completion.choices[0]?.message?.content ?? null,
    model: completion.model !== undefined && completion.model !== "" ? completion.model : ctx.model,
    latencyMs,
  };
  if (completion.usage?.prompt_tokens !== undefined) reply.promptTokens = completion.usage.prompt_tokens;
  if (completion.usage?.completion_tokens !== undefined)
    reply.completionTokens = completion.usage.completion_tokens;
  return ok(reply);
}

type Fetch = NonNullable<ClientOptions["fetch"]>;

/** Statuses whose response cannot carry a body. */
const NO_BODY = new Set([101, 204, 205, 304]);

/** Settles like `promise`, or rejects with the abort reason as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (signal === null || signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new DOMException("aborted", "AbortError"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Largest reply body read, in bytes: nine sections of 8,000 characters, JSON-escaped, fit with room. */
export const MAX_REPLY_BYTES = 2 * 1024 * 1024;

/** The body as bytes, or undefined once it exceeds `limit` (declared or counted); reading stops there. */
async function readBounded(response: Response, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get("content-length") ?? "");
  if (response.body === null) return new Uint8Array(0);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body.cancel().catch(() => undefined);
    return undefined;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * A fetch that resolves only once the whole body has arrived. The SDK's timeout covers a fetch
 * until it resolves, i.e. until the headers; a server that sends headers at once and the body
 * minutes later (DeepSeek keeps a busy connection alive that way) would otherwise never time out.
 * Reading the body inside the fetch puts it under the same per-attempt timeout and retry rules.
 * At most `maxBytes` are read: a longer body becomes a 413 marked with {@link TOO_LARGE_HEADER}
 * and `x-should-retry: false`, so the SDK neither retries nor holds the rest in memory.
 */
export function bodyInTimeout(inner: () => Fetch, maxBytes = MAX_REPLY_BYTES): Fetch {
  return async (input, init) => {
    const response = await inner()(input, init);
    const body = await untilAborted(readBounded(response, maxBytes), init?.signal);
    if (body === undefined) {
      return new Response(JSON.stringify({ error: { message: `reply larger than ${maxBytes} bytes` } }), {
        status: 413,
        headers: {
          "content-type": "application/json",
          "x-should-retry": "false",
          [TOO_LARGE_HEADER]: String(maxBytes),
        },
      });
    }
    return new Response(NO_BODY.has(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/**
 * An {@link LlmPort} over the openai SDK, for OpenAI and any compatible endpoint (DeepSeek, Qwen,
 * Moonshot, Ollama, vLLM …). In json_schema mode the schema goes in `response_format` (strict); in
 * json_object mode it is described in the system message. Every failure, including retries spent,
 * comes back as a failed Result with an LlmErrorCode, so the drafter falls back instead of throwing.
 * `timeoutMs` bounds each attempt from request to the last byte of the reply.
 * The SDK reads no environment variable here: base URL, key, organisation, project and log level
 * (off, since its log lines quote the URL) are all given.
 */
export function createOpenAiPort(options: OpenAiPortOptions): LlmPort {
  const baseURL = options.baseURL ?? OPENAI_DEFAULT_BASE_URL;
  const now = options.now ?? Date.now;
  const client = new OpenAI({
    baseURL,
    apiKey: options.apiKey ?? "not-needed",
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    // OPENAI_LOG=debug would print each request URL, secrets of the base URL included: never.
    logLevel: "off",
    // Looked up at each call, so a fetch patched after start-up (a test's nock) is the one used.
    fetch: bodyInTimeout(() => options.fetch ?? globalThis.fetch, options.maxReplyBytes),
  });
  const ctx: CallContext = {
    baseURL: redactUrlSecrets(baseURL),
    model: options.model,
    responseFormat: options.responseFormat,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
  };
  return {
    model: options.model,
    async complete(request, call = {}) {
      const started = now();
      // The draft's remaining time bounds the whole call, retries and their pauses included.
      const left = call.timeoutMs === undefined ? undefined : Math.max(1, Math.ceil(call.timeoutMs));
      const byDeadline = left !== undefined && left < options.timeoutMs;
      const signal = byDeadline ? AbortSignal.timeout(left) : undefined;
      try {
        const raw: unknown = await client.chat.completions.create(
          completionBody(request, options.model, options.responseFormat),
          byDeadline ? { timeout: left, signal } : undefined,
        );
        return toReply(raw, ctx, now() - started);
      } catch (error) {
        if (byDeadline && (signal?.aborted || error instanceof APIConnectionTimeoutError))
          return deadlineFailure(ctx, left);
        return llmFailure(error, ctx);
      }
    },
  };
}
