import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../../src/adapters/cli/main.ts";

// main.ts loads a command's module when the command first runs; the tests load them all here, with
// the test file's imports, so that loading is not counted in the few seconds a test may take.
const CLI = join(import.meta.dirname, "../../../src/adapters/cli");
await Promise.all(
  readdirSync(CLI)
    .filter((f) => f.endsWith("-command.ts"))
    .map((f) => import(join(CLI, f))),
);

/** Runs one `ziping` command line in-process, capturing what it prints. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Writes a file into a test's temp folder and returns its path. */
export function writeIn(dir: string, name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}
