import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fail, ok, type Result } from "../core/result.ts";
import type { PromptTexts } from "../drafting/build-prompt.ts";
import { PROMPT_FAMILIES } from "../drafting/section-families.ts";
import { PROJECT_ROOT } from "./project-root.ts";

/** prompts/ at the repository root. */
export const PROMPT_DIR = `${join(PROJECT_ROOT, "prompts")}/`;

/** Reads prompts/system.md and one prompts/<family>.md per drafted section family. */
export function loadPrompts(dir: string = PROMPT_DIR): Result<PromptTexts> {
  const texts: Partial<PromptTexts> = {};
  for (const name of ["system", ...PROMPT_FAMILIES] as const) {
    const path = `${dir}${dir.endsWith("/") ? "" : "/"}${name}.md`;
    try {
      texts[name] = readFileSync(path, "utf8");
    } catch {
      return fail(
        "prompt.missing",
        `缺少提示词文件 ${path}：prompts/ 下应有 system.md 和每类章节的 .md 文件。`,
        path,
      );
    }
  }
  return ok(texts as PromptTexts);
}
