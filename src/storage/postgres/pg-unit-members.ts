import { readRow } from "../read-row.ts";
import type { UnitMemberRepository } from "../repositories.ts";
import {
  type UnitMemberRow,
  UnitMemberRowSchema,
  type UnitMembershipRow,
  UnitMembershipRowSchema,
  UnitNameSchema,
} from "../row-schemas.ts";
import type { UnitRole } from "../store-inputs.ts";
import { plainRow } from "./pg-rows.ts";
import type { PgSession } from "./pg-session.ts";

/** Unit memberships on PostgreSQL (see SqliteUnitMembers): unit names trimmed when written. */
export class PgUnitMembers implements UnitMemberRepository {
  constructor(private readonly s: PgSession) {}

  /** Puts a user in a unit (recording the user first if new) or changes their role there. */
  async addUnitMember(unitName: string, userId: string, role: UnitRole, now: Date): Promise<void> {
    await this.s.transaction(async () => {
      await this.s.query(
        "INSERT INTO users (id, display_name, created_at) VALUES ($1, NULL, $2) ON CONFLICT (id) DO NOTHING",
        [userId, now.toISOString()],
      );
      await this.s.query(
        `INSERT INTO unit_members (unit_name, user_id, role, added_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (unit_name, user_id) DO UPDATE SET role = excluded.role`,
        [unitName.trim(), userId, role, now.toISOString()],
      );
    });
  }

  /** Takes a user out of a unit; false when they were not in it. */
  async removeUnitMember(unitName: string, userId: string): Promise<boolean> {
    const n = await this.s.change("DELETE FROM unit_members WHERE unit_name = $1 AND user_id = $2", [
      unitName.trim(),
      userId,
    ]);
    return n > 0;
  }

  /** The units a user belongs to, sorted (byte order, as SQLite sorts). */
  async unitsOf(userId: string): Promise<string[]> {
    const rows = await this.s.query<{ unit_name: unknown }>(
      'SELECT unit_name FROM unit_members WHERE user_id = $1 ORDER BY unit_name COLLATE "C"',
      [userId],
    );
    return rows.map((r) => readRow(UnitNameSchema, r.unit_name, "unit_members", `user_id = ${userId}`));
  }

  /** The members of a unit (name trimmed), by user id. */
  async unitMembers(unitName: string): Promise<UnitMemberRow[]> {
    const name = unitName.trim();
    const rows = await this.s.query(
      'SELECT user_id, role, added_at FROM unit_members WHERE unit_name = $1 ORDER BY user_id COLLATE "C"',
      [name],
    );
    return rows.map((r) => readRow(UnitMemberRowSchema, plainRow(r), "unit_members", `unit_name = ${name}`));
  }

  /** Every unit membership, by unit name then user id. */
  async listUnitMembers(): Promise<UnitMembershipRow[]> {
    const rows = await this.s.query(
      'SELECT * FROM unit_members ORDER BY unit_name COLLATE "C", user_id COLLATE "C"',
    );
    return rows.map((r, i) =>
      readRow(UnitMembershipRowSchema, plainRow(r), "unit_members", `第 ${i + 1} 行`),
    );
  }
}
