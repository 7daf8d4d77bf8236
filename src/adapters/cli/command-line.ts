import { parseArgs } from "node:util";
import { acceptsOption, optionError } from "./command-usage.ts";

/** `ziping` reads these options; each command accepts only its own (see COMMANDS). */
const OPTIONS = {
  scheme: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h" },
  db: { type: "string" },
  user: { type: "string" },
  script: { type: "string" },
  delay: { type: "string" },
  out: { type: "string" },
  corpus: { type: "string" },
  unit: { type: "string" },
  llm: { type: "string" },
  notes: { type: "string" },
  redraft: { type: "boolean", default: false },
  admin: { type: "boolean", default: false },
  name: { type: "string" },
  year: { type: "string" },
  kind: { type: "string" },
  to: { type: "string" },
  force: { type: "boolean", default: false },
  yes: { type: "boolean", default: false },
  "with-events": { type: "boolean", default: false },
  "add-to-corpus": { type: "boolean", default: false },
  "skip-unreadable": { type: "boolean", default: false },
} as const;

/** Parses a command line; a mistake in it is a Chinese message naming the option (node's are English). */
export function parseCommandLine(argv: readonly string[]) {
  const loose = parseArgs({ args: [...argv], allowPositionals: true, strict: false, options: OPTIONS });
  const command = loose.positionals[0];
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; allowPositionals: true; tokens: true; options: typeof OPTIONS }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, tokens: true, options: OPTIONS });
  } catch (e) {
    const flag = /'(-[^' ]+)/u.exec((e as Error).message)?.[1] ?? "";
    const code = (e as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      return {
        error: optionError(
          command,
          flag,
          /argument missing/u.test((e as Error).message) ? "missing-value" : "switch-with-value",
        ),
      };
    return { error: optionError(command, flag, "unknown") };
  }
  for (const t of parsed.tokens) {
    if (t.kind === "option" && !acceptsOption(command, t.name))
      return {
        error: optionError(command, t.rawName.startsWith("--") ? `--${t.name}` : t.rawName, "unknown"),
      };
  }
  return { parsed };
}
