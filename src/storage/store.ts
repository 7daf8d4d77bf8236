import type { Database, Statement } from "better-sqlite3";
import { SqliteMessageClaims } from "./message-claims.ts";
import { readRow, toJson } from "./read-row.ts";
import type { ReportRepository } from "./repositories.ts";
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
} from "./row-schemas.ts";
import { SqliteSession } from "./sqlite-session.ts";
import { StorageError } from "./storage-error.ts";
import type {
  ConversationSave,
  MemberRole,
  NewEvent,
  NewReport,
  ProcessedMessageRecord,
  ReportUpdate,
  UnitRole,
} from "./store-inputs.ts";
import { SqliteUnitMembers } from "./unit-members.ts";

const REPORT_COLUMNS = `r.id, r.unit_name, r.year, r.kind, r.doc, r.progress_done, r.progress_total, r.score,
  r.grade, r.created_by, r.created_at, r.updated_at`;

/**
 * The reports `@userId` may open: those they are a member of, and those whose unit_name is a unit
 * they belong to. Unit names are trimmed when written, so the comparison is exact.
 */
const CAN_ACCESS = `(
  EXISTS (SELECT 1 FROM report_members m WHERE m.report_id = r.id AND m.user_id = @userId)
  OR EXISTS (SELECT 1 FROM unit_members u WHERE u.unit_name = r.unit_name AND u.user_id = @userId))`;

/** Binds named parameters; better-sqlite3 wants the object as the single argument. */
type Named = Record<string, unknown>;

/**
 * The repositories over one SQLite connection: users, reports and their members, conversations and
 * the append-only event log; the processed-message and event records (SqliteMessageClaims) and the
 * unit memberships (SqliteUnitMembers) are reached through it too.
 * Every statement is prepared once here; JSON columns are written with JSON.stringify and every
 * row read is validated. Users must exist (`ensureUser`) before anything refers to them: foreign
 * keys are on. Times are stored as ISO-8601 UTC strings. Every call waits for a transaction of
 * another caller to end (see SqliteSession).
 */
export class Store implements ReportRepository {
  readonly #db: Database;
  readonly #s: SqliteSession;
  readonly #claims: SqliteMessageClaims;
  readonly #units: SqliteUnitMembers;
  readonly #upsertUser: Statement<[Named]>;
  readonly #getConversation: Statement<[string]>;
  readonly #upsertConversation: Statement<[Named]>;
  readonly #insertReport: Statement<[Named]>;
  readonly #insertMember: Statement<[Named]>;
  readonly #isMember: Statement<[string, string]>;
  readonly #getReport: Statement<[string]>;
  readonly #updateReport: Statement<[Named]>;
  readonly #listAllReports: Statement<[]>;
  readonly #countReports: Statement<[]>;
  readonly #listUserReports: Statement<[Named]>;
  readonly #canAccess: Statement<[Named]>;
  readonly #insertEvent: Statement<[Named]>;
  readonly #listEvents: Statement<[string]>;

