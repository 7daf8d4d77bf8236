import { createInterface } from "node:readline/promises";
import { HELP, runCli } from "./adapters/cli/main.ts";

/**
 * `npm start`: the embedded default, a terminal session that needs no token or key. Until the
 * conversational chat lands (issue 3) it takes `ziping` commands line by line.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length > 0) {
    process.exitCode = await runCli(args);
    return;
  }
  process.stdout.write(
    `欢迎使用 ziping（自评）。输入命令后回车，例如：\n  explain fixtures/reports/seed-000.json\n输入 help 查看全部命令，exit 退出。\n\n`,
  );
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt("ziping> ");
  rl.prompt();
  for await (const line of rl) {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words[0] === "exit" || words[0] === "quit" || words[0] === "退出") break;
    if (words.length > 0) await runCli(words[0] === "ziping" ? words.slice(1) : words);
    else process.stdout.write(`${HELP}\n`);
    rl.prompt();
  }
  rl.close();
}

await main();
