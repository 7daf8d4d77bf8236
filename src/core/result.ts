/**
 * Expected failures are values, not exceptions (architecture habit 4).
 * `code` is stable and machine-readable; `message` is the Chinese text a user sees.
 */
export interface Problem {
  /** Stable machine code, e.g. "number.unreadable". */
  code: string;
  /** Chinese explanation naming the field, the expected form and an example. */
  message: string;
  /** Where the problem is (a field path such as "budget.executed" or a file name). */
  path?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Problem };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a problem as a failed result. */
export function fail<T = never>(code: string, message: string, path?: string): Result<T> {
  return { ok: false, error: path === undefined ? { code, message } : { code, message, path } };
}
