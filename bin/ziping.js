#!/usr/bin/env node
// The `ziping` command: runs the bundle `npm ci` builds (dist/, see scripts/build.js) when it is up
// to date with src/, otherwise the TypeScript source through tsx's loader (ZIPING_FROM_SOURCE=1
// forces the source).
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chooseStart, startFacts } from "./start-choice.js";

// `ziping check … | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
// Settings from ./.env (see .env.example); variables already set in the shell win.
if (existsSync(".env")) process.loadEnvFile(".env");
const choice = chooseStart(startFacts(dirname(dirname(fileURLToPath(import.meta.url))), process.env));
let cli;
if (choice.run === "bundle") {
  cli = await import("../dist/ziping.mjs");
} else {
  if (choice.notice !== undefined) process.stderr.write(`${choice.notice}\n`);
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../src/adapters/cli/main.ts");
}
process.exitCode = await cli.runCli(process.argv.slice(2));
