import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkReport } from "../../src/checks/check-report.ts";
import { type Report, ReportSchema } from "../../src/core/report.ts";
import { ok, type Result } from "../../src/core/result.ts";
import type { PromptTexts } from "../../src/drafting/build-prompt.ts";
import { type DraftInput, TemplateFamilySchema } from "../../src/drafting/draft-types.ts";
import { collectFacts } from "../../src/drafting/facts.ts";
import type { LlmPort, LlmReply, LlmRequest } from "../../src/drafting/llm-port.ts";
import { PROMPT_FAMILIES, type PromptFamily } from "../../src/drafting/section-families.ts";
import { score } from "../../src/scoring/score.ts";
import { loadScheme } from "../../src/services/scheme-files.ts";

const ROOT = join(import.meta.dirname, "../..");

/** Seed 000 (or another seed) as a drafter gets it, with the Henan department template. */
export function seedInput(name = "seed-000", extra: Partial<DraftInput> = {}): DraftInput {
  const path = join(ROOT, "fixtures/reports", `${name}.json`);
  const report: Report = ReportSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const scheme = loadScheme(report.schemeId ?? "");
  if (!scheme.ok) throw new Error(scheme.error.message);
  const card = score(report, scheme.value);
  const family = TemplateFamilySchema.parse(
    JSON.parse(readFileSync(join(ROOT, "templates/henan-department.json"), "utf8")),
  );
  return {
    report,
    card,
    sheet: collectFacts(report, card),
    family,
    findings: checkReport(report, card, []),
    ...extra,
  };
}

/** The prompt files as the shell reads them. */
export function readPrompts(): PromptTexts {
  const read = (name: string) => readFileSync(join(ROOT, "prompts", `${name}.md`), "utf8");
  const texts = Object.fromEntries(PROMPT_FAMILIES.map((f) => [f, read(f)]));
  return { system: read("system"), ...texts } as PromptTexts;
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
