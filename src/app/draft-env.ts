import { type Config, llmSettings } from "../config.ts";
import { fail, ok, type Result } from "../core/result.ts";
import type { DraftEnv } from "../services/draft-report.ts";
import { loadPrompts } from "../services/prompt-files.ts";
import { loadTemplateFamilies } from "../services/template-files.ts";
import { LlmCallLog } from "../storage/llm-call-log.ts";
import { openDatabase } from "../storage/open-database.ts";
import { openLlm } from "./llm-setup.ts";

/** on: the model must be configured; off: deterministic; auto: the model when configured. */
export type LlmChoice = "on" | "off" | "auto";

/**
 * The drafting environment of a command: the template families, and, when a model is used, the
 * port, the prompts and the call log on the deployment's database (every call recorded).
 */
export function openDraftEnv(
  config: Config,
  options: { llm: LlmChoice; db: string; now: () => Date },
): Result<{ env: DraftEnv; close: () => void }> {
  const families = loadTemplateFamilies();
  if (!families.ok) return families;
  const settings = llmSettings(config);
  if (options.llm === "on" && !settings.ok)
    return fail(
      "llm.not_configured",
      `--llm on 需要配置模型${settings.why === undefined ? "" : `（${settings.why}）`}：请设置 LLM_MODEL，以及 OPENAI_API_KEY 或 OPENAI_BASE_URL（参见 .env.example），或用 --llm off 使用确定性起草。`,
    );
  const port = options.llm === "off" ? undefined : openLlm(config);
  if (port === undefined) return ok({ env: { families: families.value, now: options.now }, close: () => {} });
  const prompts = loadPrompts();
  if (!prompts.ok) return prompts;
  const db = openDatabase(options.db);
  const log = new LlmCallLog(db);
  return ok({
    env: {
      families: families.value,
      now: options.now,
      llm: {
        port,
        prompts: prompts.value,
        record: (call) => log.record(call),
        ...(settings.ok ? { deadlineMs: settings.settings.draftDeadlineMs } : {}),
      },
    },
    close: () => db.close(),
  });
}
