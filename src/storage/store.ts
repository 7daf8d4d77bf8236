import type { Database, Statement } from "better-sqlite3";
import { readRow, toJson } from "./read-row.ts";
import type { ReportRepository } from "./repositories.ts";
import {
  type ConversationRow,
  ConversationRowSchema,
  type EventRow,
  EventRowSchema,
  type ProcessedMessageRow,
  ProcessedMessageRowSchema,
  type ReportRow,
  ReportRowSchema,
  SeqRowSchema,
  type UnitMemberRow,
  UnitMemberRowSchema,
  type UnitMembershipRow,
  UnitMembershipRowSchema,
  UnitNameSchema,
} from "./row-schemas.ts";
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
 * The repositories over one SQLite connection: users, reports and their members, units and their
 * members, conversations, the append-only event log, and the processed-message and Slack-event
 * records that make redelivery idempotent.
 * Every statement is prepared once here; JSON columns are written with JSON.stringify and every
 * row read is validated. Users must exist (`ensureUser`) before anything refers to them: foreign
 * keys are on. Times are stored as ISO-8601 UTC strings.
 */
export class Store implements ReportRepository {
  readonly #db: Database;
  readonly #upsertUser: Statement<[Named]>;
  readonly #getConversation: Statement<[string]>;
  readonly #upsertConversation: Statement<[Named]>;
  readonly #insertReport: Statement<[Named]>;
  readonly #insertMember: Statement<[Named]>;
  readonly #isMember: Statement<[string, string]>;
  readonly #getReport: Statement<[string]>;
  readonly #updateReport: Statement<[Named]>;
  readonly #listAllReports: Statement<[]>;
  readonly #listUserReports: Statement<[Named]>;
  readonly #canAccess: Statement<[Named]>;
  readonly #insertEvent: Statement<[Named]>;
  readonly #listEvents: Statement<[string]>;
  readonly #getProcessed: Statement<[string]>;
  readonly #insertProcessed: Statement<[Named]>;
  readonly #claimEvent: Statement<[Named]>;
  readonly #pruneEvents: Statement<[string]>;
  readonly #pruneProcessed: Statement<[string]>;
  readonly #upsertUnitMember: Statement<[Named]>;
  readonly #deleteUnitMember: Statement<[string, string]>;
  readonly #unitsOf: Statement<[string]>;
  readonly #unitMembers: Statement<[string]>;
  readonly #allUnitMembers: Statement<[]>;

