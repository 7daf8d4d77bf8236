import { leaseOf } from "../leases.ts";
import type { LeaseRepository, LeaseRow } from "../repositories.ts";
import { plainRow } from "./pg-rows.ts";
import type { PgSession } from "./pg-session.ts";

/**
 * Named leases on PostgreSQL (see Leases): INSERT … ON CONFLICT DO UPDATE … WHERE is one atomic
 * statement, so of several instances asking at once exactly one holds the name.
 */
export class PgLeases implements LeaseRepository {
  constructor(private readonly s: PgSession) {}

  /** Takes the lease when free, expired or already ours. */
  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const rows = await this.s.query(
      `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $4)
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= $3
       RETURNING holder`,
      [name, holder, now.toISOString(), new Date(now.getTime() + ttlMs).toISOString()],
    );
    return rows.length > 0;
  }

  /** Extends our lease; false when another holder has it. */
  async renew(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const changed = await this.s.change("UPDATE leases SET expires_at = $3 WHERE name = $1 AND holder = $2", [
      name,
      holder,
      new Date(now.getTime() + ttlMs).toISOString(),
    ]);
    return changed > 0;
  }

  /** Gives the lease up if it is still ours. */
  async release(name: string, holder: string): Promise<void> {
    await this.s.query("DELETE FROM leases WHERE name = $1 AND holder = $2", [name, holder]);
  }

  /** Every lease recorded, by name. */
  async list(): Promise<LeaseRow[]> {
    const rows = await this.s.query("SELECT name, holder, expires_at FROM leases ORDER BY name");
    return rows.map((row) => leaseOf(plainRow(row)));
  }
}
