import { z } from "zod";

/** Settings read from the environment: the only reader of process.env (architecture). */
const ConfigSchema = z.object({
  ZIPING_DB: z.string().min(1).default("data/ziping.db"),
  SLACK_BOT_TOKEN: z.string().startsWith("xoxb-", "SLACK_BOT_TOKEN 应以 xoxb- 开头").optional(),
  SLACK_APP_TOKEN: z.string().startsWith("xapp-", "SLACK_APP_TOKEN 应以 xapp- 开头").optional(),
  /** The login name, the default user of the terminal chat. */
  USER: z.string().default("officer"),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads and validates the environment; a bad value is a Chinese message naming the variable. */
export function readConfig(
  env: Record<string, string | undefined> = process.env,
): { ok: true; config: Config } | { ok: false; message: string } {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ConfigSchema.safeParse(present);
  if (parsed.success) return { ok: true, config: parsed.data };
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}：${i.message}`);
  return {
    ok: false,
    message: `环境变量设置有误：\n${lines.join("\n")}\n请检查 .env 或 shell 中的设置（参见 .env.example）。`,
  };
}
