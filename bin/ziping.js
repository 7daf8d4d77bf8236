#!/usr/bin/env node
// The `ziping` command: runs the TypeScript CLI through tsx's loader, so a fresh clone needs only `npm ci`.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/adapters/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
