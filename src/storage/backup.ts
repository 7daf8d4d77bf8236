import { closeSync, existsSync, openSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { fail, ok, type Result } from "../core/result.ts";
import { LATEST_VERSION, schemaVersion } from "./migrations.ts";
import { openDatabase } from "./open-database.ts";

/** What a ziping database holds, shown after a backup or a restore so the officer can check it. */
export interface DatabaseCounts {
  /** The schema version (`PRAGMA user_version`): 1 to {@link LATEST_VERSION}. */
  version: number;
  reports: number;
  events: number;
  corpusDocuments: number;
}

/** A copy is only the owner's, like the database it copies. */
const FILE_MODE = 0o600;

/** "报告 2 份，事件 15 条，语料库文档 3 篇": the counts in the words the CLI prints. */
export function describeCounts(c: DatabaseCounts): string {
  return `报告 ${c.reports} 份，事件 ${c.events} 条，语料库文档 ${c.corpusDocuments} 篇`;
}

function tableExists(db: BetterSqlite3.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function count(db: BetterSqlite3.Database, table: string): number {
  return tableExists(db, table) ? Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()) : 0;
}

/**
 * Opens `path` read-only and checks it is a ziping database: SQLite, a schema version this
 * program knows (1 to {@link LATEST_VERSION}), the reports and events tables, and no corruption
 * (`quick_check`). Returns its counts, or why it is not one (a Chinese message naming the file).
 */
export function inspectDatabase(path: string): Result<DatabaseCounts> {
  if (!existsSync(path)) return fail("backup.missing", `文件 ${path} 不存在。`, path);
  if (statSync(path).isDirectory())
    return fail(
      "backup.not_file",
      `${path} 是文件夹，应为数据库文件，例如 备份/ziping-2026-12-03.db。`,
      path,
    );
  const hadSide = [existsSync(`${path}-wal`), existsSync(`${path}-shm`)];
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    return fail("backup.unreadable", `无法打开 ${path}：${(e as Error).message}`, path);
  }
  try {
    const version = schemaVersion(db);
    if (version > LATEST_VERSION)
      return fail(
        "backup.too_new",
        `${path} 的结构版本是 ${version}，本程序只认识到版本 ${LATEST_VERSION}：它由更新版本的 ziping 创建，请升级 ziping 后再用。`,
        path,
      );
    if (version < 1 || !tableExists(db, "reports") || !tableExists(db, "events"))
      return fail(
        "backup.not_ziping",
        `${path} 不是 ziping 数据库：没有 ziping 的结构版本（应为 1 到 ${LATEST_VERSION}）和报告表。请选择 ziping backup 生成的文件，例如 备份/ziping-2026-12-03.db。`,
        path,
      );
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok")
      return fail("backup.corrupt", `${path} 已损坏（SQLite 检查结果：${String(check)}），不能使用。`, path);
    return ok({
      version,
      reports: count(db, "reports"),
      events: count(db, "events"),
      corpusDocuments: count(db, "corpus_documents"),
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === "SQLITE_NOTADB"
      ? fail(
          "backup.not_sqlite",
          `${path} 不是 SQLite 数据库文件，因此不是 ziping 数据库。请选择 ziping backup 生成的文件，例如 备份/ziping-2026-12-03.db。`,
          path,
        )
      : fail("backup.unreadable", `无法读取 ${path}：${(e as Error).message}`, path);
  } finally {
    db.close();
    removeLeftovers(path, hadSide);
  }
}

/**
 * A read-only connection to a WAL-mode file leaves an empty -wal and a -shm behind; removes those
 * it created, so looking at a copy leaves the folder as it was.
 */
function removeLeftovers(path: string, hadSide: readonly boolean[]): void {
  const wal = `${path}-wal`;
  if (hadSide[0] === false && existsSync(wal) && statSync(wal).size === 0) rmSync(wal);
  if (hadSide[1] === false && !existsSync(wal)) rmSync(`${path}-shm`, { force: true });
}

/** Removes a database file and its WAL and shared-memory files. */
function removeDatabaseFiles(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
}

/**
 * Copies the open database `source` to `target` with SQLite's online backup (consistent while
 * other connections write, WAL included), as one self-contained file (journal mode DELETE)
 * created 0600. The target must not exist: a caller that may overwrite removes it first.
 */
async function copyDatabase(source: BetterSqlite3.Database, target: string): Promise<void> {
  closeSync(openSync(target, "wx", FILE_MODE));
  try {
    await source.backup(target);
    const copy = new BetterSqlite3(target, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
  } catch (e) {
    removeDatabaseFiles(target);
    throw e;
  }
}

/**
 * `ziping backup`: a consistent copy of the database at `source` in `target` while it is in use,
 * then checked to open as a ziping database, and its counts. An existing target is refused unless
 * `force`; the target's folder must exist. The source is not migrated or otherwise changed.
 */
export async function backupDatabase(
  source: string,
  target: string,
  force: boolean,
): Promise<Result<DatabaseCounts>> {
  if (resolve(source) === resolve(target))
    return fail(
      "backup.same_file",
      `备份文件不能就是数据库 ${source} 本身，请换一个路径，例如 备份/ziping.db。`,
    );
  const original = inspectDatabase(source);
  if (!original.ok)
    return original.error.code === "backup.missing"
      ? fail(
          "backup.no_database",
          `数据库 ${source} 不存在，没有可备份的内容。用 --db 指定数据库，例如 ziping backup 备份.db --db data/ziping.db。`,
          source,
        )
      : original;
  if (existsSync(target) && !force)
    return fail(
      "backup.exists",
      `备份文件 ${target} 已存在，未覆盖。请换一个文件名，或加 --force 覆盖，例如 ziping backup ${target} --force。`,
      target,
    );
  if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory())
    return fail(
      "backup.missing_folder",
      `无法写入 ${target}：文件夹 ${dirname(target)} 不存在，请先创建或换一个路径。`,
      target,
    );
  if (existsSync(target) && statSync(target).isDirectory())
    return fail("backup.not_file", `${target} 是文件夹，请写文件名，例如 ${target}/ziping.db。`, target);
  removeDatabaseFiles(target);
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await copyDatabase(db, target);
  } finally {
    db.close();
  }
  return inspectDatabase(target);
}

/** What a restore did: the counts of the database now in place and where the old one was kept. */
export interface Restored {
  counts: DatabaseCounts;
  /** The previous database, kept as `<db>.before-restore-<timestamp>`; null when there was none. */
  kept: string | null;
}

/** `20261203T161000Z`: a timestamp usable in a file name. */
function fileStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/gu, "")
    .replace(/\.\d+Z$/u, "Z");
}

