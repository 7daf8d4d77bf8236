import type { DeliveryJob } from "../delivery-jobs.ts";
import { jobOf } from "../delivery-jobs.ts";
import type { DeliveryJobRepository } from "../repositories.ts";
import type { PgSession } from "./pg-session.ts";

const JOB_COLUMNS = "id, conversation_key, report_id, doc::text AS doc";

/** The deliveries table on PostgreSQL (see DeliveryJobs): recorded in the turn's transaction. */
export class PgDeliveryJobs implements DeliveryJobRepository {
  constructor(private readonly s: PgSession) {}

  /** Records a requested draft; returns its id. */
  async add(job: { conversationKey: string; reportId: string; doc: unknown; now: Date }): Promise<number> {
    const [row] = await this.s.query<{ id: number }>(
      `INSERT INTO deliveries (conversation_key, report_id, doc, requested_at) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [job.conversationKey, job.reportId, JSON.stringify(job.doc), job.now.toISOString()],
    );
    if (row === undefined) throw new Error("INSERT … RETURNING gave no row");
    return row.id;
  }

  /** The drafts of a conversation still to hand over, oldest first. */
  async pending(conversationKey: string): Promise<DeliveryJob[]> {
    const rows = await this.s.query(
      `SELECT ${JOB_COLUMNS} FROM deliveries WHERE conversation_key = $1 AND done_at IS NULL ORDER BY id`,
      [conversationKey],
    );
    return rows.map(jobOf);
  }

  /** The drafts still to hand over in every conversation whose key starts with `prefix`. */
  async pendingUnder(prefix: string): Promise<DeliveryJob[]> {
    const rows = await this.s.query(
      `SELECT ${JOB_COLUMNS} FROM deliveries
       WHERE left(conversation_key, length($1)) = $1 AND done_at IS NULL ORDER BY id`,
      [prefix],
    );
    return rows.map(jobOf);
  }

  /** Marks a job handed over; finishing twice is harmless. */
  async finish(id: number, now: Date): Promise<void> {
    await this.s.query("UPDATE deliveries SET done_at = $2 WHERE id = $1 AND done_at IS NULL", [
      id,
      now.toISOString(),
    ]);
  }
}
