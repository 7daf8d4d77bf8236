import type { Database, Statement } from "better-sqlite3";
import { z } from "zod";
import type { DeliveryJobRepository } from "./repositories.ts";

/** A requested draft not yet handed over: the report as it was when 生成报告 was said. */
export interface DeliveryJob {
  id: number;
  conversationKey: string;
  reportId: string;
  doc: unknown;
}

const RowSchema = z.object({
  id: z.number().int(),
  conversation_key: z.string(),
  report_id: z.string(),
  doc: z.string(),
});

type Named = Record<string, unknown>;

/**
 * The deliveries table: 生成报告 records a job in the same transaction as the turn, the adapter
 * finishes it after the files are written, and whatever is still pending (a crash while drafting)
 * is done again when the conversation reopens. Finishing twice is harmless.
 */
export class DeliveryJobs implements DeliveryJobRepository {
  readonly #add: Statement<[Named]>;
  readonly #pending: Statement<[string]>;
  readonly #pendingUnder: Statement<[Named]>;
  readonly #finish: Statement<[Named]>;

  constructor(db: Database) {
    this.#add = db.prepare(`
      INSERT INTO deliveries (conversation_key, report_id, doc, requested_at)
      VALUES (@conversationKey, @reportId, @doc, @now) RETURNING id`);
    this.#pending = db.prepare(
      "SELECT id, conversation_key, report_id, doc FROM deliveries WHERE conversation_key = ? AND done_at IS NULL ORDER BY id",
    );
    this.#pendingUnder = db.prepare(
      "SELECT id, conversation_key, report_id, doc FROM deliveries WHERE substr(conversation_key, 1, length(@prefix)) = @prefix AND done_at IS NULL ORDER BY id",
    );
    this.#finish = db.prepare("UPDATE deliveries SET done_at = @now WHERE id = @id AND done_at IS NULL");
  }

  /** Records a requested draft; returns its id. */
  add(job: { conversationKey: string; reportId: string; doc: unknown; now: Date }): number {
    const row = this.#add.get({
      conversationKey: job.conversationKey,
      reportId: job.reportId,
      doc: JSON.stringify(job.doc),
      now: job.now.toISOString(),
    }) as { id: number };
    return row.id;
  }

  /** The drafts of a conversation still to hand over, oldest first. */
  pending(conversationKey: string): DeliveryJob[] {
    return this.#pending.all(conversationKey).map(jobOf);
  }

  /**
   * The drafts still to hand over in every conversation whose key starts with `prefix` ("slack:"),
   * oldest first: a channel whose conversations do not "reopen" (Slack) finishes them at start.
   */
  pendingUnder(prefix: string): DeliveryJob[] {
    return this.#pendingUnder.all({ prefix }).map(jobOf);
  }

  /** Marks a job handed over (its files written, or refused for a reason the officer was told). */
  finish(id: number, now: Date): void {
    this.#finish.run({ id, now: now.toISOString() });
  }
}

function jobOf(raw: unknown): DeliveryJob {
  const row = RowSchema.parse(raw);
  return {
    id: row.id,
    conversationKey: row.conversation_key,
    reportId: row.report_id,
    doc: JSON.parse(row.doc) as unknown,
  };
}
