import { existsSync } from "node:fs";
import { runCli } from "./adapters/cli/main.ts";
import { readConfig, slackSettings } from "./config.ts";

/**
 * `npm start`: the entry point. Settings are read once here; src/app composes the service (one
 * database connection, every repository, the engine, the drafter) and this hands it to the chosen
 * channel. With no arguments it starts the Slack app when Slack is
 * configured (SLACK_BOT_TOKEN with SLACK_APP_TOKEN, or with SLACK_SIGNING_SECRET in HTTP mode), else
 * the terminal chat on the local SQLite file (no token or key needed); with arguments it runs that
 * `ziping` command.
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
  const slack = slackSettings(config.config);
  if (args.length === 0 && slack.ok) {
    // Loaded only here: the terminal chat does not pay for Bolt and its HTTP stack.
    const { startSlack } = await import("./adapters/slack/start-slack.ts");
    const { openZiping } = await import("./app/draft-env.ts");
    const app = await openZiping(config.config, {
      llm: "auto",
      db: config.config.ZIPING_DB,
      now: () => new Date(),
    });
    if (!app.ok) {
      process.stderr.write(`${app.error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.exitCode = await startSlack(app.value.ziping, config.config, slack.settings);
    return;
  }
  if (args.length === 0 && !slack.ok && slack.why !== undefined) {
    process.stderr.write(
      `Slack 设置不完整：${slack.why}。\n请补全 .env 中的 Slack 设置（参见 .env.example 和 README“在 Slack 中使用”），或删去全部 SLACK_ 变量以使用终端对话。\n`,
    );
    process.exitCode = 2;
    return;
  }
  process.exitCode = await runCli(args.length > 0 ? args : ["chat"]);
}

await main();
