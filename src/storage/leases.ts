import type { Database, Statement } from "better-sqlite3";
import { z } from "zod";
import type { LeaseRepository, LeaseRow } from "./repositories.ts";
import { SqliteSession } from "./sqlite-session.ts";

type Named = Record<string, unknown>;

/**
 * Named leases on SQLite (the leases table): one holder per name until its lease expires, when
 * anyone may take it. A platform connection that must be unique (a WeCom bot) is started only by
 * the holder, which renews it every few seconds; if it dies, another takes over once it expires.
 */
export class Leases implements LeaseRepository {
  readonly #s: SqliteSession;
  readonly #acquire: Statement<[Named]>;
  readonly #renew: Statement<[Named]>;
  readonly #release: Statement<[Named]>;
  readonly #list: Statement<[]>;

  constructor(db: Database) {
    this.#s = SqliteSession.of(db);
    // One statement: a free name is inserted; a held one changes hands only when expired or ours.
    this.#acquire = db.prepare(`
      INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE leases.holder = excluded.holder OR leases.expires_at <= @now
      RETURNING holder`);
    this.#renew = db.prepare("UPDATE leases SET expires_at = @until WHERE name = @name AND holder = @holder");
    this.#release = db.prepare("DELETE FROM leases WHERE name = @name AND holder = @holder");
    this.#list = db.prepare("SELECT name, holder, expires_at FROM leases ORDER BY name");
  }

  /** Takes the lease when free, expired or already ours. */
  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const row = await this.#s.run(() => this.#acquire.get({ name, holder, ...times(now, ttlMs) }));
    return row !== undefined;
  }

  /** Extends our lease; false when another holder has it. */
  async renew(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const done = await this.#s.run(() => this.#renew.run({ name, holder, until: times(now, ttlMs).until }));
    return done.changes > 0;
  }

  /** Gives the lease up if it is still ours. */
  async release(name: string, holder: string): Promise<void> {
    await this.#s.run(() => this.#release.run({ name, holder }));
  }

  /** Every lease recorded, by name. */
  list(): Promise<LeaseRow[]> {
    return this.#s.run(() => this.#list.all().map(leaseOf));
  }
}

const LeaseRowSchema = z.object({ name: z.string(), holder: z.string(), expires_at: z.string() });

/** A leases row (PostgreSQL reads its time as an ISO string too). */
export function leaseOf(raw: unknown): LeaseRow {
  const row = LeaseRowSchema.parse(raw);
  return { name: row.name, holder: row.holder, expiresAt: row.expires_at };
}

/** `now` and `now + ttlMs` as ISO strings. */
function times(now: Date, ttlMs: number): { now: string; until: string } {
  return { now: now.toISOString(), until: new Date(now.getTime() + ttlMs).toISOString() };
}
