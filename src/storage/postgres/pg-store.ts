import { readRow, toJson } from "../read-row.ts";
import type { ReportRepository } from "../repositories.ts";
import {
  type ConversationRow,
  ConversationRowSchema,
  type EventRow,
  EventRowSchema,
  type ProcessedMessageRow,
  type ReportRow,
  ReportRowSchema,
  SeqRowSchema,
  type UnitMemberRow,
  type UnitMembershipRow,
} from "../row-schemas.ts";
import { StorageError } from "../storage-error.ts";
import type {
  ConversationSave,
  MemberRole,
  NewEvent,
  NewReport,
  ProcessedMessageRecord,
  ReportUpdate,
  UnitRole,
} from "../store-inputs.ts";
import { PgMessageClaims } from "./pg-message-claims.ts";
import { LOCK, plainRow } from "./pg-rows.ts";
import type { PgSession } from "./pg-session.ts";
import { PgUnitMembers } from "./pg-unit-members.ts";

/** The report columns as the row schema reads them (the document as the text it was written as). */
export const PG_REPORT_COLUMNS = `r.id, r.unit_name, r.year, r.kind, r.doc::text AS doc, r.progress_done,
  r.progress_total, r.score, r.grade, r.created_by, r.created_at, r.updated_at`;

/** The reports user $1 may open: as a member, or through a unit of theirs (see Store). */
const CAN_ACCESS = `(
  EXISTS (SELECT 1 FROM report_members m WHERE m.report_id = r.id AND m.user_id = $1)
  OR EXISTS (SELECT 1 FROM unit_members u WHERE u.unit_name = r.unit_name AND u.user_id = $1))`;

/**
 * The report repository on PostgreSQL: what Store does on SQLite, over a pool shared by several
 * ziping instances. A turn is one transaction on one client; `lockConversation` takes a
 * transaction-scoped advisory lock on the conversation key, so the turns of one conversation run
 * one at a time across instances while other conversations go on. Event numbers of one report are
 * taken under an advisory lock on the report, since two conversations may write to one report.
 */
export class PgStore implements ReportRepository {
  readonly #claims: PgMessageClaims;
  readonly #units: PgUnitMembers;

  constructor(private readonly s: PgSession) {
    this.#claims = new PgMessageClaims(s);
    this.#units = new PgUnitMembers(s);
  }

