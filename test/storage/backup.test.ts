import { copyFileSync, existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { backupDatabase, inspectDatabase, restoreDatabase } from "../../src/storage/backup.ts";
import { CorpusStore } from "../../src/storage/corpus-store.ts";
import { MIGRATIONS, migrate, openDatabase, Store } from "../../src/storage/index.ts";
import { tempDir } from "./temp-db.ts";

const now = new Date("2026-12-03T16:10:00.000Z");
let cleanup = (): void => {};
afterEach(() => cleanup());

function temp(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  return t.dir;
}

/** A database in use: 2 reports, 3 events, 1 corpus document, all still in the WAL. */
async function seeded(path: string): Promise<{ store: Store; db: BetterSqlite3.Database }> {
  const db = openDatabase(path);
  const store = new Store(db);
  await store.ensureUser("liu", "刘", now);
  await store.createReport({ id: "r00000001", createdBy: "liu", doc: { title: "一" }, now });
  await store.createReport({ id: "r00000002", createdBy: "liu", doc: { title: "二" }, now });
  for (const [id, summary] of [
    ["r00000001", "年度目标"],
    ["r00000001", "预算"],
    ["r00000002", "年度目标"],
  ] as const)
    await store.appendEvent({
      reportId: id,
      userId: "liu",
      messageId: null,
      at: now,
      kind: "answer",
      summary,
      changes: [],
    });
  await new CorpusStore(db).addDocument(
    { agency: "南县财政局", text: "一、部门概况。本单位主要职能是财政管理。" },
    now,
  );
  return { store, db };
}

const COUNTS = { version: 9, reports: 2, events: 3, corpusDocuments: 1 };

describe("backupDatabase", () => {
  it("copies a database in use, WAL included, where copying the file alone finds no tables", async () => {
    const dir = temp();
    const path = join(dir, "ziping.db");
    const { store } = await seeded(path);
    copyFileSync(path, join(dir, "cp.db"));
    expect(inspectDatabase(join(dir, "cp.db")).ok).toBe(false);
    // Looking at it left no -wal or -shm beside it.
    expect([existsSync(join(dir, "cp.db-wal")), existsSync(join(dir, "cp.db-shm"))]).toEqual([false, false]);

    const copy = join(dir, "backup.db");
    expect(await backupDatabase(path, copy, false)).toEqual({ ok: true, value: COUNTS });
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect([existsSync(`${copy}-wal`), existsSync(`${copy}-shm`)]).toEqual([false, false]);
    store.close();
  });

  it("refuses to overwrite an existing file unless forced", async () => {
    const dir = temp();
    const path = join(dir, "ziping.db");
    (await seeded(path)).store.close();
    const copy = join(dir, "backup.db");
    writeFileSync(copy, "old notes");
    expect(await backupDatabase(path, copy, false)).toEqual({
      ok: false,
      error: {
        code: "backup.exists",
        message: `备份文件 ${copy} 已存在，未覆盖。请换一个文件名，或加 --force 覆盖，例如 ziping backup ${copy} --force。`,
        path: copy,
      },
    });
    expect(await backupDatabase(path, copy, true)).toEqual({ ok: true, value: COUNTS });
  });

  it("says a missing database has nothing to back up, and creates nothing", async () => {
    const dir = temp();
    const missing = join(dir, "none.db");
    const r = await backupDatabase(missing, join(dir, "b.db"), false);
    expect(r.ok ? "" : r.error.message).toBe(
      `数据库 ${missing} 不存在，没有可备份的内容。用 --db 指定数据库，例如 ziping backup 备份.db --db data/ziping.db。`,
    );
    expect([existsSync(missing), existsSync(join(dir, "b.db"))]).toEqual([false, false]);
  });
});

describe("restoreDatabase", () => {
  it("keeps the current database as <db>.before-restore-<time> and puts the backup in its place", async () => {
    const dir = temp();
    const path = join(dir, "ziping.db");
    const { store } = await seeded(path);
    const copy = join(dir, "backup.db");
    await backupDatabase(path, copy, false);
    await store.createReport({ id: "r00000003", createdBy: "liu", doc: { title: "三" }, now });

    const r = await restoreDatabase(copy, path, now);
    const kept = join(dir, "ziping.db.before-restore-20261203T161000Z");
    expect(r).toEqual({ ok: true, value: { counts: COUNTS, kept } });
    // The connection still open sees the restored content, not a deleted file.
    expect((await store.listReports()).map((row) => row.id)).toEqual(["r00000002", "r00000001"]);
    expect(inspectDatabase(kept)).toEqual({ ok: true, value: { ...COUNTS, reports: 3 } });
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    store.close();
  });

  it("refuses a file that is not a ziping database and changes nothing", async () => {
    const dir = temp();
    const path = join(dir, "ziping.db");
    (await seeded(path)).store.close();
    const text = join(dir, "notes.db");
    writeFileSync(text, "这不是数据库，只是一段文字。".repeat(20));
    const other = join(dir, "other.db");
    new BetterSqlite3(other).exec("CREATE TABLE t (x)").close();

    const a = await restoreDatabase(text, path, now);
    expect(a.ok ? "" : a.error.message).toBe(
      `${text} 不是 SQLite 数据库文件，因此不是 ziping 数据库。请选择 ziping backup 生成的文件，例如 备份/ziping-2026-12-03.db。`,
    );
    const b = await restoreDatabase(other, path, now);
    expect(b.ok ? "" : b.error.message).toBe(
      `${other} 不是 ziping 数据库：没有 ziping 的结构版本（应为 1 到 9）和报告表。请选择 ziping backup 生成的文件，例如 备份/ziping-2026-12-03.db。`,
    );
    expect(inspectDatabase(path)).toEqual({ ok: true, value: COUNTS });
    expect(existsSync(join(dir, "ziping.db.before-restore-20261203T161000Z"))).toBe(false);
  });

  it("brings a backup made by an older ziping (schema version 1) up to this version", async () => {
    const dir = temp();
    const old = join(dir, "v1.db");
    const v1 = new BetterSqlite3(old);
    migrate(v1, MIGRATIONS.slice(0, 1));
    v1.exec(`INSERT INTO users VALUES ('liu', NULL, '2024-01-01T00:00:00.000Z');
      INSERT INTO reports (id, doc, created_by, created_at, updated_at)
      VALUES ('r00000009', '{}', 'liu', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');`);
    v1.close();
    expect(inspectDatabase(old)).toEqual({
      ok: true,
      value: { version: 1, reports: 1, events: 0, corpusDocuments: 0 },
    });
    const path = join(dir, "ziping.db");
    (await seeded(path)).store.close();
    const r = await restoreDatabase(old, path, now);
    expect(r.ok && r.value.counts).toEqual({ version: 9, reports: 1, events: 0, corpusDocuments: 0 });
  });

  it("restores into a path with no database yet, keeping nothing", async () => {
    const dir = temp();
    (await seeded(join(dir, "ziping.db"))).store.close();
    await backupDatabase(join(dir, "ziping.db"), join(dir, "backup.db"), false);
    const fresh = join(dir, "new", "ziping.db");
    expect(await restoreDatabase(join(dir, "backup.db"), fresh, now)).toEqual({
      ok: true,
      value: { counts: COUNTS, kept: null },
    });
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
  });
});
