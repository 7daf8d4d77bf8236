import type { Database, Statement } from "better-sqlite3";
import { z } from "zod";
import type { DeliveryJobRepository } from "./repositories.ts";
import { SqliteSession } from "./sqlite-session.ts";

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
  readonly #s: SqliteSession;
  readonly #add: Statement<[Named]>;
  readonly #pending: Statement<[string]>;
  readonly #pendingUnder: Statement<[Named]>;
  readonly #finish: Statement<[Named]>;

  constructor(db: Database) {
    this.#s = SqliteSession.of(db);
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
  async add(job: { conversationKey: string; reportId: string; doc: unknown; now: Date }): Promise<number> {
    const row = (await this.#s.run(() =>
      this.#add.get({
        conversationKey: job.conversationKey,
        reportId: job.reportId,
        doc: JSON.stringify(job.doc),
        now: job.now.toISOString(),
      }),
    )) as { id: number };
    return row.id;
  }

  /** The drafts of a conversation still to hand over, oldest first. */
  pending(conversationKey: string): Promise<DeliveryJob[]> {
    return this.#s.run(() => this.#pending.all(conversationKey).map(jobOf));
  }

  /**
   * The drafts still to hand over in every conversation whose key starts with `prefix` ("slack:"),
   * oldest first: a channel whose conversations do not "reopen" (Slack) finishes them at start.
   */
  pendingUnder(prefix: string): Promise<DeliveryJob[]> {
    return this.#s.run(() => this.#pendingUnder.all({ prefix }).map(jobOf));
  }

  /** Marks a job handed over (its files written, or refused for a reason the officer was told). */
  async finish(id: number, now: Date): Promise<void> {
    await this.#s.run(() => this.#finish.run({ id, now: now.toISOString() }));
  }
}

/** A deliveries row as a job, its document parsed (PostgreSQL reads the same columns). */
export function jobOf(raw: unknown): DeliveryJob {
  const row = RowSchema.parse(raw);
  return {
    id: row.id,
    conversationKey: row.conversation_key,
    reportId: row.report_id,
    doc: JSON.parse(row.doc) as unknown,
  };
}
