import { AsyncLocalStorage } from "node:async_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Pool, PoolClient, QueryResultRow } from "pg";
import copyStreams from "pg-copy-streams";

/** The transaction open in an async context: its client, and how deep its savepoints go. */
interface Open {
  client: PoolClient;
  depth: number;
}

/**
 * A PostgreSQL pool as the repositories share it. A query outside a transaction takes any client
 * of the pool; `transaction` checks one out for its whole length (BEGIN … COMMIT, ROLLBACK on a
 * throw), and every query made inside it, by any repository over this session, runs on that client
 * (found through AsyncLocalStorage). A nested `transaction` is a savepoint.
 */
export class PgSession {
  readonly #open = new AsyncLocalStorage<Open>();
  #ended: Promise<void> | undefined;

  constructor(readonly pool: Pool) {}

  /** Runs one statement: on the context's transaction client, else on any client of the pool. */
  async query<R extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const open = this.#open.getStore();
    const result = await (open?.client ?? this.pool).query<R>(sql, params as unknown[]);
    return result.rows;
  }

  /** Like {@link query}, returning how many rows the statement changed. */
  async change(sql: string, params: readonly unknown[] = []): Promise<number> {
    const open = this.#open.getStore();
    const result = await (open?.client ?? this.pool).query(sql, params as unknown[]);
    return result.rowCount ?? 0;
  }

  /**
   * Runs `COPY … FROM STDIN` with `text` (COPY's text format, any chunking) on the context's
   * transaction client, else on a client of its own; returns how many rows were copied. A failure
   * (a row refused, `text` throwing) ends the COPY with nothing copied and is thrown.
   */
  async copyIn(sql: string, text: Iterable<string> | AsyncIterable<string>): Promise<number> {
    const open = this.#open.getStore();
    const client = open?.client ?? (await this.pool.connect());
    let failed: Error | undefined;
    try {
      const stream = client.query(copyStreams.from(sql));
      await pipeline(Readable.from(text), stream);
      return stream.rowCount;
    } catch (error) {
      failed = error as Error;
      throw error;
    } finally {
      // A client of its own whose COPY failed is closed rather than reused in an unknown state.
      if (open === undefined) client.release(failed);
    }
  }

  /** Whether the calling context is inside a transaction of this session. */
  get inTransaction(): boolean {
    return this.#open.getStore() !== undefined;
  }

  /** Runs `fn` in one transaction on one client; a throw rolls it back. Nested: a savepoint. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const open = this.#open.getStore();
    if (open !== undefined) return this.#savepoint(open, fn);
    return this.#begin("BEGIN", fn);
  }

  /**
   * Runs reads that must see one state of the database: in the context's transaction when there is
   * one, else in a read-only REPEATABLE READ transaction of their own.
   */
  async snapshot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#open.getStore() !== undefined) return fn();
    return this.#begin("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", fn);
  }

  async #begin<T>(begin: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await this.#open.run({ client, depth: 0 }, fn);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      try {
        await client.query("ROLLBACK");
      } catch (rollback) {
        broken = rollback as Error;
      }
      throw error;
    } finally {
      // A client whose ROLLBACK failed is in an unknown state: the pool closes it instead of reusing it.
      client.release(broken);
    }
  }

  async #savepoint<T>(open: Open, fn: () => Promise<T>): Promise<T> {
    open.depth += 1;
    const name = `s${open.depth}`;
    await open.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      await open.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await open.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await open.client.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    } finally {
      open.depth -= 1;
    }
  }

  /** Closes the pool (once); `ended` settles when every client is closed. */
  close(): void {
    this.#ended ??= this.pool.end();
  }

  /** Settles when the pool opened by this session has been closed by {@link close}. */
  ended(): Promise<void> {
    return this.#ended ?? Promise.resolve();
  }
}
