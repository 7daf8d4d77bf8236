import { parseArgs } from "node:util";
import { z } from "zod";
import { explainCommand } from "./explain-command.ts";
import { type CliIo, EXIT, processIo } from "./output.ts";
import { schemaCommand } from "./schema-command.ts";
import { schemesCommand } from "./schemes-command.ts";
import { scoreCommand } from "./score-command.ts";

export const HELP = `ziping（自评）—— 绩效自评报告助手

用法：
  ziping score   <报告.json> [--scheme 方案ID|方案文件] [--json]   按评分方案计分，列出与规则不符之处
  ziping explain <报告.json> [--scheme 方案ID|方案文件] [--json]   为什么不是100分？怎样才能得优/100分？
  ziping schemes [--json]                                          列出已安装的评分方案
  ziping schema                                                    打印报告文件的 JSON Schema

示例：
  npx ziping score fixtures/reports/seed-000.json
  npx ziping explain fixtures/reports/seed-000.json

退出码：0 成功；2 输入有误（会用中文说明哪个文件、哪个字段、应如何填写）。`;

function usage(io: CliIo, message: string): number {
  io.err(`${message}\n\n${HELP}`);
  return EXIT.badInput;
}

/** Runs one `ziping` command line; returns the exit code. Never throws for bad input. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  z.config(z.locales.zhCN());
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        scheme: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return usage(io, `命令参数有误：${(e as Error).message}`);
  }
  const [command, ...rest] = parsed.positionals;
  const json = parsed.values.json === true;
  const scheme = typeof parsed.values.scheme === "string" ? parsed.values.scheme : undefined;
  if (parsed.values.help || command === undefined || command === "help") {
    io.out(HELP);
    return EXIT.ok;
  }
  try {
    switch (command) {
      case "score":
      case "explain": {
        const file = rest[0];
        if (file === undefined)
          return usage(
            io,
            `ziping ${command} 需要一个报告文件，例如 ziping ${command} fixtures/reports/seed-000.json`,
          );
        return command === "score"
          ? scoreCommand(io, file, scheme, json)
          : explainCommand(io, file, scheme, json);
      }
      case "schemes":
        return schemesCommand(io, json);
      case "schema":
        return schemaCommand(io);
      default:
        return usage(io, `未知命令“${command}”。`);
    }
  } catch (e) {
    io.err(`内部错误（这是 ziping 的缺陷，请把以下信息反馈给开发者）：${(e as Error).message}`);
    return EXIT.bug;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
