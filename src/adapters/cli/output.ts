import { displayWidth } from "../../core/display-width.ts";

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

/** Pads a string to a display width, counting CJK characters as two columns. */
export function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
