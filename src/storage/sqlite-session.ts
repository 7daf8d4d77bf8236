import { AsyncLocalStorage } from "node:async_hooks";
import type { Database } from "better-sqlite3";

/** The open transaction of an async context: how deep its savepoints go. */
interface Open {
  depth: number;
}

/** One session per connection, so every repository over it shares the one lock. */
const sessions = new WeakMap<Database, SqliteSession>();

/**
 * The one SQLite connection as the async repositories share it. better-sqlite3 is synchronous and
 * a connection has one transaction at a time, so an async transaction (BEGIN IMMEDIATE, await the
 * function, COMMIT or ROLLBACK) holds an in-process lock for its whole length: a second turn, or a
 * single statement from another conversation, waits until it ends instead of landing inside it.
 * Code running inside the transaction (found through AsyncLocalStorage) goes straight through, and a
 * nested `transaction` becomes a savepoint.
 */
export class SqliteSession {
  readonly #open = new AsyncLocalStorage<Open>();
  #tail: Promise<void> = Promise.resolve();

  private constructor(readonly db: Database) {}

  /** The session of `db`, the same object for every repository built over it. */
  static of(db: Database): SqliteSession {
    let session = sessions.get(db);
    if (session === undefined) {
      session = new SqliteSession(db);
      sessions.set(db, session);
    }
    return session;
  }

  /**
   * Runs synchronous statements: at once inside this context's transaction, else once no other
   * context's transaction is open (they never yield, so they need no transaction of their own).
   */
  async run<T>(fn: () => T): Promise<T> {
    if (this.#open.getStore() !== undefined) return fn();
    return this.#exclusive(async () => fn());
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction and returns its result; a throw (or rejection) rolls
   * everything back. Inside another transaction of the same context it is a savepoint.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const open = this.#open.getStore();
    if (open !== undefined) return this.#savepoint(open, fn);
    return this.#exclusive(async () => {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await this.#open.run({ depth: 0 }, fn);
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
  }

  async #savepoint<T>(open: Open, fn: () => Promise<T>): Promise<T> {
    open.depth += 1;
    const name = `s${open.depth}`;
    this.db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.db.exec(`ROLLBACK TO ${name}`);
      this.db.exec(`RELEASE ${name}`);
      throw error;
    } finally {
      open.depth -= 1;
    }
  }

  /** Runs `fn` once every earlier holder of the lock has finished, in arrival order. */
  async #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.#tail;
    let release: () => void = () => undefined;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await before;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
