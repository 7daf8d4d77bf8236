import type { Ziping } from "../../services/ziping.ts";
/** Where a command writes: injectable so tests capture output in-process. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The process's own stdout/stderr. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Exit codes: 0 success; 2 bad input (file, field, option), with a Chinese message; 1 a bug. */
export const EXIT = { ok: 0, bug: 1, badInput: 2 } as const;

/** `text` padded to `width` display columns (see rendering/text-table.ts). */
export { padToWidth as pad } from "../../rendering/text-table.ts";

/**
 * Runs a use with the composed service (src/app opens it: one database connection) and closes it
 * after; a command calls it once its own arguments are read, so bad usage opens nothing.
 */
export type WithZiping = (use: (ziping: Ziping) => number | Promise<number>) => Promise<number>;
