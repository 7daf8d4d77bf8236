import type { Database, Statement } from "better-sqlite3";
import { z } from "zod";
import type {
  ClaimedJob,
  ClaimRequest,
  DeliveryJobRepository,
  JobCounts,
  JobStatus,
} from "./repositories.ts";
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

const StatusSchema = z.object({
  state: z.enum(["pending", "running", "done", "failed"]),
  attempts: z.number().int(),
  next_run_at: z.string(),
  locked_by: z.string().nullable(),
  locked_until: z.string().nullable(),
  last_error: z.string().nullable(),
});

/**
 * The oldest due job under one of the prefixes (a JSON array), taken for a worker: never tried (due
 * at once, whatever another instance's clock said), pending past its retry time, or running past its
 * lease (its worker died). Run inside an IMMEDIATE transaction, so the read and
 * the write hold the one write lock of the file against every other connection.
 */
const CLAIM = `
  UPDATE deliveries SET state = 'running', attempts = attempts + 1, locked_by = @worker, locked_until = @until
  WHERE id = (
    SELECT id FROM deliveries
    WHERE ((state = 'pending' AND (attempts = 0 OR next_run_at <= @now)) OR (state = 'running' AND locked_until < @now))
      AND EXISTS (SELECT 1 FROM json_each(@prefixes) p
                  WHERE substr(conversation_key, 1, length(p.value)) = p.value)
    ORDER BY id LIMIT 1)
  RETURNING id, conversation_key, report_id, doc, attempts, notice_ref`;

/**
 * The deliveries table: 生成报告 records a job in the same transaction as the turn, the adapter
 * finishes it after the files are written, and whatever is still pending (a crash while drafting)
 * is done again when the conversation reopens. Finishing twice is harmless.
 */
export class DeliveryJobs implements DeliveryJobRepository {
  readonly #s: SqliteSession;
  readonly #db: Database;
  readonly #add: Statement<[Named]>;
  readonly #pending: Statement<[string]>;
  readonly #pendingUnder: Statement<[Named]>;
  readonly #finish: Statement<[Named]>;
  readonly #claim: Statement<[Named]>;
  readonly #renew: Statement<[Named]>;
  readonly #setNotice: Statement<[Named]>;
  readonly #retry: Statement<[Named]>;
  readonly #fail: Statement<[Named]>;
  readonly #status: Statement<[number]>;
  readonly #states: Statement<[]>;
  readonly #lastFailure: Statement<[]>;

