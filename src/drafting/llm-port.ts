import type { Result } from "../core/result.ts";

/**
 * How a drafter asks a model for one structured section draft. The drafter knows nothing of HTTP
 * or providers: an adapter (src/adapters/llm/openai-client.ts) turns this into a chat completion
 * with `response_format` json_schema or json_object, and a test can answer it from a recording.
 */
export interface LlmRequest {
  /** System message: the rules (from prompts/system.md). */
  system: string;
  /** User message: the task, the facts and the officer's notes as delimited data. */
  user: string;
  /** Earlier turns for the one repair retry: the model's reply and our list of what was wrong. */
  history?: { role: "assistant" | "user"; content: string }[];
  /** Name and JSON Schema of the expected object (used as-is in json_schema mode, described in json_object mode). */
  schemaName: string;
  jsonSchema: Record<string, unknown>;
}

/** The model's raw answer: the drafter validates it with zod itself. */
export interface LlmReply {
  /** The message content; null or "" when the model sent nothing. */
  content: string | null;
  model: string;
  promptTokens?: number;
  completionTokens?: number;
  /** Milliseconds from request to reply, measured by the adapter. */
  latencyMs: number;
}

/** Why a call failed, as a value: the drafter falls back instead of throwing. */
export type LlmErrorCode =
  | "llm.unreachable"
  | "llm.auth"
  | "llm.rate_limited"
  | "llm.server"
  | "llm.timeout"
  | "llm.bad_request"
  | "llm.too_large"
  | "llm.other";

/** Limits of one call set by the drafter. */
export interface LlmCallOptions {
  /** What is left of the draft's overall deadline: the call, retries included, ends with llm.timeout by then. */
  timeoutMs?: number;
}

/** The model behind an interface (architecture habit 7). */
export interface LlmPort {
  /** Model name, for the record of calls and the colophon. */
  readonly model: string;
  complete(request: LlmRequest, options?: LlmCallOptions): Promise<Result<LlmReply>>;
}

/** One call as recorded in SQLite (table llm_calls): what was asked of whom, and how it went. */
export interface LlmCallRecord {
  reportId?: string;
  /** Drafted section family: "problems", "analysis" … */
  family: string;
  model: string;
  /** sha256 of system + user + history, hex. */
  promptHash: string;
  promptTokens?: number;
  completionTokens?: number;
  latencyMs: number;
  /** ok: used; rejected: the reply failed validation or grounding; failed: the call itself failed. */
  outcome: "ok" | "repaired" | "rejected" | "failed";
  /** Error code or the first rejection reason. */
  detail?: string;
  /** 1 for the first try, 2 for the repair. */
  attempt: number;
  at: string;
}
