import { existsSync } from "node:fs";
import { runCli } from "./adapters/cli/main.ts";
import { readConfig } from "./config.ts";

/**
 * `npm start`: the entry point. Settings are read once here; src/app composes the service (one
 * database connection, every repository, the engine, the drafter) and hands it to the chosen
 * channels. With no arguments it starts every chat platform whose settings are present (Slack,
 * DingTalk, 政务钉钉, WeCom; several at once), or the terminal chat on the local SQLite file when
 * none is (no token or key needed); partial settings are named and nothing starts. With arguments
 * it runs that `ziping` command.
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
  if (args.length > 0) {
    process.exitCode = await runCli(args);
    return;
  }
  const { startChoice } = await import("./app/channel-plans.ts");
  const choice = startChoice(config.config);
  if (choice.kind === "terminal") {
    process.exitCode = await runCli(["chat"]);
    return;
  }
  if (choice.kind === "mistake") {
    process.stderr.write(`${choice.message}\n`);
    process.exitCode = 2;
    return;
  }
  const { openZiping } = await import("./app/draft-env.ts");
  const { runChannels } = await import("./services/run-channels.ts");
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
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  const log = {
    info: (line: string) => process.stderr.write(`${line}\n`),
    error: (line: string) => process.stderr.write(`${line}\n`),
  };
  process.exitCode = await runChannels(app.value.ziping, config.config, choice.plans, stopped, log);
}

await main();
