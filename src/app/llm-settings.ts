import type { Config, ResponseFormat } from "../config.ts";

/** Everything needed to open the model client, resolved from {@link Config}. */
export interface LlmSettings {
  /** undefined: the SDK's default, https://api.openai.com/v1. */
  baseURL?: string;
  /** undefined for a local server (Ollama, vLLM) that needs no key. */
  apiKey?: string;
  model: string;
  responseFormat: ResponseFormat;
  timeoutMs: number;
  maxRetries: number;
  /** Milliseconds for all model calls of one draft together (LLM_DRAFT_DEADLINE_MS). */
  draftDeadlineMs: number;
}

/**
 * The model settings, or why there are none (`why` is absent when no LLM variable is set at all). The LLM is configured only when LLM_MODEL is set and
 * either OPENAI_API_KEY or OPENAI_BASE_URL is (a local Ollama or vLLM needs no key). Without them
 * drafting is deterministic, which is a normal way to run ziping, not an error.
 *
 * LLM_RESPONSE_FORMAT defaults to json_schema for OpenAI itself (no base URL, or an openai.com
 * host), whose strict schemas are the most reliable, and to json_object for every other endpoint,
 * because DeepSeek, Qwen and most compatible servers reject json_schema with a 400.
 */
export function llmSettings(
  config: Config,
): { ok: true; settings: LlmSettings } | { ok: false; why?: string } {
  const model = config.LLM_MODEL;
  const baseURL = config.OPENAI_BASE_URL;
  const apiKey = config.OPENAI_API_KEY;
  if (model === undefined) {
    const partial = baseURL !== undefined || apiKey !== undefined;
    return partial ? { ok: false, why: "缺少 LLM_MODEL" } : { ok: false };
  }
  if (baseURL === undefined && apiKey === undefined) {
    return { ok: false, why: "已设置 LLM_MODEL，但缺少 OPENAI_API_KEY 或 OPENAI_BASE_URL" };
  }
  const settings: LlmSettings = {
    model,
    responseFormat: config.LLM_RESPONSE_FORMAT ?? defaultResponseFormat(baseURL),
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    draftDeadlineMs: config.LLM_DRAFT_DEADLINE_MS,
  };
  if (baseURL !== undefined) settings.baseURL = baseURL;
  if (apiKey !== undefined) settings.apiKey = apiKey;
  return { ok: true, settings };
}

/** json_schema for OpenAI's own API, json_object for any other endpoint (see {@link llmSettings}). */
export function defaultResponseFormat(baseURL: string | undefined): ResponseFormat {
  if (baseURL === undefined) return "json_schema";
  const host = new URL(baseURL).hostname;
  return host === "openai.com" || host.endsWith(".openai.com") ? "json_schema" : "json_object";
}