  /** Takes a connection from `openDatabase`, already migrated (statements need the tables). */
  constructor(db: Database) {
    this.#db = db;
    this.#s = SqliteSession.of(db);
    this.#claims = new SqliteMessageClaims(db);
    this.#units = new SqliteUnitMembers(db);
    this.#upsertUser = db.prepare(`
      INSERT INTO users (id, display_name, created_at) VALUES (@id, @displayName, @now)
      ON CONFLICT (id) DO UPDATE SET display_name = coalesce(excluded.display_name, users.display_name)`);
    this.#getConversation = db.prepare("SELECT * FROM conversations WHERE key = ?");
    this.#upsertConversation = db.prepare(`
      INSERT INTO conversations (key, user_id, report_id, state, updated_at)
      VALUES (@key, @userId, @reportId, @state, @now)
      ON CONFLICT (key) DO UPDATE SET user_id = excluded.user_id, report_id = excluded.report_id,
        state = excluded.state, updated_at = excluded.updated_at`);
    this.#insertReport = db.prepare(`
      INSERT INTO reports (id, doc, created_by, created_at, updated_at)
      VALUES (@id, @doc, @createdBy, @now, @now)`);
    this.#insertMember = db.prepare(`
      INSERT INTO report_members (report_id, user_id, role) VALUES (@reportId, @userId, @role)
      ON CONFLICT (report_id, user_id) DO UPDATE SET role = excluded.role`);
    this.#isMember = db.prepare("SELECT 1 FROM report_members WHERE report_id = ? AND user_id = ?").pluck();
    this.#getReport = db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.id = ?`);
    this.#updateReport = db.prepare(`
      UPDATE reports SET doc = @doc, unit_name = @unitName, year = @year, kind = @kind,
        progress_done = @progressDone, progress_total = @progressTotal, score = @score, grade = @grade,
        updated_at = @now
      WHERE id = @id`);
    this.#countReports = db.prepare("SELECT count(*) FROM reports").pluck();
    this.#listAllReports = db.prepare(
      `SELECT ${REPORT_COLUMNS} FROM reports r ORDER BY r.updated_at DESC, r.rowid DESC`,
    );
    this.#listUserReports = db.prepare(`
      SELECT ${REPORT_COLUMNS} FROM reports r WHERE ${CAN_ACCESS}
      ORDER BY r.updated_at DESC, r.rowid DESC`);
    this.#canAccess = db.prepare(`SELECT 1 FROM reports r WHERE r.id = @reportId AND ${CAN_ACCESS}`).pluck();
    this.#insertEvent = db.prepare(`
      INSERT INTO events (report_id, seq, user_id, message_id, at, kind, summary, changes)
      SELECT @reportId, coalesce(max(seq), 0) + 1, @userId, @messageId, @at, @kind, @summary, @changes
      FROM events WHERE report_id = @reportId
      RETURNING seq`);
    this.#listEvents = db.prepare("SELECT * FROM events WHERE report_id = ? ORDER BY seq");
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction (the write lock is taken at the start, so a
   * read-then-write cannot be overtaken by another process) and returns its result. A throw rolls
   * everything back. Nested calls become savepoints. Other callers of this connection wait until it
   * ends (see SqliteSession).
   */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.#s.transaction(fn);
  }

  /** Nothing to wait for: the IMMEDIATE transaction already makes every turn the only writer. */
  async lockConversation(_key: string): Promise<void> {}

  /** Records a chat user, or refreshes their display name (a missing name keeps the old one). */
  async ensureUser(id: string, displayName: string | undefined, now: Date): Promise<void> {
    await this.#s.run(() =>
      this.#upsertUser.run({ id, displayName: displayName ?? null, now: now.toISOString() }),
    );
  }

  /** The saved state of a chat, or undefined before its first message. */
  getConversation(key: string): Promise<ConversationRow | undefined> {
    return this.#s.run(() => {
      const row = this.#getConversation.get(key);
      return row === undefined
        ? undefined
        : readRow(ConversationRowSchema, row, "conversations", `key = ${key}`);
    });
  }

  /** Saves a chat's state, inserting or replacing it. */
  async saveConversation(row: ConversationSave): Promise<void> {
    const state = toJson(row.state, "conversations", "state");
    await this.#s.run(() =>
      this.#upsertConversation.run({
        key: row.key,
        userId: row.userId,
        reportId: row.reportId,
        state,
        now: row.now.toISOString(),
      }),
    );
  }

  /**
   * Creates a report with its first document and makes the creator its owner. The listing columns
   * start empty (progress 0/0) until the first `saveReport`.
   */
  async createReport(r: NewReport): Promise<void> {
    const doc = toJson(r.doc, "reports", "doc");
    await this.#s.run(() =>
      this.#db.transaction(() => {
        this.#insertReport.run({ id: r.id, doc, createdBy: r.createdBy, now: r.now.toISOString() });
        this.#insertMember.run({ reportId: r.id, userId: r.createdBy, role: "owner" });
      })(),
    );
  }

  /** Gives a user a role on a report, replacing the role they had. */
  async addMember(reportId: string, userId: string, role: MemberRole): Promise<void> {
    await this.#s.run(() => this.#insertMember.run({ reportId, userId, role }));
  }

  /** Whether the user has any role on the report. */
  isMember(reportId: string, userId: string): Promise<boolean> {
    return this.#s.run(() => this.#isMember.get(reportId, userId) !== undefined);
  }

  /**
   * Whether the user may open the report: they are a member of it, or they belong to the unit
   * named in its unit_name. False for a report that does not exist.
   */
  canAccess(reportId: string, userId: string): Promise<boolean> {
    return this.#s.run(() => this.#canAccess.get({ reportId, userId }) !== undefined);
  }

  /** A report by id, or undefined. */
  getReport(id: string): Promise<ReportRow | undefined> {
    return this.#s.run(() => {
      const row = this.#getReport.get(id);
      return row === undefined ? undefined : readRow(ReportRowSchema, row, "reports", `id = ${id}`);
    });
  }

  /**
   * Replaces a report's document and listing columns; the unit name is trimmed so that unit
   * members match it exactly. A report that does not exist is a bug.
   */
  async saveReport(r: ReportUpdate): Promise<void> {
    const doc = toJson(r.doc, "reports", "doc");
    const { changes } = await this.#s.run(() =>
      this.#updateReport.run({
        id: r.id,
        doc,
        unitName: r.unitName === null ? null : r.unitName.trim(),
        year: r.year,
        kind: r.kind,
        progressDone: r.progressDone,
        progressTotal: r.progressTotal,
        score: r.score,
        grade: r.grade,
        now: r.now.toISOString(),
      }),
    );
    if (changes === 0) throw new StorageError("storage.report_missing", `报告 ${r.id} 不存在，无法保存`);
  }

  /**
   * The reports a user can access ({@link canAccess}: as a member or through their unit), each
   * once, or all reports without a user; most recently updated first.
   */
  listReports(userId?: string): Promise<ReportRow[]> {
    return this.#s.run(() => {
      const rows = userId === undefined ? this.#listAllReports.all() : this.#listUserReports.all({ userId });
      return rows.map((row) => readRow(ReportRowSchema, row, "reports", `id = ${rowId(row)}`));
    });
  }

  /** How many reports there are. */
  reportCount(): Promise<number> {
    return this.#s.run(() => Number(this.#countReports.get()));
  }

  /**
   * Appends to a report's event log and returns the entry's number: 1, 2, 3, … per report, with no
   * gaps, computed inside the insert so it cannot race.
   */
  async appendEvent(e: NewEvent): Promise<number> {
    const changes = toJson(e.changes, "events", "changes");
    return this.#s.run(() => {
      const row = this.#insertEvent.get({
        reportId: e.reportId,
        userId: e.userId,
        messageId: e.messageId,
        at: e.at.toISOString(),
        kind: e.kind,
        summary: e.summary,
        changes,
      });
      return readRow(SeqRowSchema, row, "events", `report_id = ${e.reportId}`).seq;
    });
  }

  /** A report's event log in order. */
  listEvents(reportId: string): Promise<EventRow[]> {
    return this.#s.run(() =>
      this.#listEvents
        .all(reportId)
        .map((row, i) => readRow(EventRowSchema, row, "events", `report_id = ${reportId}, 第 ${i + 1} 行`)),
    );
  }

  /** See SqliteMessageClaims. */
  getProcessedMessage(messageId: string): Promise<ProcessedMessageRow | undefined> {
    return this.#claims.getProcessedMessage(messageId);
  }

  /** See SqliteMessageClaims: recording the same message twice is a bug and throws. */
  recordProcessedMessage(m: ProcessedMessageRecord): Promise<void> {
    return this.#claims.recordProcessedMessage(m);
  }

  /** See SqliteMessageClaims: marks a handled message's answer as sent. */
  claimAnswer(messageId: string, now: Date): Promise<boolean> {
    return this.#claims.claimAnswer(messageId, now);
  }

  /** See SqliteMessageClaims: true the first time an event id is seen. */
  claimEvent(eventId: string, now: Date): Promise<boolean> {
    return this.#claims.claimEvent(eventId, now);
  }

  /** See SqliteMessageClaims. */
  pruneEvents(before: Date): Promise<number> {
    return this.#claims.pruneEvents(before);
  }

  /** See SqliteMessageClaims. */
  pruneProcessedMessages(before: Date): Promise<number> {
    return this.#claims.pruneProcessedMessages(before);
  }

  /** See SqliteUnitMembers. */
  addUnitMember(unitName: string, userId: string, role: UnitRole, now: Date): Promise<void> {
    return this.#units.addUnitMember(unitName, userId, role, now);
  }

  /** See SqliteUnitMembers: false when they were not in it. */
  removeUnitMember(unitName: string, userId: string): Promise<boolean> {
    return this.#units.removeUnitMember(unitName, userId);
  }

  /** See SqliteUnitMembers. */
  unitsOf(userId: string): Promise<string[]> {
    return this.#units.unitsOf(userId);
  }

  /** See SqliteUnitMembers. */
  unitMembers(unitName: string): Promise<UnitMemberRow[]> {
    return this.#units.unitMembers(unitName);
  }

  /** See SqliteUnitMembers. */
  listUnitMembers(): Promise<UnitMembershipRow[]> {
    return this.#units.listUnitMembers();
  }

  /** Closes the connection; the store cannot be used afterwards. */
  close(): void {
    this.#db.close();
  }
}

/** The id of a raw row for an error message, before the row is validated. */
function rowId(row: unknown): string {
  return typeof row === "object" && row !== null && "id" in row ? String(row.id) : "?";
}
