import type { LlmCallRecord } from "../../drafting/llm-port.ts";
import type { LlmCallRepository } from "../repositories.ts";
import type { PgSession } from "./pg-session.ts";

/** The model call log on PostgreSQL (see LlmCallLog). */
export class PgLlmCallLog implements LlmCallRepository {
  constructor(private readonly s: PgSession) {}

  /** Appends one call; returns its id. Latency is rounded to whole milliseconds. */
  async record(call: LlmCallRecord): Promise<number> {
    const [row] = await this.s.query<{ id: number }>(
      `INSERT INTO llm_calls (report_id, family, model, prompt_hash, prompt_tokens, completion_tokens,
         latency_ms, outcome, detail, attempt, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        call.reportId ?? null,
        call.family,
        call.model,
        call.promptHash,
        call.promptTokens ?? null,
        call.completionTokens ?? null,
        Math.round(call.latencyMs),
        call.outcome,
        call.detail ?? null,
        call.attempt,
        call.at,
      ],
    );
    if (row === undefined) throw new Error("INSERT … RETURNING gave no row");
    return row.id;
  }
}
