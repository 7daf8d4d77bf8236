import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OsUser } from "../../../src/adapters/cli/cli-access.ts";
import { runCli } from "../../../src/adapters/cli/main.ts";

// main.ts loads a command's module when the command first runs; the tests load them all here, with
// the test file's imports, so that loading is not counted in the few seconds a test may take.
const CLI = join(import.meta.dirname, "../../../src/adapters/cli");
await Promise.all(
  readdirSync(CLI)
    .filter((f) => f.endsWith("-command.ts"))
    .map((f) => import(join(CLI, f))),
);

/** What one command line printed and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs one `ziping` command line in-process as this process's OS account, capturing what it
 * prints. The suite runs as root or as the owner of its temp databases: an administrator.
 */
export function run(...argv: string[]): Promise<CliRun> {
  return runAs(undefined, ...argv);
}

/** Runs one `ziping` command line in-process as the OS account `os` (undefined: this process's). */
export async function runAs(os: OsUser | undefined, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, os);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Runs one command line with DATABASE_URL set (PostgreSQL), as an instance's .env does. */
export async function onPostgres(url: string, ...argv: string[]): Promise<CliRun> {
  process.env.DATABASE_URL = url;
  try {
    return await run(...argv);
  } finally {
    delete process.env.DATABASE_URL;
  }
}

/** Writes a file into a test's temp folder and returns its path. */
export function writeIn(dir: string, name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}
