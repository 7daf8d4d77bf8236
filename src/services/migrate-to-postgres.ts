import { existsSync } from "node:fs";
import { fail, ok, type Result } from "../core/result.ts";
import { type Database, openDatabase } from "../storage/index.ts";
import { TABLE_GROUPS, type TableCopy } from "../storage/postgres/copy-plan.ts";
import { type CopyWindow, copyTable, sourceCount, targetCount } from "../storage/postgres/copy-tables.ts";
import { openPostgres, type PostgresRepositories } from "../storage/postgres/open-postgres.ts";
import { RECOUNT_DOCUMENTS } from "../storage/postgres/pg-corpus-store.ts";
import { connectionProblem, databaseLocation, withoutPassword } from "../storage/postgres/pg-url.ts";
import { KEEP_EVENTS_MS } from "./run-channels.ts";

/** One table after the copy: rows taken from SQLite and rows found in PostgreSQL. */
export interface TableTally {
  /** What the rows are (报告, 事件…). */
  label: string;
  /** The SQLite table, and the PostgreSQL one when it is named otherwise. */
  table: string;
  source: number;
  target: number;
}

/** A table of the target that already holds rows. */
export interface Occupied {
  label: string;
  count: number;
}

/** What `ziping migrate` did: copied (with the counts compared), or cancelled at the question. */
export type MigrationOutcome =
  | { kind: "copied"; location: string; tables: TableTally[]; replaced: Occupied[] }
  | { kind: "cancelled"; location: string };

/** What the copy is told. */
export interface MigrateOptions {
  /** The SQLite database file. */
  db: string;
  /** postgres://… (its password is never part of a message). */
  url: string;
  /** Replace what the target already holds. */
  force: boolean;
  now: Date;
  /** ZIPING_KEEP_MESSAGES_DAYS: processed messages older than this are not copied. */
  keepMessageDays: number;
  /** Asked (with --force, at a terminal) before the target's rows are replaced; false cancels. */
  confirmReplace?: (location: string, occupied: Occupied[]) => Promise<boolean>;
  /** A line after each table copied. */
  progress?: (line: string) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every table of the copy, in order. */
const TABLES: readonly TableCopy[] = TABLE_GROUPS.flatMap((g) => g.tables);

/**
 * `ziping migrate`: copies a SQLite deployment into PostgreSQL (migrating its schema first) — the
 * groups of TABLE_GROUPS in order, each in one PostgreSQL transaction, read from one SQLite read
 * transaction (a consistent snapshot while the bot keeps writing) — then counts every table on both
 * sides. A target holding rows is refused unless `force`, which empties the copied tables inside
 * the first group's transaction. A failure rolls its group back and names the table.
 */
export async function migrateToPostgres(o: MigrateOptions): Promise<Result<MigrationOutcome>> {
  const location = databaseLocation(o.url);
  if (!existsSync(o.db))
    return fail(
      "migrate.no_source",
      `找不到要迁移的 SQLite 数据库 ${o.db}：请用 --db 指定它，例如 ziping migrate --to postgres://… --db data/ziping.db`,
    );
  let db: Database;
  try {
    db = openDatabase(o.db);
  } catch (e) {
    return fail("migrate.source", `无法打开 SQLite 数据库 ${o.db}：${(e as Error).message}`);
  }
  let pg: PostgresRepositories | undefined;
  try {
    try {
      pg = await openPostgres(o.url, { max: 2 });
    } catch (e) {
      return fail(
        "migrate.target",
        `无法连接 PostgreSQL 数据库 ${location}：${connectionProblem(e, o.url, "--to")}。`,
      );
    }
    return await copyAll(db, pg, o, location);
  } finally {
    if (db.inTransaction) db.exec("COMMIT");
    db.close();
    if (pg !== undefined) {
      pg.close();
      await pg.session.ended();
    }
  }
}

async function copyAll(
  db: Database,
  pg: PostgresRepositories,
  o: MigrateOptions,
  location: string,
): Promise<Result<MigrationOutcome>> {
  const occupied: Occupied[] = [];
  for (const t of TABLES) {
    const count = await targetCount(pg.session, t);
    if (count > 0) occupied.push({ label: t.label, count });
  }
  if (occupied.length > 0) {
    if (!o.force)
      return fail(
        "migrate.target_not_empty",
        `PostgreSQL 数据库 ${location} 已有数据（${describeOccupied(occupied)}），没有复制任何内容。确认用 ${o.db} 的内容替换它们，请加 --force，例如 ziping migrate --to postgres://… --db ${o.db} --force`,
      );
    if (o.confirmReplace !== undefined && !(await o.confirmReplace(location, occupied)))
      return ok({ kind: "cancelled", location });
  }
  const window: CopyWindow = {
    messagesSince: new Date(o.now.getTime() - o.keepMessageDays * DAY_MS).toISOString(),
    eventsSince: new Date(o.now.getTime() - KEEP_EVENTS_MS).toISOString(),
  };
  db.exec("BEGIN"); // one snapshot of the source for the copy and the counts
  const done: string[] = [];
  for (const [i, group] of TABLE_GROUPS.entries()) {
    let current: TableCopy | undefined;
    try {
      await pg.session.transaction(async () => {
        if (i === 0 && occupied.length > 0) {
          await pg.session.query(
            `TRUNCATE ${TABLES.map((t) => t.target).join(", ")} RESTART IDENTITY CASCADE`,
          );
          // The stored count follows the emptied corpus even if copying the corpus fails later.
          await pg.session.query(RECOUNT_DOCUMENTS);
        }
        for (const t of group.tables) {
          current = t;
          const n = await copyTable(db, pg.session, t, window);
          o.progress?.(`已复制${t.label} ${n} 行`);
        }
      });
    } catch (e) {
      const which = current === undefined ? "" : `“${current.label}”（表 ${tableName(current)}）`;
      const before =
        done.length === 0
          ? "PostgreSQL 中没有写入任何数据"
          : `之前的${done.join("、")}已写入；找到原因后重新运行并加 --force，会先清空再完整复制`;
      return fail(
        "migrate.copy_failed",
        `复制${which}时失败：${withoutPassword((e as Error).message, o.url)}。“${group.label}”这一组已全部回滚，${before}。`,
      );
    }
    done.push(`“${group.label}”`);
  }
  const tables: TableTally[] = [];
  for (const t of TABLES)
    tables.push({
      label: t.label,
      table: tableName(t),
      source: sourceCount(db, t, window),
      target: await targetCount(pg.session, t),
    });
  return ok({ kind: "copied", location, tables, replaced: occupied });
}

/** "报告 3 份、事件 12 条" style: each occupied table with its count. */
export function describeOccupied(occupied: readonly Occupied[]): string {
  return occupied.map((x) => `${x.label} ${x.count} 行`).join("、");
}

function tableName(t: TableCopy): string {
  return t.source === t.target ? t.source : `${t.source} → ${t.target}`;
}
