import pg from "pg";
import { BOILERPLATE_TEXTS } from "../../checks/copy/boilerplate.ts";
import { PgCorpusStore } from "./pg-corpus-store.ts";
import { PgDeliveryJobs } from "./pg-delivery-jobs.ts";
import { PgLeases } from "./pg-leases.ts";
import { PgLlmCallLog } from "./pg-llm-call-log.ts";
import { migratePostgres } from "./pg-migrations.ts";
import { PgReportArchives } from "./pg-report-archive.ts";
import { PgSession } from "./pg-session.ts";
import { PgStore } from "./pg-store.ts";

/** Every repository over one PostgreSQL pool, as the composition root wires them. */
export interface PostgresRepositories {
  session: PgSession;
  store: PgStore;
  jobs: PgDeliveryJobs;
  leases: PgLeases;
  log: PgLlmCallLog;
  corpus: PgCorpusStore;
  archives: PgReportArchives;
  /** Ends the pool; `session.ended()` settles when it is closed. */
  close(): void;
}

/** Clients per instance: a turn holds one for its transaction; reads outside turns take others. */
const POOL_SIZE = 10;

/**
 * Connects to `url` (postgres://…), migrates the schema (one instance at a time) and brings the
 * boilerplate list up to date, then builds every repository over the pool. A connection or
 * migration failure ends the pool and is thrown.
 */
export async function openPostgres(
  url: string,
  options: { max?: number } = {},
): Promise<PostgresRepositories> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? POOL_SIZE });
  // An idle client losing its server emits 'error' on the pool; unhandled it would end the process.
  // The next query on the pool reconnects or fails with the reason, which is where it is reported.
  pool.on("error", () => undefined);
  const session = new PgSession(pool);
  try {
    await migratePostgres(session);
    const store = new PgStore(session);
    const corpus = new PgCorpusStore(session);
    await corpus.setBoilerplate(BOILERPLATE_TEXTS);
    return {
      session,
      store,
      jobs: new PgDeliveryJobs(session),
      leases: new PgLeases(session),
      log: new PgLlmCallLog(session),
      corpus,
      archives: new PgReportArchives(session, store),
      close: () => session.close(),
    };
  } catch (error) {
    session.close();
    await session.ended();
    throw error;
  }
}
