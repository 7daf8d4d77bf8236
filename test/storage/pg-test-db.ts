import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { pgMissing, startPgCluster } from "./pg-cluster.ts";

/**
 * The PostgreSQL server of a test file, started before its tests and stopped after, or the reason
 * it cannot run (printed once with console.warn; the file's suites are then skipped).
 */
export function usePostgres(): { missing: string | undefined; freshUrl: () => Promise<string> } {
  const missing = pgMissing();
  if (missing !== undefined) console.warn(`PostgreSQL tests skipped: ${missing}`);
  let url = "";
  let stop: () => void = () => undefined;
  let n = 0;
  // Files may share one server (ZIPING_TEST_DATABASE_URL) and one process: schemas are named apart.
  const prefix = `t${process.pid}_${randomBytes(4).toString("hex")}_`;
  beforeAll(async () => {
    if (missing !== undefined) return;
    const cluster = await startPgCluster();
    url = cluster.url;
    stop = cluster.stop;
  }, 120_000);
  afterAll(() => stop(), 60_000);
  return {
    missing,
    /** A URL whose connections work in a new, empty schema of their own (search_path). */
    freshUrl: async () => {
      n += 1;
      const schema = `${prefix}${n}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${schema}`);
      } finally {
        await client.end();
      }
      const sep = url.includes("?") ? "&" : "?";
      return `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    },
  };
}
