import type { Config } from "../config.ts";
import { fail, ok, type Result } from "../core/result.ts";
import type { DraftEnv } from "../services/draft-report.ts";
import { loadPrompts } from "../services/prompt-files.ts";
import { loadTemplateFamilies } from "../services/template-files.ts";
import type { LlmCallRepository } from "../storage/index.ts";
import { databaseLocation } from "../storage/postgres/pg-url.ts";
import { llmSettings } from "./llm-settings.ts";
import { openLlm } from "./llm-setup.ts";
import { type App, composeApp, composePostgresApp } from "./open-app.ts";

/** on: the model must be configured; off: deterministic; auto: the model when configured. */
export type LlmChoice = "on" | "off" | "auto";

/** `--llm on` without a configured model: what to set. */
function llmRequired(config: Config): Result<never> | null {
  const settings = llmSettings(config);
  if (settings.ok) return null;
  return fail(
    "llm.not_configured",
    `--llm on 需要配置模型${settings.why === undefined ? "" : `（${settings.why}）`}：请设置 LLM_MODEL，以及 OPENAI_API_KEY 或 OPENAI_BASE_URL（参见 .env.example），或用 --llm off 使用确定性起草。`,
  );
}

/**
 * The drafting environment: the template families, and, when a model is used, the port, the
 * prompts and the call log (every call recorded on the deployment's database).
 */
export function draftEnv(
  config: Config,
  options: { llm: LlmChoice; now: () => Date },
  log: LlmCallRepository,
): Result<DraftEnv> {
  const families = loadTemplateFamilies();
  if (!families.ok) return families;
  const required = options.llm === "on" ? llmRequired(config) : null;
  if (required !== null) return required;
  const port = options.llm === "off" ? undefined : openLlm(config);
  if (port === undefined) return ok({ families: families.value, now: options.now });
  const prompts = loadPrompts();
  if (!prompts.ok) return prompts;
  const settings = llmSettings(config);
  return ok({
    families: families.value,
    now: options.now,
    llm: {
      port,
      prompts: prompts.value,
      record: (call) => log.record(call),
      ...(settings.ok ? { deadlineMs: settings.settings.draftDeadlineMs } : {}),
    },
  });
}

/**
 * The application as a channel receives it, from the settings: the PostgreSQL database of
 * DATABASE_URL when it is set (instances sharing one database), else the SQLite file `db` (one
 * connection for every repository), and the drafter `llm` chooses. An `--llm on` without a model
 * fails before the database is opened.
 */
export async function openZiping(
  config: Config,
  options: { llm: LlmChoice; db: string; now: () => Date },
): Promise<Result<App>> {
  const required = options.llm === "on" ? llmRequired(config) : null;
  if (required !== null) return required;
  const compose = { now: options.now, drafting: (log: LlmCallRepository) => draftEnv(config, options, log) };
  const url = config.DATABASE_URL;
  return url === undefined ? composeApp(options.db, compose) : composePostgresApp(url, compose);
}

/** How commands name the deployment's database: the SQLite file, or "PostgreSQL host:port/db" (no password). */
export function databaseName(db: string, databaseUrl: string | undefined): string {
  return databaseUrl === undefined ? db : `PostgreSQL ${databaseLocation(databaseUrl)}`;
}
