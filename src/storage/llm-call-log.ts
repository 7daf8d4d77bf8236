import type { Database, Statement } from "better-sqlite3";
import { z } from "zod";
import type { LlmCallRecord } from "../drafting/llm-port.ts";
import { readRow } from "./read-row.ts";
import type { LlmCallRepository } from "./repositories.ts";
import { SqliteSession } from "./sqlite-session.ts";

/** One recorded call as read back: the record with its row id. */
export interface LlmCallRow extends LlmCallRecord {
  id: number;
}

/** Calls, outcomes and tokens of one model, for `ziping` to show what drafting has cost. */
export interface LlmModelTotals {
  model: string;
  calls: number;
  ok: number;
  repaired: number;
  rejected: number;
  failed: number;
  /** Sums over the calls that reported usage (a failed call reports none). */
  promptTokens: number;
  completionTokens: number;
}

const nullableText = z.string().nullable();
const nullableCount = z.number().int().min(0).nullable();
const count = z.number().int().min(0);

const CallRowSchema = z
  .object({
    id: z.number().int(),
    report_id: nullableText,
    family: z.string(),
    model: z.string(),
    prompt_hash: z.string(),
    prompt_tokens: nullableCount,
    completion_tokens: nullableCount,
    latency_ms: count,
    outcome: z.enum(["ok", "repaired", "rejected", "failed"]),
    detail: nullableText,
    attempt: z.number().int().min(1),
    at: z.string(),
  })
  .transform((r): LlmCallRow => {
    const row: LlmCallRow = {
      id: r.id,
      family: r.family,
      model: r.model,
      promptHash: r.prompt_hash,
      latencyMs: r.latency_ms,
      outcome: r.outcome,
      attempt: r.attempt,
      at: r.at,
    };
    if (r.report_id !== null) row.reportId = r.report_id;
    if (r.prompt_tokens !== null) row.promptTokens = r.prompt_tokens;
    if (r.completion_tokens !== null) row.completionTokens = r.completion_tokens;
    if (r.detail !== null) row.detail = r.detail;
    return row;
  });

const TotalsRowSchema = z.object({
  model: z.string(),
  calls: count,
  ok: count,
  repaired: count,
  rejected: count,
  failed: count,
  promptTokens: count,
  completionTokens: count,
});

const COLUMNS =
  "id, report_id, family, model, prompt_hash, prompt_tokens, completion_tokens, latency_ms, outcome, detail, attempt, at";

/**
 * The record of every model call the drafter makes (table llm_calls, migration 3): which model was
 * asked what (by prompt hash, never the prompt or the key), how long it took, how many tokens it
 * used and whether its answer was used. It is how a deployment sees cost and failure rates, and how
 * a questioned sentence is traced back to the call that wrote it.
 */
export class LlmCallLog implements LlmCallRepository {
  readonly #s: SqliteSession;
  private readonly insert: Statement;
  private readonly all: Statement;
  private readonly ofReport: Statement;
  private readonly perModel: Statement;

  constructor(db: Database) {
    this.#s = SqliteSession.of(db);
    this.insert = db.prepare(
      `INSERT INTO llm_calls (report_id, family, model, prompt_hash, prompt_tokens, completion_tokens,
         latency_ms, outcome, detail, attempt, at)
       VALUES (@reportId, @family, @model, @promptHash, @promptTokens, @completionTokens,
         @latencyMs, @outcome, @detail, @attempt, @at)`,
    );
    this.all = db.prepare(`SELECT ${COLUMNS} FROM llm_calls ORDER BY id`);
    this.ofReport = db.prepare(`SELECT ${COLUMNS} FROM llm_calls WHERE report_id = ? ORDER BY id`);
    this.perModel = db.prepare(
      `SELECT model, count(*) AS calls,
         sum(outcome = 'ok') AS ok, sum(outcome = 'repaired') AS repaired,
         sum(outcome = 'rejected') AS rejected, sum(outcome = 'failed') AS failed,
         coalesce(sum(prompt_tokens), 0) AS promptTokens,
         coalesce(sum(completion_tokens), 0) AS completionTokens
       FROM llm_calls GROUP BY model ORDER BY model`,
    );
  }

  /** Appends one call; returns its row id. Latency is rounded to whole milliseconds. */
  async record(call: LlmCallRecord): Promise<number> {
    const info = await this.#s.run(() =>
      this.insert.run({
        reportId: call.reportId ?? null,
        family: call.family,
        model: call.model,
        promptHash: call.promptHash,
        promptTokens: call.promptTokens ?? null,
        completionTokens: call.completionTokens ?? null,
        latencyMs: Math.round(call.latencyMs),
        outcome: call.outcome,
        detail: call.detail ?? null,
        attempt: call.attempt,
        at: call.at,
      }),
    );
    return Number(info.lastInsertRowid);
  }

  /** Every call in the order made, or only those for `reportId`. */
  list(reportId?: string): LlmCallRow[] {
    const rows = reportId === undefined ? this.all.all() : this.ofReport.all(reportId);
    return rows.map((row) => readRow(CallRowSchema, row, "llm_calls", `id ${(row as { id: unknown }).id}`));
  }

  /** Per model (by name): number of calls, how each ended, and the tokens used. */
  totals(): LlmModelTotals[] {
    return this.perModel
      .all()
      .map((row) => readRow(TotalsRowSchema, row, "llm_calls", `model ${(row as { model: unknown }).model}`));
  }
}