/**
 * `ziping restore`: replaces the database at `dbPath` with the ziping database `file`. The
 * current database is first copied (online backup) to `<dbPath>.before-restore-<timestamp>`; the
 * file is then written into `dbPath` through SQLite's backup API, so a connection still open sees
 * the restored content rather than a deleted file, and the result is migrated to this version.
 * Refuses a file that is not a ziping database, or is the database itself.
 */
export async function restoreDatabase(file: string, dbPath: string, now: Date): Promise<Result<Restored>> {
  if (resolve(file) === resolve(dbPath))
    return fail(
      "restore.same_file",
      `${file} 就是当前数据库，无需恢复。请选择备份文件，例如 备份/ziping.db。`,
    );
  const incoming = inspectDatabase(file);
  if (!incoming.ok) return incoming;
  let kept: string | null = null;
  if (existsSync(dbPath)) {
    const current = inspectDatabase(dbPath);
    if (!current.ok && current.error.code !== "backup.not_ziping") return current;
    kept = `${dbPath}.before-restore-${fileStamp(now)}`;
    if (existsSync(kept))
      return fail(
        "restore.kept_exists",
        `${kept} 已存在，请稍后再试，以免覆盖上一次恢复前保存的数据库。`,
        kept,
      );
    const db = new BetterSqlite3(dbPath, { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 5000");
      await copyDatabase(db, kept);
    } finally {
      db.close();
    }
  } else {
    openDatabase(dbPath).close();
  }
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(dbPath);
  } finally {
    source.close();
  }
  openDatabase(dbPath).close();
  const counts = inspectDatabase(dbPath);
  return counts.ok ? ok({ counts: counts.value, kept }) : counts;
}
