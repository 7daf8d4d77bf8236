import type { DeliveryJob } from "../delivery-jobs.ts";
import { claimedOf, countsOf, jobOf, statusOf } from "../delivery-jobs.ts";
import type {
  ClaimedJob,
  ClaimRequest,
  DeliveryJobRepository,
  JobCounts,
  JobStatus,
} from "../repositories.ts";
import { iso, plainRow } from "./pg-rows.ts";
import type { PgSession } from "./pg-session.ts";

const JOB_COLUMNS = "id, conversation_key, report_id, doc::text AS doc";

/**
 * The oldest due job under one of the prefixes (never tried, past its retry time, or past its
 * lease), taken for a worker in one statement: the row is
 * locked by the subquery (FOR UPDATE), and a row another instance is taking is skipped (SKIP
 * LOCKED), so two workers never take the same job and neither waits for the other. The clock is a
 * parameter, not now(), so a test can move it.
 */
const CLAIM = `
  UPDATE deliveries SET state = 'running', attempts = attempts + 1, locked_by = $2, locked_until = $3
  WHERE id = (
    SELECT id FROM deliveries
    WHERE ((state = 'pending' AND (attempts = 0 OR next_run_at <= $1)) OR (state = 'running' AND locked_until < $1))
      AND EXISTS (SELECT 1 FROM unnest($4::text[]) AS p WHERE left(conversation_key, length(p)) = p)
    ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
  RETURNING ${JOB_COLUMNS}, attempts, notice_ref`;

/** The deliveries table on PostgreSQL (see DeliveryJobs): recorded in the turn's transaction. */
export class PgDeliveryJobs implements DeliveryJobRepository {
  constructor(private readonly s: PgSession) {}

  /** Records a requested draft; returns its id. */
  async add(job: { conversationKey: string; reportId: string; doc: unknown; now: Date }): Promise<number> {
    const [row] = await this.s.query<{ id: number }>(
      `INSERT INTO deliveries (conversation_key, report_id, doc, requested_at, next_run_at)
       VALUES ($1, $2, $3, $4, $4) RETURNING id`,
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
    await this.s.query(
      `UPDATE deliveries SET done_at = $2, state = 'done', locked_by = NULL, locked_until = NULL
       WHERE id = $1 AND done_at IS NULL`,
      [id, now.toISOString()],
    );
  }

  /** Takes the oldest due job under the prefixes for a worker (see DeliveryJobRepository.claim). */
  async claim(request: ClaimRequest): Promise<ClaimedJob | undefined> {
    const until = new Date(request.now.getTime() + request.leaseMs);
    const [row] = await this.s.query(CLAIM, [
      request.now.toISOString(),
      request.worker,
      until.toISOString(),
      [...request.prefixes],
    ]);
    return row === undefined ? undefined : claimedOf(row);
  }

  /** Extends `worker`'s lease of a running job to `until`; false when the lease was lost. */
  async renew(id: number, worker: string, until: Date): Promise<boolean> {
    const changed = await this.s.change(
      "UPDATE deliveries SET locked_until = $3 WHERE id = $1 AND state = 'running' AND locked_by = $2",
      [id, worker, until.toISOString()],
    );
    return changed > 0;
  }

  /** Records where the job's 正在生成 notice is (see DeliveryJobRepository.setNotice). */
  async setNotice(id: number, ref: string): Promise<void> {
    await this.s.query("UPDATE deliveries SET notice_ref = $2 WHERE id = $1 AND done_at IS NULL", [id, ref]);
  }

  /** A failed attempt: pending again at `at`, if `worker` still holds the job. */
  async retry(id: number, worker: string, error: string, at: Date): Promise<boolean> {
    const changed = await this.s.change(
      `UPDATE deliveries SET state = 'pending', next_run_at = $4, locked_by = NULL, locked_until = NULL,
         last_error = $3
       WHERE id = $1 AND state = 'running' AND locked_by = $2`,
      [id, worker, error, at.toISOString()],
    );
    return changed > 0;
  }

  /** The last failed attempt: failed for good, if `worker` still holds the job. */
  async fail(id: number, worker: string, error: string, now: Date): Promise<boolean> {
    const changed = await this.s.change(
      `UPDATE deliveries SET state = 'failed', done_at = $4, locked_by = NULL, locked_until = NULL,
         last_error = $3
       WHERE id = $1 AND state = 'running' AND locked_by = $2`,
      [id, worker, error, now.toISOString()],
    );
    return changed > 0;
  }

  /** Where a job stands, times as ISO strings. */
  async status(id: number): Promise<JobStatus | undefined> {
    const [row] = await this.s.query(
      `SELECT state, attempts, ${iso("next_run_at")}, locked_by, ${iso("locked_until")}, last_error
       FROM deliveries WHERE id = $1`,
      [id],
    );
    return row === undefined ? undefined : statusOf(row);
  }

  /** How many jobs stand where, and the last failure. */
  async counts(): Promise<JobCounts> {
    const states = await this.s.query("SELECT state, count(*)::int AS n FROM deliveries GROUP BY state");
    const [last] = await this.s.query(
      `SELECT report_id, done_at, last_error FROM deliveries WHERE state = 'failed'
       ORDER BY done_at DESC, id DESC LIMIT 1`,
    );
    return countsOf(states, last === undefined ? undefined : plainRow(last));
  }
}