  /** Takes a connection from `openDatabase`, already migrated (statements need the tables). */
  constructor(db: Database) {
    this.#db = db;
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
    this.#getProcessed = db.prepare(
      "SELECT conversation_key, replies FROM processed_messages WHERE message_id = ?",
    );
    this.#insertProcessed = db.prepare(`
      INSERT INTO processed_messages (message_id, conversation_key, replies, at)
      VALUES (@messageId, @conversationKey, @replies, @now)`);
    this.#claimEvent = db.prepare(
      "INSERT OR IGNORE INTO slack_events (event_id, received_at) VALUES (@eventId, @now)",
    );
    this.#pruneEvents = db.prepare("DELETE FROM slack_events WHERE received_at < ?");
    this.#pruneProcessed = db.prepare("DELETE FROM processed_messages WHERE at < ?");
    this.#upsertUnitMember = db.prepare(`
      INSERT INTO unit_members (unit_name, user_id, role, added_at) VALUES (@unitName, @userId, @role, @now)
      ON CONFLICT (unit_name, user_id) DO UPDATE SET role = excluded.role`);
    this.#deleteUnitMember = db.prepare("DELETE FROM unit_members WHERE unit_name = ? AND user_id = ?");
    this.#unitsOf = db
      .prepare("SELECT unit_name FROM unit_members WHERE user_id = ? ORDER BY unit_name")
      .pluck();
    this.#unitMembers = db.prepare(
      "SELECT user_id, role, added_at FROM unit_members WHERE unit_name = ? ORDER BY user_id",
    );
    this.#allUnitMembers = db.prepare("SELECT * FROM unit_members ORDER BY unit_name, user_id");
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction (the write lock is taken at the start, so a
   * read-then-write cannot be overtaken by another process) and returns its result. A throw rolls
   * everything back. Nested calls become savepoints. `fn` must be synchronous: a returned promise
   * is refused and rolled back, since the transaction would commit before it settled.
   */
  transaction<T>(fn: () => T): T {
    return this.#db
      .transaction(() => {
        const result = fn();
        if (result instanceof Promise) {
          throw new TypeError("Store.transaction needs a synchronous function; it returned a promise");
        }
        return result;
      })
      .immediate();
  }

  /** Records a chat user, or refreshes their display name (a missing name keeps the old one). */
  ensureUser(id: string, displayName: string | undefined, now: Date): void {
    this.#upsertUser.run({ id, displayName: displayName ?? null, now: now.toISOString() });
  }

  /** The saved state of a chat, or undefined before its first message. */
  getConversation(key: string): ConversationRow | undefined {
    const row = this.#getConversation.get(key);
    return row === undefined
      ? undefined
      : readRow(ConversationRowSchema, row, "conversations", `key = ${key}`);
  }

  /** Saves a chat's state, inserting or replacing it. */
  saveConversation(row: ConversationSave): void {
    this.#upsertConversation.run({
      key: row.key,
      userId: row.userId,
      reportId: row.reportId,
      state: toJson(row.state, "conversations", "state"),
      now: row.now.toISOString(),
    });
  }

  /**
   * Creates a report with its first document and makes the creator its owner. The listing columns
   * start empty (progress 0/0) until the first `saveReport`.
   */
  createReport(r: NewReport): void {
    this.transaction(() => {
      const doc = toJson(r.doc, "reports", "doc");
      this.#insertReport.run({ id: r.id, doc, createdBy: r.createdBy, now: r.now.toISOString() });
      this.addMember(r.id, r.createdBy, "owner");
    });
  }

  /** Gives a user a role on a report, replacing the role they had. */
  addMember(reportId: string, userId: string, role: MemberRole): void {
    this.#insertMember.run({ reportId, userId, role });
  }

  /** Whether the user has any role on the report. */
  isMember(reportId: string, userId: string): boolean {
    return this.#isMember.get(reportId, userId) !== undefined;
  }

  /**
   * Whether the user may open the report: they are a member of it, or they belong to the unit
   * named in its unit_name. False for a report that does not exist.
   */
  canAccess(reportId: string, userId: string): boolean {
    return this.#canAccess.get({ reportId, userId }) !== undefined;
  }

  /** A report by id, or undefined. */
  getReport(id: string): ReportRow | undefined {
    const row = this.#getReport.get(id);
    return row === undefined ? undefined : readRow(ReportRowSchema, row, "reports", `id = ${id}`);
  }

  /**
   * Replaces a report's document and listing columns; the unit name is trimmed so that unit
   * members match it exactly. A report that does not exist is a bug.
   */
  saveReport(r: ReportUpdate): void {
    const { changes } = this.#updateReport.run({
      id: r.id,
      doc: toJson(r.doc, "reports", "doc"),
      unitName: r.unitName === null ? null : r.unitName.trim(),
      year: r.year,
      kind: r.kind,
      progressDone: r.progressDone,
      progressTotal: r.progressTotal,
      score: r.score,
      grade: r.grade,
      now: r.now.toISOString(),
    });
    if (changes === 0) throw new StorageError("storage.report_missing", `报告 ${r.id} 不存在，无法保存`);
  }

  /**
   * The reports a user can access ({@link canAccess}: as a member or through their unit), each
   * once, or all reports without a user; most recently updated first.
   */
  listReports(userId?: string): ReportRow[] {
    const rows = userId === undefined ? this.#listAllReports.all() : this.#listUserReports.all({ userId });
    return rows.map((row) => readRow(ReportRowSchema, row, "reports", `id = ${rowId(row)}`));
  }

  /**
   * Appends to a report's event log and returns the entry's number: 1, 2, 3, … per report, with no
   * gaps, computed inside the insert so it cannot race.
   */
  appendEvent(e: NewEvent): number {
    const row = this.#insertEvent.get({
      reportId: e.reportId,
      userId: e.userId,
      messageId: e.messageId,
      at: e.at.toISOString(),
      kind: e.kind,
      summary: e.summary,
      changes: toJson(e.changes, "events", "changes"),
    });
    return readRow(SeqRowSchema, row, "events", `report_id = ${e.reportId}`).seq;
  }

  /** A report's event log in order. */
  listEvents(reportId: string): EventRow[] {
    return this.#listEvents
      .all(reportId)
      .map((row, i) => readRow(EventRowSchema, row, "events", `report_id = ${reportId}, 第 ${i + 1} 行`));
  }

  /** What was replied to a chat message already handled, or undefined for a new message. */
  getProcessedMessage(messageId: string): ProcessedMessageRow | undefined {
    const row = this.#getProcessed.get(messageId);
    return row === undefined
      ? undefined
      : readRow(ProcessedMessageRowSchema, row, "processed_messages", `message_id = ${messageId}`);
  }

  /** Records the replies to a message. Recording the same message twice is a bug and throws. */
  recordProcessedMessage(m: ProcessedMessageRecord): void {
    this.#insertProcessed.run({
      messageId: m.messageId,
      conversationKey: m.conversationKey,
      replies: toJson(m.replies, "processed_messages", "replies"),
      now: m.now.toISOString(),
    });
  }

  /**
   * Records a Slack event id as handled. True when this call recorded it (the first delivery: go
   * ahead), false when it was recorded before (a retry or redelivery, also after a restart: skip).
   */
  claimEvent(eventId: string, now: Date): boolean {
    return this.#claimEvent.run({ eventId, now: now.toISOString() }).changes === 1;
  }

  /**
   * Forgets the event ids received before `before` and returns how many. Slack retries within
   * about an hour, so callers keep a day.
   */
  pruneEvents(before: Date): number {
    return this.#pruneEvents.run(before.toISOString()).changes;
  }

  /**
   * Forgets the chat messages handled before `before` (their ids and recorded replies) and returns
   * how many. A message redelivered after that would be handled again, so callers keep weeks.
   */
  pruneProcessedMessages(before: Date): number {
    return this.#pruneProcessed.run(before.toISOString()).changes;
  }

  /**
   * Puts a user in a unit (recording the user first if new), or changes their role there; the
   * first joining time is kept. The unit name is trimmed, as report unit names are.
   */
  addUnitMember(unitName: string, userId: string, role: UnitRole, now: Date): void {
    this.transaction(() => {
      this.ensureUser(userId, undefined, now);
      this.#upsertUnitMember.run({ unitName: unitName.trim(), userId, role, now: now.toISOString() });
    });
  }

  /** Takes a user out of a unit; false when they were not in it. */
  removeUnitMember(unitName: string, userId: string): boolean {
    return this.#deleteUnitMember.run(unitName.trim(), userId).changes > 0;
  }

  /** The units a user belongs to, sorted. */
  unitsOf(userId: string): string[] {
    return this.#unitsOf
      .all(userId)
      .map((name) => readRow(UnitNameSchema, name, "unit_members", `user_id = ${userId}`));
  }

  /** The members of a unit (name trimmed), by user id. */
  unitMembers(unitName: string): UnitMemberRow[] {
    const name = unitName.trim();
    return this.#unitMembers
      .all(name)
      .map((row) => readRow(UnitMemberRowSchema, row, "unit_members", `unit_name = ${name}`));
  }

  /** Every unit membership, by unit name then user id: the whole table, for administrators. */
  listUnitMembers(): UnitMembershipRow[] {
    return this.#allUnitMembers
      .all()
      .map((row, i) => readRow(UnitMembershipRowSchema, row, "unit_members", `第 ${i + 1} 行`));
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
