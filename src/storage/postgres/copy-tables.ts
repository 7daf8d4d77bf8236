import type { Database } from "better-sqlite3";
import type { TableCopy } from "./copy-plan.ts";
import { integerCopyText } from "./copy-text.ts";
import type { PgSession } from "./pg-session.ts";

/** The named parameters of the `where` conditions: ISO times of the retention windows' start. */
export interface CopyWindow {
  messagesSince: string;
  eventsSince: string;
}

const T = "text";
const NUMERIC = new Set(["integer", "double precision"]);

/** Rows of `t` the copy takes from SQLite. */
export function sourceCount(db: Database, t: TableCopy, window: CopyWindow): number {
  const where = t.where === undefined ? "" : ` WHERE ${t.where}`;
  const row = db.prepare(`SELECT count(*) AS n FROM ${t.source}${where}`).get(paramsOf(t, window)) as {
    n: number;
  };
  return row.n;
}

/** Rows of `t` in PostgreSQL. */
export async function targetCount(s: PgSession, t: TableCopy): Promise<number> {
  const [row] = await s.query<{ n: string }>(`SELECT count(*)::bigint AS n FROM ${t.target}`);
  return Number(row?.n ?? 0);
}

/**
 * Copies the rows of `t` (inside the caller's PostgreSQL transaction) in `order`: by COPY for a
 * table marked `copy`, else in batches of multi-row INSERTs from arrays; an identity column's
 * sequence is then moved past the copied ids, and `after` run. Returns how many rows were inserted.
 */
export async function copyTable(
  db: Database,
  s: PgSession,
  t: TableCopy,
  window: CopyWindow,
): Promise<number> {
  const names = t.columns.map(([name]) => name);
  const where = t.where === undefined ? "" : ` WHERE ${t.where}`;
  const select = db.prepare(`SELECT ${names.join(", ")} FROM ${t.source}${where} ORDER BY ${t.order}`).raw();
  const rows = () => select.iterate(paramsOf(t, window)) as IterableIterator<unknown[]>;
  // Rows are sent while the SELECT is still open: nothing else uses this SQLite connection then.
  const copied =
    t.copy === true
      ? await s.copyIn(`COPY ${t.target} (${names.join(", ")}) FROM STDIN`, integerCopyText(rows(), t.target))
      : await insertBatches(s, t, rows());
  if (t.identity !== undefined)
    await s.query(
      `SELECT setval(pg_get_serial_sequence('${t.target}', '${t.identity}'),
         coalesce((SELECT max(${t.identity}) FROM ${t.target}), 0) + 1, false)`,
    );
  if (t.after !== undefined) await s.query(t.after);
  return copied;
}

/** Inserts `rows` into `t.target` in batches of `t.batch` multi-row INSERTs from arrays. */
async function insertBatches(s: PgSession, t: TableCopy, rows: Iterable<unknown[]>): Promise<number> {
  const names = t.columns.map(([name]) => name);
  const arrays = t.columns.map(([, type], i) => `$${i + 1}::${NUMERIC.has(type) ? type : T}[]`);
  const values = t.columns.map(([name, type]) => (NUMERIC.has(type) ? `u.${name}` : `u.${name}::${type}`));
  const insert = `INSERT INTO ${t.target} (${names.join(", ")}) SELECT ${values.join(", ")}
    FROM unnest(${arrays.join(", ")}) AS u(${names.join(", ")})`;
  const send = (batch: unknown[][]) =>
    s.query(
      insert,
      t.columns.map((_c, col) => batch.map((row) => row[col] ?? null)),
    );
  let batch: unknown[][] = [];
  let copied = 0;
  for (const row of rows) {
    batch.push(row);
    if (batch.length < t.batch) continue;
    await send(batch);
    copied += batch.length;
    batch = [];
  }
  if (batch.length > 0) await send(batch);
  return copied + batch.length;
}

function paramsOf(t: TableCopy, window: CopyWindow): Record<string, string> {
  if (t.where === undefined || !t.where.includes("@")) return {};
  return t.where.includes("@messagesSince")
    ? { messagesSince: window.messagesSince }
    : { eventsSince: window.eventsSince };
}
