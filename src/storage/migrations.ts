import type { Database } from "better-sqlite3";
import { StorageError } from "./storage-error.ts";

/** One step of the schema: applied once, in its own transaction, then recorded in `user_version`. */
export interface Migration {
  /** 1, 2, 3, … with no gaps; the database's `PRAGMA user_version` is the last one applied. */
  version: number;
  /** What the step does, for people reading the list. */
  name: string;
  sql: string;
}

/**
 * The schema, oldest step first. Never edit a step that has shipped: add the next one.
 * `events` is append-only (triggers refuse UPDATE and DELETE) because it is the audit trail of
 * who changed what in a report.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "users, reports, members, conversations, event log, processed messages",
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        display_name TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        unit_name TEXT,
        year INTEGER,
        kind TEXT,
        doc TEXT NOT NULL,
        progress_done INTEGER NOT NULL DEFAULT 0,
        progress_total INTEGER NOT NULL DEFAULT 0,
        score REAL,
        grade TEXT,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reports_updated_at ON reports(updated_at);

      CREATE TABLE report_members (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        PRIMARY KEY (report_id, user_id)
      ) STRICT;
      CREATE INDEX report_members_user ON report_members(user_id);

      CREATE TABLE conversations (
        key TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        report_id TEXT REFERENCES reports(id) ON DELETE SET NULL,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX conversations_report ON conversations(report_id);

      CREATE TABLE events (
        report_id TEXT NOT NULL REFERENCES reports(id),
        seq INTEGER NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        message_id TEXT,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        summary TEXT NOT NULL,
        changes TEXT NOT NULL,
        PRIMARY KEY (report_id, seq)
      ) STRICT;
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, '事件日志只能追加，不能修改'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, '事件日志只能追加，不能删除'); END;

      CREATE TABLE processed_messages (
        message_id TEXT PRIMARY KEY,
        conversation_key TEXT NOT NULL,
        replies TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX processed_messages_at ON processed_messages(at);
    `,
  },
  {
    version: 2,
    name: "copy-detection corpus: documents, winnowed fingerprints, boilerplate hashes",
    // corpus_prints is WITHOUT ROWID with the hash first in its key: a lookup is one seek and a
    // run of neighbouring rows, and the table is its own index (a rowid table plus an index on
    // hash would store every row twice). pos is in the key because a k-gram can be selected at
    // several places in one document; the query needs each place to line passages up.
    sql: `
      CREATE TABLE corpus_documents (
        id INTEGER PRIMARY KEY,
        agency TEXT NOT NULL CHECK (agency <> ''),
        year INTEGER,
        title TEXT,
        source TEXT,
        kind TEXT,
        content_hash TEXT UNIQUE NOT NULL,
        text TEXT NOT NULL CHECK (text <> ''),
        added_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE corpus_prints (
        hash INTEGER NOT NULL,
        doc_id INTEGER NOT NULL REFERENCES corpus_documents(id),
        pos INTEGER NOT NULL,
        PRIMARY KEY (hash, doc_id, pos)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE corpus_boilerplate (
        hash INTEGER PRIMARY KEY
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: "LLM call log: one row per model call of the drafter (model, prompt hash, tokens, latency, outcome)",
    // No foreign key on report_id: a call is recorded even when the draft is for a report that is
    // not stored (ziping draft on a file), and the log must outlive a deleted report for audit.
    sql: `
      CREATE TABLE llm_calls (
        id INTEGER PRIMARY KEY,
        report_id TEXT,
        family TEXT NOT NULL,
        model TEXT NOT NULL,
        prompt_hash TEXT NOT NULL,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        latency_ms INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'repaired', 'rejected', 'failed')),
        detail TEXT,
        attempt INTEGER NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX llm_calls_report ON llm_calls(report_id);
    `,
  },
  {
    version: 4,
    name: "Slack: event ids already handled; unit memberships (which 单位 a user belongs to)",
    // slack_events makes a retried or redelivered Slack event run once, also across a restart; it
    // is pruned by received_at. unit_members gives a user every report whose unit_name is their
    // unit, beside the per-report report_members; the index on user_id answers "my units".
    sql: `
      CREATE TABLE slack_events (
        event_id TEXT PRIMARY KEY,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX slack_events_received_at ON slack_events(received_at);

      CREATE TABLE unit_members (
        unit_name TEXT NOT NULL CHECK (unit_name <> ''),
        user_id TEXT NOT NULL REFERENCES users(id),
        role TEXT NOT NULL CHECK (role IN ('member', 'admin')),
        added_at TEXT NOT NULL,
        PRIMARY KEY (unit_name, user_id)
      ) STRICT;
      CREATE INDEX unit_members_user ON unit_members(user_id);
    `,
  },
  {
    version: 5,
    name: "unit names of existing reports trimmed, as saveReport now writes them",
    // canAccess compares reports.unit_name with unit_members.unit_name exactly; both are trimmed on
    // write from version 4 on, so rows written before are trimmed once here.
    sql: `UPDATE reports SET unit_name = trim(unit_name) WHERE unit_name <> trim(unit_name);`,
  },
  {
    version: 6,
    name: "deliveries: a requested draft recorded with the turn that asked for it, finished after its files",
    // 生成报告 commits a pending row in the turn's transaction; the adapter marks it done once the
    // files are written, and a restarted conversation finishes the rows still pending.
    sql: `
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        conversation_key TEXT NOT NULL,
        report_id TEXT NOT NULL REFERENCES reports(id),
        doc TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        done_at TEXT
      ) STRICT;
      CREATE INDEX deliveries_pending ON deliveries(conversation_key) WHERE done_at IS NULL;
    `,
  },
  {
    version: 7,
    name: "deliveries as durable jobs (state, attempts, next run, lease, last error); leases of single connections",
    // A worker claims a due job by taking its lease (locked_by, locked_until); a failure is retried
    // at next_run_at; a worker that dies loses the lease and another takes the job. Times are ISO
    // strings (toISOString), so they compare as text. leases: one holder per name (a WeCom bot).
    sql: `
      ALTER TABLE deliveries ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'running', 'done', 'failed'));
      ALTER TABLE deliveries ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE deliveries ADD COLUMN next_run_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE deliveries ADD COLUMN locked_by TEXT;
      ALTER TABLE deliveries ADD COLUMN locked_until TEXT;
      ALTER TABLE deliveries ADD COLUMN last_error TEXT;
      UPDATE deliveries SET next_run_at = requested_at,
        state = CASE WHEN done_at IS NULL THEN 'pending' ELSE 'done' END;
      CREATE INDEX deliveries_due ON deliveries(next_run_at) WHERE state IN ('pending', 'running');
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: "processed messages: when the answer was confirmed sent (a redelivery after a crash sends it)",
    // answered_at stays NULL between a turn's commit and its replies being sent: an instance that
    // dies there leaves the answer for the redelivered message to send. Rows from before were sent.
    sql: `
      ALTER TABLE processed_messages ADD COLUMN answered_at TEXT;
      UPDATE processed_messages SET answered_at = at;
    `,
  },
  {
    version: 9,
    name: "deliveries: the platform reference of the job's 正在生成 notice, for any instance to replace",
    sql: "ALTER TABLE deliveries ADD COLUMN notice_ref TEXT;",
  },
];

/** The schema version this code writes: the last migration's. */
export const LATEST_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;

/** Reads `PRAGMA user_version`: 0 for a new database, else the last migration applied. */
export function schemaVersion(db: Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Brings the database up to the last of `migrations`, each step in its own IMMEDIATE transaction
 * so two processes opening the same file cannot both apply it. A database whose version is newer
 * than the code knows is refused rather than written to by code that does not understand it.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
    }
  });
  const latest = migrations.length;
  const found = schemaVersion(db);
  if (found > latest) {
    throw new StorageError(
      "storage.too_new",
      `数据库 ${db.name} 的结构版本是 ${found}，而本程序只认识到版本 ${latest}：它由更新版本的 ziping 创建。请升级 ziping 后再打开，以免旧程序写坏数据。`,
    );
  }
  for (const m of migrations) {
    db.transaction(() => {
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
