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
  it("creates the tables of migrations 1, 2 and 3 and records version 3", () => {
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
      "events",
      "llm_calls",
      "processed_messages",
      "report_members",
      "reports",
      "users",
    ]);
    expect(schemaVersion(db)).toBe(3);
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
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
    db.pragma("user_version = 5");
    expect(() => migrate(db)).toThrow(
      "数据库 :memory: 的结构版本是 5，而本程序只认识到版本 3：它由更新版本的 ziping 创建。请升级 ziping 后再打开，以免旧程序写坏数据。",
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
