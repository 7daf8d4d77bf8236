import type { Database, Statement } from "better-sqlite3";
import { readRow } from "./read-row.ts";
import type { UnitMemberRepository } from "./repositories.ts";
import {
  type UnitMemberRow,
  UnitMemberRowSchema,
  type UnitMembershipRow,
  UnitMembershipRowSchema,
  UnitNameSchema,
} from "./row-schemas.ts";
import { SqliteSession } from "./sqlite-session.ts";
import type { UnitRole } from "./store-inputs.ts";

type Named = Record<string, unknown>;

/**
 * Unit memberships on SQLite (table unit_members): a user in a unit may open every report whose
 * unit_name is that unit. Unit names are trimmed when written, as report unit names are.
 */
export class SqliteUnitMembers implements UnitMemberRepository {
  readonly #s: SqliteSession;
  readonly #upsertUser: Statement<[Named]>;
  readonly #upsert: Statement<[Named]>;
  readonly #delete: Statement<[string, string]>;
  readonly #unitsOf: Statement<[string]>;
  readonly #members: Statement<[string]>;
  readonly #all: Statement<[]>;

  constructor(db: Database) {
    this.#s = SqliteSession.of(db);
    this.#upsertUser = db.prepare(
      "INSERT INTO users (id, display_name, created_at) VALUES (@id, NULL, @now) ON CONFLICT (id) DO NOTHING",
    );
    this.#upsert = db.prepare(`
      INSERT INTO unit_members (unit_name, user_id, role, added_at) VALUES (@unitName, @userId, @role, @now)
      ON CONFLICT (unit_name, user_id) DO UPDATE SET role = excluded.role`);
    this.#delete = db.prepare("DELETE FROM unit_members WHERE unit_name = ? AND user_id = ?");
    this.#unitsOf = db
      .prepare("SELECT unit_name FROM unit_members WHERE user_id = ? ORDER BY unit_name")
      .pluck();
    this.#members = db.prepare(
      "SELECT user_id, role, added_at FROM unit_members WHERE unit_name = ? ORDER BY user_id",
    );
    this.#all = db.prepare("SELECT * FROM unit_members ORDER BY unit_name, user_id");
  }

  /**
   * Puts a user in a unit (recording the user first if new), or changes their role there; the
   * first joining time is kept.
   */
  async addUnitMember(unitName: string, userId: string, role: UnitRole, now: Date): Promise<void> {
    await this.#s.run(() =>
      this.#s.db.transaction(() => {
        this.#upsertUser.run({ id: userId, now: now.toISOString() });
        this.#upsert.run({ unitName: unitName.trim(), userId, role, now: now.toISOString() });
      })(),
    );
  }

  /** Takes a user out of a unit; false when they were not in it. */
  removeUnitMember(unitName: string, userId: string): Promise<boolean> {
    return this.#s.run(() => this.#delete.run(unitName.trim(), userId).changes > 0);
  }

  /** The units a user belongs to, sorted. */
  unitsOf(userId: string): Promise<string[]> {
    return this.#s.run(() =>
      this.#unitsOf
        .all(userId)
        .map((name) => readRow(UnitNameSchema, name, "unit_members", `user_id = ${userId}`)),
    );
  }

  /** The members of a unit (name trimmed), by user id. */
  unitMembers(unitName: string): Promise<UnitMemberRow[]> {
    const name = unitName.trim();
    return this.#s.run(() =>
      this.#members
        .all(name)
        .map((row) => readRow(UnitMemberRowSchema, row, "unit_members", `unit_name = ${name}`)),
    );
  }

  /** Every unit membership, by unit name then user id: the whole table, for administrators. */
  listUnitMembers(): Promise<UnitMembershipRow[]> {
    return this.#s.run(() =>
      this.#all
        .all()
        .map((row, i) => readRow(UnitMembershipRowSchema, row, "unit_members", `第 ${i + 1} 行`)),
    );
  }
}
