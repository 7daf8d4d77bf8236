import { createOpenAiPort, OPENAI_DEFAULT_BASE_URL } from "../adapters/llm/openai-client.ts";
import type { Config } from "../config.ts";
import { redactUrlSecrets } from "../core/redact-url.ts";
import type { LlmPort } from "../drafting/llm-port.ts";
import { llmSettings } from "./llm-settings.ts";

/** What a caller (a test, a bench) may replace in the client: the fetch and the latency clock. */
export interface OpenLlmOptions {
  fetch?: typeof globalThis.fetch;
  now?: () => number;
}

/**
 * The model port for the configured endpoint, or undefined when no model is configured (then the
 * drafter is deterministic). Opening makes no network call: a wrong key or an endpoint that is down
 * shows up at the first draft as an llm.* failure, and that draft falls back section by section.
 */
export function openLlm(config: Config, options: OpenLlmOptions = {}): LlmPort | undefined {
  const resolved = llmSettings(config);
  if (!resolved.ok) return undefined;
  const { settings } = resolved;
  return createOpenAiPort({
    ...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }),
    ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
    model: settings.model,
    responseFormat: settings.responseFormat,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}

/**
 * One line for the CLI banner and the README: which model drafts, where, in which JSON mode, or
 * that drafting is deterministic and, when some LLM variable is set, what is missing. Never the key.
 */
export function describeLlm(config: Config): string {
  const resolved = llmSettings(config);
  if (!resolved.ok) {
    return resolved.why === undefined
      ? "未配置模型：使用确定性起草"
      : `未配置模型（${resolved.why}）：使用确定性起草`;
  }
  const { settings } = resolved;
  return `模型 ${settings.model} @ ${redactUrlSecrets(settings.baseURL ?? OPENAI_DEFAULT_BASE_URL)}（${settings.responseFormat}）`;
}
