/**
 * A row as the shared row schemas read it: timestamptz values (Dates from `pg`) become the ISO-8601
 * UTC strings SQLite stores, so both stores hand the same values up.
 */
export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    out[key] = value instanceof Date ? value.toISOString() : value;
  return out;
}

/** The lock namespaces of `pg_advisory_xact_lock(namespace, hashtext(key))`. */
export const LOCK = { conversation: 1, report: 2, boilerplate: 3 } as const;

/** An ISO string in UTC with milliseconds, as SQLite stores times (and toISOString writes). */
export const iso = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;
