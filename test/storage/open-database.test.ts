import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { LATEST_VERSION, openDatabase, StorageError, Store } from "../../src/storage/index.ts";
import { tempDir } from "./temp-db.ts";

const now = new Date("2025-03-01T08:00:00.000Z");
let cleanup = (): void => {};
afterEach(() => cleanup());

function tempPath(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  return join(t.dir, "data", "nested", "ziping.db");
}

describe("openDatabase", () => {
  it("creates the parent folders and sets WAL, FULL sync, foreign keys and a busy timeout", async () => {
    const path = tempPath();
    const db = openDatabase(path);
    expect(existsSync(path)).toBe(true);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(db.pragma("user_version", { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it("creates the file, its WAL and its folders for the owner only (0600 / 0700)", async () => {
    const path = tempPath();
    const db = openDatabase(path);
    await new Store(db).ensureUser("liu", "刘", now);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-shm`).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    expect(statSync(dirname(dirname(path))).mode & 0o777).toBe(0o700);
    db.close();
  });

  it("opens an in-memory database migrated to the latest version", async () => {
    const db = openDatabase(":memory:");
    expect(db.pragma("journal_mode", { simple: true })).toBe("memory");
    expect(db.pragma("user_version", { simple: true })).toBe(9);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.close();
  });

  it("keeps the data when an existing file is opened again", async () => {
    const path = tempPath();
    const first = new Store(openDatabase(path));
    await first.ensureUser("U1", "张三", now);
    await first.createReport({ id: "r1", createdBy: "U1", doc: { unit: "某某局" }, now });
    first.close();

    const db = openDatabase(path);
    const second = new Store(db);
    expect(db.pragma("user_version", { simple: true })).toBe(9);
    expect((await second.getReport("r1"))?.doc).toEqual({ unit: "某某局" });
    expect(await second.isMember("r1", "U1")).toBe(true);
    second.close();
  });

  it("refuses a database written by a newer version, in Chinese, and leaves it untouched", async () => {
    const path = tempPath();
    openDatabase(path).close();
    const raw = new BetterSqlite3(path);
    raw.pragma("user_version = 10");
    raw.close();

    let caught: unknown;
    try {
      openDatabase(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StorageError);
    expect((caught as StorageError).code).toBe("storage.too_new");
    expect((caught as StorageError).message).toBe(
      `数据库 ${path} 的结构版本是 10，而本程序只认识到版本 9：它由更新版本的 ziping 创建。请升级 ziping 后再打开，以免旧程序写坏数据。`,
    );
    const check = new BetterSqlite3(path);
    expect(check.pragma("user_version", { simple: true })).toBe(10);
    check.close();
  });
});
