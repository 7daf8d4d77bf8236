import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ok, type Result } from "../../src/core/result.ts";
import type { PromptTexts } from "../../src/drafting/build-prompt.ts";
import { type DraftInput, TemplateFamilySchema } from "../../src/drafting/draft-types.ts";
import type { LlmPort, LlmReply, LlmRequest } from "../../src/drafting/llm-port.ts";
import { PROMPT_FAMILIES, type PromptFamily } from "../../src/drafting/section-families.ts";
import { stockPhrasesIn } from "../../src/drafting/stock-phrases.ts";
import { loadPrompts } from "../../src/services/prompt-files.ts";
import { draftInput, seedJson } from "./drafter-fixtures.ts";

const ROOT = join(import.meta.dirname, "../..");

/** Seed 000 (or another seed) as a drafter gets it, with the real Henan department family of templates/. */
export function seedInput(name = "seed-000", extra: Partial<DraftInput> = {}): DraftInput {
  const family = TemplateFamilySchema.parse(
    JSON.parse(readFileSync(join(ROOT, "templates/henan-department.json"), "utf8")),
  );
  return draftInput(seedJson(name), family, extra);
}

/** The prompt files, read by the shell's own loader. */
export function readPrompts(): PromptTexts {
  const prompts = loadPrompts();
  if (!prompts.ok) throw new Error(prompts.error.message);
  return prompts.value;
}

/** A recorded model answer: fixtures/llm/seed-000.<family>.json. */
export interface RecordedReply {
  family: PromptFamily;
  content: string;
  usage: { prompt_tokens: number; completion_tokens: number };
}

export function recorded(family: PromptFamily, seed = "seed-000"): RecordedReply {
  return JSON.parse(readFileSync(join(ROOT, "fixtures/llm", `${seed}.${family}.json`), "utf8"));
}

/** A reply with `content`, as the adapter returns it. */
export function reply(content: string | null, tokens: [number, number] = [1000, 300]): Result<LlmReply> {
  return ok({
    content,
    model: "fake-model",
    promptTokens: tokens[0],
    completionTokens: tokens[1],
    latencyMs: 42,
  });
}

/** The recorded answer of `family` as the adapter would return it. */
export function recordedReply(family: PromptFamily): Result<LlmReply> {
  const r = recorded(family);
  return reply(r.content, [r.usage.prompt_tokens, r.usage.completion_tokens]);
}

/**
 * The recorded answer of `family` as the model's repair turn would give it: every sentence holding
 * a stock phrase (成立绩效自评工作组, 建立整改台账 …) left out; undefined when it holds none.
 */
export function repairedReply(family: PromptFamily): Result<LlmReply> | undefined {
  const r = recorded(family);
  const content = r.content.replace(/^```json\s*|\s*```$/g, "");
  if (stockPhrasesIn(content).length === 0) return undefined;
  const parsed = JSON.parse(content) as { sections: { id: string; paragraphs: string[] }[] };
  const sections = parsed.sections.map((s) => ({
    id: s.id,
    paragraphs: s.paragraphs
      .map((p) => (p.match(/[^。]+。?/gu) ?? []).filter((x) => stockPhrasesIn(x).length === 0).join(""))
      .filter((p) => p !== ""),
  }));
  return reply(JSON.stringify({ sections }), [r.usage.prompt_tokens, r.usage.completion_tokens]);
}

/** The recorded answers of every family in drafting order, each followed by its repair when it holds a stock phrase. */
export function recordedRun(): Result<LlmReply>[] {
  return PROMPT_FAMILIES.flatMap((f) => {
    const repaired = repairedReply(f);
    return repaired === undefined ? [recordedReply(f)] : [recordedReply(f), repaired];
  });
}

/** A content string in the output shape, one section. */
export function sectionJson(id: string, ...paragraphs: string[]): string {
  return JSON.stringify({ sections: [{ id, paragraphs }] });
}

/** A recording fake model: answers from a queue, keeps every request. */
export function fakeLlm(answers: Result<LlmReply>[]): LlmPort & { requests: LlmRequest[] } {
  const queue = [...answers];
  const requests: LlmRequest[] = [];
  return {
    model: "fake-model",
    requests,
    async complete(request) {
      requests.push(request);
      const next = queue.shift();
      if (next === undefined) throw new Error("fake model: no answer left in the queue");
      return next;
    },
  };
}

/** sha256 hex, as the shell passes it. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A clock that moves one second per reading from 2024-03-01T08:00:00Z. */
export function steppingClock(): () => Date {
  let t = Date.parse("2024-03-01T08:00:00.000Z");
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}