  /** Runs `fn` in one transaction on one client (nested: a savepoint); a throw rolls it back. */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.s.transaction(fn);
  }

  /** Waits for any other instance's turn of this conversation; held until the transaction ends. */
  async lockConversation(key: string): Promise<void> {
    if (!this.s.inTransaction) throw new Error("lockConversation needs a transaction");
    await this.s.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK.conversation, key]);
  }

  /**
   * Records a chat user, or refreshes their display name (a missing name keeps the old one). The
   * row is written only when something changes, so turns of one user in two places do not queue
   * behind each other's lock on it.
   */
  async ensureUser(id: string, displayName: string | undefined, now: Date): Promise<void> {
    await this.s.query(
      "INSERT INTO users (id, display_name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
      [id, displayName ?? null, now.toISOString()],
    );
    if (displayName !== undefined)
      await this.s.query(
        "UPDATE users SET display_name = $2 WHERE id = $1 AND display_name IS DISTINCT FROM $2",
        [id, displayName],
      );
  }

  /** The saved state of a chat, or undefined before its first message. */
  async getConversation(key: string): Promise<ConversationRow | undefined> {
    const [row] = await this.s.query(
      "SELECT key, user_id, report_id, state::text AS state, updated_at FROM conversations WHERE key = $1",
      [key],
    );
    return row === undefined
      ? undefined
      : readRow(ConversationRowSchema, plainRow(row), "conversations", `key = ${key}`);
  }

  /** Saves a chat's state, inserting or replacing it. */
  async saveConversation(row: ConversationSave): Promise<void> {
    const state = toJson(row.state, "conversations", "state");
    await this.s.query(
      `INSERT INTO conversations (key, user_id, report_id, state, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO UPDATE SET user_id = excluded.user_id, report_id = excluded.report_id,
         state = excluded.state, updated_at = excluded.updated_at`,
      [row.key, row.userId, row.reportId, state, row.now.toISOString()],
    );
  }

  /** Creates a report with its first document; the creator becomes its owner. */
  async createReport(r: NewReport): Promise<void> {
    const doc = toJson(r.doc, "reports", "doc");
    await this.s.transaction(async () => {
      await this.s.query(
        "INSERT INTO reports (id, doc, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)",
        [r.id, doc, r.createdBy, r.now.toISOString()],
      );
      await this.addMember(r.id, r.createdBy, "owner");
    });
  }

  /** Gives a user a role on a report, replacing the role they had. */
  async addMember(reportId: string, userId: string, role: MemberRole): Promise<void> {
    await this.s.query(
      `INSERT INTO report_members (report_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (report_id, user_id) DO UPDATE SET role = excluded.role`,
      [reportId, userId, role],
    );
  }

  /** Whether the user has any role on the report. */
  async isMember(reportId: string, userId: string): Promise<boolean> {
    const rows = await this.s.query("SELECT 1 FROM report_members WHERE report_id = $1 AND user_id = $2", [
      reportId,
      userId,
    ]);
    return rows.length > 0;
  }

  /** Whether the user may open the report (member, or in its unit); false for a missing report. */
  async canAccess(reportId: string, userId: string): Promise<boolean> {
    const rows = await this.s.query(`SELECT 1 FROM reports r WHERE r.id = $2 AND ${CAN_ACCESS}`, [
      userId,
      reportId,
    ]);
    return rows.length > 0;
  }

  /** A report by id, or undefined. */
  async getReport(id: string): Promise<ReportRow | undefined> {
    const [row] = await this.s.query(`SELECT ${PG_REPORT_COLUMNS} FROM reports r WHERE r.id = $1`, [id]);
    return row === undefined ? undefined : readRow(ReportRowSchema, plainRow(row), "reports", `id = ${id}`);
  }

  /** Replaces a report's document and listing columns (unit name trimmed); a missing report is a bug. */
  async saveReport(r: ReportUpdate): Promise<void> {
    const changed = await this.s.change(
      `UPDATE reports SET doc = $2, unit_name = $3, year = $4, kind = $5, progress_done = $6,
         progress_total = $7, score = $8, grade = $9, updated_at = $10
       WHERE id = $1`,
      [
        r.id,
        toJson(r.doc, "reports", "doc"),
        r.unitName === null ? null : r.unitName.trim(),
        r.year,
        r.kind,
        r.progressDone,
        r.progressTotal,
        r.score,
        r.grade,
        r.now.toISOString(),
      ],
    );
    if (changed === 0) throw new StorageError("storage.report_missing", `报告 ${r.id} 不存在，无法保存`);
  }

  /** The reports a user can access, or all without a user; most recently updated first. */
  /** How many reports there are. */
  async reportCount(): Promise<number> {
    const [row] = await this.s.query<{ n: number }>("SELECT count(*)::int AS n FROM reports");
    return row?.n ?? 0;
  }

  async listReports(userId?: string): Promise<ReportRow[]> {
    const rows =
      userId === undefined
        ? await this.s.query(
            `SELECT ${PG_REPORT_COLUMNS} FROM reports r ORDER BY r.updated_at DESC, r.ordinal DESC`,
          )
        : await this.s.query(
            `SELECT ${PG_REPORT_COLUMNS} FROM reports r WHERE ${CAN_ACCESS}
             ORDER BY r.updated_at DESC, r.ordinal DESC`,
            [userId],
          );
    return rows.map((row) => readRow(ReportRowSchema, plainRow(row), "reports", `id = ${String(row.id)}`));
  }

  /** Appends to a report's event log; returns the entry's number (1, 2, 3, … with no gaps). */
  async appendEvent(e: NewEvent): Promise<number> {
    const changes = toJson(e.changes, "events", "changes");
    return this.s.transaction(async () => {
      await this.s.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK.report, e.reportId]);
      const [row] = await this.s.query(
        `INSERT INTO events (report_id, seq, user_id, message_id, at, kind, summary, changes)
         SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7 FROM events WHERE report_id = $1
         RETURNING seq`,
        [e.reportId, e.userId, e.messageId, e.at.toISOString(), e.kind, e.summary, changes],
      );
      return readRow(SeqRowSchema, row, "events", `report_id = ${e.reportId}`).seq;
    });
  }

  /** A report's event log in order. */
  async listEvents(reportId: string): Promise<EventRow[]> {
    const rows = await this.s.query(
      `SELECT report_id, seq, user_id, message_id, at, kind, summary, changes::text AS changes
       FROM events WHERE report_id = $1 ORDER BY seq`,
      [reportId],
    );
    return rows.map((row, i) =>
      readRow(EventRowSchema, plainRow(row), "events", `report_id = ${reportId}, 第 ${i + 1} 行`),
    );
  }

  /** See PgMessageClaims. */
  getProcessedMessage(messageId: string): Promise<ProcessedMessageRow | undefined> {
    return this.#claims.getProcessedMessage(messageId);
  }

  /** See PgMessageClaims: recording the same message twice is a bug and throws. */
  recordProcessedMessage(m: ProcessedMessageRecord): Promise<void> {
    return this.#claims.recordProcessedMessage(m);
  }

  /** See PgMessageClaims: marks a handled message's answer as sent. */
  claimAnswer(messageId: string, now: Date): Promise<boolean> {
    return this.#claims.claimAnswer(messageId, now);
  }

  /** See PgMessageClaims: true for exactly one of the instances handed the event. */
  claimEvent(eventId: string, now: Date): Promise<boolean> {
    return this.#claims.claimEvent(eventId, now);
  }

  /** See PgMessageClaims. */
  pruneEvents(before: Date): Promise<number> {
    return this.#claims.pruneEvents(before);
  }

  /** See PgMessageClaims. */
  pruneProcessedMessages(before: Date): Promise<number> {
    return this.#claims.pruneProcessedMessages(before);
  }

  /** See PgUnitMembers. */
  addUnitMember(unitName: string, userId: string, role: UnitRole, now: Date): Promise<void> {
    return this.#units.addUnitMember(unitName, userId, role, now);
  }

  /** See PgUnitMembers: false when they were not in it. */
  removeUnitMember(unitName: string, userId: string): Promise<boolean> {
    return this.#units.removeUnitMember(unitName, userId);
  }

  /** See PgUnitMembers. */
  unitsOf(userId: string): Promise<string[]> {
    return this.#units.unitsOf(userId);
  }

  /** See PgUnitMembers. */
  unitMembers(unitName: string): Promise<UnitMemberRow[]> {
    return this.#units.unitMembers(unitName);
  }

  /** See PgUnitMembers. */
  listUnitMembers(): Promise<UnitMembershipRow[]> {
    return this.#units.listUnitMembers();
  }
}
