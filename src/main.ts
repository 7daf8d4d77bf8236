import { existsSync } from "node:fs";
import { runCli } from "./adapters/cli/main.ts";
import { readConfig } from "./config.ts";

/**
 * `npm start`: the composition root. With no arguments it opens the terminal chat on the local
 * SQLite file (no token or key needed); with arguments it runs that `ziping` command.
 * The Slack app starts here once SLACK_BOT_TOKEN and SLACK_APP_TOKEN are set (issue 6).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // Settings from ./.env (see .env.example); variables already set in the shell win.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = readConfig();
  if (!config.ok) {
    process.stderr.write(`${config.message}\n`);
    process.exitCode = 2;
    return;
  }
  if (
    config.config.SLACK_BOT_TOKEN !== undefined &&
    config.config.SLACK_APP_TOKEN !== undefined &&
    args.length === 0
  ) {
    process.stderr.write("已设置 Slack 令牌，但 Slack 应用尚未包含在此版本中；先启动终端对话。\n");
  }
  process.exitCode = await runCli(args.length > 0 ? args : ["chat"]);
}

await main();