  constructor(db: Database) {
    this.#s = SqliteSession.of(db);
    this.#db = db;
    this.#add = db.prepare(`
      INSERT INTO deliveries (conversation_key, report_id, doc, requested_at, next_run_at)
      VALUES (@conversationKey, @reportId, @doc, @now, @now) RETURNING id`);
    this.#pending = db.prepare(
      "SELECT id, conversation_key, report_id, doc FROM deliveries WHERE conversation_key = ? AND done_at IS NULL ORDER BY id",
    );
    this.#pendingUnder = db.prepare(
      "SELECT id, conversation_key, report_id, doc FROM deliveries WHERE substr(conversation_key, 1, length(@prefix)) = @prefix AND done_at IS NULL ORDER BY id",
    );
    this.#finish = db.prepare(
      "UPDATE deliveries SET done_at = @now, state = 'done', locked_by = NULL, locked_until = NULL WHERE id = @id AND done_at IS NULL",
    );
    this.#claim = db.prepare(CLAIM);
    this.#renew = db.prepare(
      "UPDATE deliveries SET locked_until = @until WHERE id = @id AND state = 'running' AND locked_by = @worker",
    );
    this.#setNotice = db.prepare(
      "UPDATE deliveries SET notice_ref = @ref WHERE id = @id AND done_at IS NULL",
    );
    this.#retry = db.prepare(`
      UPDATE deliveries SET state = 'pending', next_run_at = @at, locked_by = NULL, locked_until = NULL,
        last_error = @error
      WHERE id = @id AND state = 'running' AND locked_by = @worker`);
    this.#fail = db.prepare(`
      UPDATE deliveries SET state = 'failed', done_at = @now, locked_by = NULL, locked_until = NULL,
        last_error = @error
      WHERE id = @id AND state = 'running' AND locked_by = @worker`);
    this.#states = db.prepare("SELECT state, count(*) AS n FROM deliveries GROUP BY state");
    this.#lastFailure = db.prepare(
      "SELECT report_id, done_at, last_error FROM deliveries WHERE state = 'failed' ORDER BY done_at DESC, id DESC LIMIT 1",
    );
    this.#status = db.prepare(
      "SELECT state, attempts, next_run_at, locked_by, locked_until, last_error FROM deliveries WHERE id = ?",
    );
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

  /** Takes the oldest due job under the prefixes for a worker (see DeliveryJobRepository.claim). */
  claim(request: ClaimRequest): Promise<ClaimedJob | undefined> {
    const params = {
      worker: request.worker,
      now: request.now.toISOString(),
      until: new Date(request.now.getTime() + request.leaseMs).toISOString(),
      prefixes: JSON.stringify(request.prefixes),
    };
    // A synchronous IMMEDIATE transaction: it never yields, so it never holds the file's write lock
    // across an await, and another process's worker waits for it (busy timeout) instead of racing.
    const claim = this.#db.transaction(() => this.#claim.get(params));
    return this.#s.run(() => {
      const row = claim.immediate();
      return row === undefined ? undefined : claimedOf(row);
    });
  }

  /** Extends `worker`'s lease of a running job to `until`; false when the lease was lost. */
  async renew(id: number, worker: string, until: Date): Promise<boolean> {
    const done = await this.#s.run(() => this.#renew.run({ id, worker, until: until.toISOString() }));
    return done.changes > 0;
  }

  /** A failed attempt: pending again at `at`, if `worker` still holds the job. */
  async retry(id: number, worker: string, error: string, at: Date): Promise<boolean> {
    const done = await this.#s.run(() => this.#retry.run({ id, worker, error, at: at.toISOString() }));
    return done.changes > 0;
  }

  /** The last failed attempt: failed for good, if `worker` still holds the job. */
  async fail(id: number, worker: string, error: string, now: Date): Promise<boolean> {
    const done = await this.#s.run(() => this.#fail.run({ id, worker, error, now: now.toISOString() }));
    return done.changes > 0;
  }

  /** Records where the job's 正在生成 notice is (see DeliveryJobRepository.setNotice). */
  async setNotice(id: number, ref: string): Promise<void> {
    await this.#s.run(() => this.#setNotice.run({ id, ref }));
  }

  /** How many jobs stand where, and the last failure. */
  counts(): Promise<JobCounts> {
    return this.#s.run(() => countsOf(this.#states.all(), this.#lastFailure.get()));
  }

  /** Where a job stands. */
  async status(id: number): Promise<JobStatus | undefined> {
    const row = await this.#s.run(() => this.#status.get(id));
    return row === undefined ? undefined : statusOf(row);
  }
}

const CountRowSchema = z.object({
  state: z.enum(["pending", "running", "done", "failed"]),
  n: z.number().int(),
});
const FailureRowSchema = z.object({
  report_id: z.string(),
  done_at: z.string().nullable(),
  last_error: z.string().nullable(),
});

/** Job counts from `SELECT state, count(*) AS n … GROUP BY state` and the last failed row (both engines). */
export function countsOf(states: readonly unknown[], last: unknown): JobCounts {
  const counts: JobCounts = { pending: 0, running: 0, failed: 0, done: 0, lastFailure: null };
  for (const raw of states) {
    const row = CountRowSchema.parse(raw);
    counts[row.state] = row.n;
  }
  if (last !== undefined) {
    const row = FailureRowSchema.parse(last);
    counts.lastFailure = { reportId: row.report_id, at: row.done_at ?? "", error: row.last_error ?? "" };
  }
  return counts;
}

/** A claimed row as a job with its attempts (PostgreSQL reads the same columns). */
export function claimedOf(raw: unknown): ClaimedJob {
  const claimed = z.object({ attempts: z.number().int(), notice_ref: z.string().nullable() }).parse(raw);
  return { ...jobOf(raw), attempts: claimed.attempts, noticeRef: claimed.notice_ref };
}

/** A status row (times already ISO strings) as a JobStatus. */
export function statusOf(raw: unknown): JobStatus {
  const row = StatusSchema.parse(raw);
  return {
    state: row.state,
    attempts: row.attempts,
    nextRunAt: row.next_run_at,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
  };
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
