import { HELP } from "./help-text.ts";
import { type CliIo, EXIT } from "./output.ts";

/** The progress line of `ziping review` on a terminal: rewritten in place, cleared by "". */
export function terminalProgress(line: string): void {
  process.stderr.write(line === "" ? "\r\x1b[2K" : `\r\x1b[2K${line}`);
}

/** A mistake on the command line: the message, then the help. */
export function usage(io: CliIo, message: string): number {
  io.err(`${message}\n\n${HELP}`);
  return EXIT.badInput;
}
