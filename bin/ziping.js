#!/usr/bin/env node
// The `ziping` command: runs the TypeScript CLI through tsx's loader, so a fresh clone needs only `npm ci`.
import { existsSync } from "node:fs";
import { register } from "tsx/esm/api";

// `ziping check … | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
// Settings from ./.env (see .env.example); variables already set in the shell win.
if (existsSync(".env")) process.loadEnvFile(".env");
register();
const { runCli } = await import("../src/adapters/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
