import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { migrate } from "./migrations.ts";

/** A better-sqlite3 connection. */
export type Database = BetterSqlite3.Database;

/** The database holds every officer's reports: only its owner may read it (the WAL and SHM files copy its mode). */
const FILE_MODE = 0o600;
/** A folder created for the database is its owner's only. */
const DIR_MODE = 0o700;

/** How long a writer waits for another process's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the database at `path`, or an in-memory one for `":memory:"`, and
 * migrates it to the latest schema.
 *
 * - `journal_mode = WAL`: readers do not block the writer.
 * - `synchronous = FULL`: the WAL is synced at every commit, so an answer the bot has accepted
 *   survives a power cut once the reply is sent. NORMAL would only guarantee consistency, not
 *   that the last commits are still there; one fsync per answer is cheap at chat speed.
 * - `foreign_keys = ON`: members, events and conversations cannot point at missing rows.
 * - `busy_timeout`: a second process (the CLI beside the Slack bot) waits instead of failing.
 *
 * A new database file is created 0600 (and a missing folder 0700), not the umask's 0644: reports
 * are not for every account on a shared machine. An existing file keeps its mode.
 *
 * Throws a {@link StorageError} "storage.too_new" (after closing the file) for a database written
 * by a newer ziping.
 */
export function openDatabase(path: string): Database {
  const inMemory = path === ":memory:" || path === "";
  if (!inMemory) {
    mkdirSync(dirname(path), { recursive: true, mode: DIR_MODE });
    if (!existsSync(path)) closeSync(openSync(path, "a", FILE_MODE));
  }
  const db = new BetterSqlite3(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
