import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { checkReport } from "../src/checks/check-report.ts";
import { ReportSchema } from "../src/core/report.ts";
import { buildPrompt } from "../src/drafting/build-prompt.ts";
import { collectFacts } from "../src/drafting/facts.ts";
import { familySections, PROMPT_FAMILIES } from "../src/drafting/section-families.ts";
import { score } from "../src/scoring/score.ts";
import { draftDocx, draftReport } from "../src/services/draft-report.ts";
import { loadPrompts } from "../src/services/prompt-files.ts";
import { loadScheme } from "../src/services/scheme-files.ts";
import { loadTemplateFamilies } from "../src/services/template-files.ts";
import { timeAsync } from "./timing.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const ROOT = join(import.meta.dirname, "..");
const RecordedReply = z.object({
  family: z.string(),
  usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int() }),
});

/**
 * Drafting without a model: seed 000 scored, drafted, checked and rendered to Markdown, then to
 * Word (chart PNG included); and the prompt/completion tokens per report of the LLM path, summed
 * over the recorded replies in fixtures/llm/ (one call per section family, first attempt).
 */
export async function benchDraft(line: Line): Promise<void> {
  const report = ReportSchema.parse(
    JSON.parse(readFileSync(join(ROOT, "fixtures/reports/seed-000.json"), "utf8")),
  );
  const scheme = loadScheme("henan-zhengzhou-district-department");
  const families = loadTemplateFamilies();
  if (!scheme.ok || !families.ok) throw new Error("bench: scheme or templates missing");
  const env = { families: families.value, now: () => new Date("2026-11-21T09:00:00Z") };
  const draft = async () => {
    const drafted = await draftReport(report, scheme.value, env);
    if (!drafted.ok) throw new Error(drafted.error.message);
    return drafted.value;
  };
  for (let i = 0; i < 3; i++) await draft(); // warm-up
  const md = await timeAsync(30, draft);
  line("draft_markdown_no_llm_median", md.median, "ms", { report: "seed-000", runs: 30 });
  line("draft_markdown_no_llm_p99", md.p99, "ms", { report: "seed-000", runs: 30 });
  const both = await timeAsync(10, async () => draftDocx(await draft(), new Date("2026-11-21T09:00:00Z")));
  line("draft_md_and_docx_no_llm_median", both.median, "ms", { report: "seed-000", runs: 10 });
  const docx = await draftDocx(await draft(), new Date("2026-11-21T09:00:00Z"));
  line("draft_docx_size", docx.length / 1024, "KiB", { report: "seed-000" });
  const recorded = readdirSync(join(ROOT, "fixtures/llm"))
    .filter((f) => /^seed-000\..+\.json$/.test(f))
    .map((f) => RecordedReply.parse(JSON.parse(readFileSync(join(ROOT, "fixtures/llm", f), "utf8"))));
  const sum = (k: "prompt_tokens" | "completion_tokens") => recorded.reduce((a, r) => a + r.usage[k], 0);
  const names = recorded.map((r) => r.family).sort();
  line("llm_prompt_tokens_per_report", sum("prompt_tokens"), "tokens", {
    report: "seed-000",
    calls: recorded.length,
    families: names,
  });
  // What this build really sends for seed 000 (every section redrafted): characters of the
  // system + user messages per family, summed. Measured, unlike the recorded token counts above.
  const prompts = loadPrompts();
  const henan = families.value.get("henan-department");
  if (!prompts.ok || henan === undefined)
    throw new Error("bench: prompts or henan-department template missing");
  const card = score(report, scheme.value);
  const input = {
    report,
    card,
    sheet: collectFacts(report, card),
    family: henan.family,
    findings: checkReport(report, card, []),
    keepOfficerText: false,
  };
  const sent = PROMPT_FAMILIES.filter((f) => familySections(f, henan.family).length > 0).map((f) => {
    const request = buildPrompt(f, input, prompts.value);
    return [...request.system].length + [...request.user].length;
  });
  line(
    "llm_prompt_chars_per_report",
    sent.reduce((a, n) => a + n, 0),
    "chars",
    {
      report: "seed-000",
      calls: sent.length,
      per_call: sent,
    },
  );
  line("llm_completion_tokens_per_report", sum("completion_tokens"), "tokens", {
    report: "seed-000",
    calls: recorded.length,
  });
}
