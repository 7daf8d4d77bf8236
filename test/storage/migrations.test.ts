import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  LATEST_VERSION,
  MIGRATIONS,
  type Migration,
  migrate,
  schemaVersion,
} from "../../src/storage/index.ts";

const createLog: Migration = { version: 1, name: "log", sql: "CREATE TABLE log (step TEXT NOT NULL);" };
const writeTwo: Migration = { version: 2, name: "two", sql: "INSERT INTO log VALUES ('two');" };

function steps(db: BetterSqlite3.Database): string[] {
  return db.prepare("SELECT step FROM log ORDER BY rowid").pluck().all() as string[];
}

describe("migrate", () => {
  it("creates the tables of migrations 1 to 4 and records version 4", () => {
    const db = new BetterSqlite3(":memory:");
    migrate(db);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      "conversations",
      "corpus_boilerplate",
      "corpus_documents",
      "corpus_prints",
      "deliveries",
      "events",
      "leases",
      "llm_calls",
      "processed_messages",
      "report_members",
      "reports",
      "slack_events",
      "unit_members",
      "users",
    ]);
    expect(schemaVersion(db)).toBe(9);
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    db.close();
  });

  it("upgrades a version-7 database: messages handled before count as answered, new ones start unanswered", () => {
    const db = new BetterSqlite3(":memory:");
    migrate(db, MIGRATIONS.slice(0, 7));
    db.prepare(
      "INSERT INTO processed_messages (message_id, conversation_key, replies, at) VALUES ('m1', 'c', '[]', '2026-12-01T08:00:00.000Z')",
    ).run();
    migrate(db);
    expect(schemaVersion(db)).toBe(9);
    expect(
      db.prepare("SELECT answered_at FROM processed_messages WHERE message_id = 'm1'").pluck().get(),
    ).toBe("2026-12-01T08:00:00.000Z");
    db.close();
  });

  it("upgrades a version-3 database to 4: STRICT Slack-event and unit tables, existing rows kept", () => {
    const db = new BetterSqlite3(":memory:");
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO users VALUES ('U1', '张三', '2025-03-01T08:00:00.000Z')").run();
    migrate(db);
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare("SELECT display_name FROM users").pluck().get()).toBe("张三");
    const sql = (name: string) =>
      db.prepare("SELECT sql FROM sqlite_schema WHERE name = ?").pluck().get(name) as string;
    expect(sql("slack_events")).toContain(") STRICT");
    expect(sql("unit_members")).toContain(") STRICT");
    expect(
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        .pluck()
        .all(),
    ).toEqual(expect.arrayContaining(["slack_events_received_at", "unit_members_user"]));
    db.pragma("foreign_keys = ON");
    const add = db.prepare("INSERT INTO unit_members VALUES (?, ?, ?, '2025-03-01T08:00:00.000Z')");
    expect(() => add.run("某局", "U9", "member")).toThrow("FOREIGN KEY constraint failed");
    expect(() => add.run("某局", "U1", "owner")).toThrow("CHECK constraint failed");
    expect(() => add.run("", "U1", "member")).toThrow("CHECK constraint failed");
    add.run("某局", "U1", "admin");
    expect(() => add.run("某局", "U1", "member")).toThrow("UNIQUE constraint failed");
    db.close();
  });

  it("version 5 trims the unit names of reports written before, so unit members see them", () => {
    const db = new BetterSqlite3(":memory:");
    migrate(db, MIGRATIONS.slice(0, 4));
    db.prepare("INSERT INTO users VALUES ('U1', '张三', '2025-03-01T08:00:00.000Z')").run();
    const report = db.prepare(
      "INSERT INTO reports (id, unit_name, doc, created_by, created_at, updated_at) VALUES (?, ?, '{}', 'U1', 't', 't')",
    );
    report.run("r1", " 郑州市金水区电子政务中心\u3000".replace("\u3000", " "));
    report.run("r2", "郑州市金水区财政局");
    migrate(db);
    expect(db.prepare("SELECT unit_name FROM reports ORDER BY id").pluck().all()).toEqual([
      "郑州市金水区电子政务中心",
      "郑州市金水区财政局",
    ]);
    db.close();
  });

  it("applies each step once, however often it runs", () => {
    const db = new BetterSqlite3(":memory:");
    migrate(db, [createLog, writeTwo]);
    migrate(db, [createLog, writeTwo]);
    expect(steps(db)).toEqual(["two"]);
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });

  it("applies only the new step to a database at an older version", () => {
    const db = new BetterSqlite3(":memory:");
    migrate(db, [createLog]);
    expect(schemaVersion(db)).toBe(1);
    migrate(db, [createLog, writeTwo]);
    expect(steps(db)).toEqual(["two"]);
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });

  it("rolls a failing step back whole and keeps the version before it", () => {
    const db = new BetterSqlite3(":memory:");
    const broken: Migration = {
      version: 2,
      name: "broken",
      sql: "INSERT INTO log VALUES ('half'); INSERT INTO missing VALUES (1);",
    };
    expect(() => migrate(db, [createLog, broken])).toThrow("no such table: missing");
    expect(steps(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(1);
    db.close();
  });

  it("refuses a version newer than the code knows, with a Chinese message and code", () => {
    const db = new BetterSqlite3(":memory:");
    db.pragma("user_version = 10");
    expect(() => migrate(db)).toThrow(
      "数据库 :memory: 的结构版本是 10，而本程序只认识到版本 9：它由更新版本的 ziping 创建。请升级 ziping 后再打开，以免旧程序写坏数据。",
    );
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: "storage.too_new" }));
    db.close();
  });

  it("rejects a list whose versions are not 1, 2, 3, …", () => {
    const db = new BetterSqlite3(":memory:");
    expect(() => migrate(db, [createLog, { ...writeTwo, version: 3 }])).toThrow(
      "migration two has version 3, expected 2",
    );
    expect(schemaVersion(db)).toBe(0);
    db.close();
  });
});
