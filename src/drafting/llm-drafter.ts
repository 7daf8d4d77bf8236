import { SECTION_RULES } from "../checks/data/section-rules.ts";
import { isEmptyAnswer } from "../checks/section-text.ts";
import type { Result } from "../core/result.ts";
import { SECTION_TITLES, type SectionId } from "../core/sections.ts";
import { buildPrompt, type NoteBudget, type PromptTexts } from "./build-prompt.ts";
import { draftSection } from "./deterministic-drafter.ts";
import { parseDraftOutput } from "./draft-output.ts";
import type { Draft, DraftedSection, DraftInput } from "./draft-types.ts";
import type { LlmCallRecord, LlmPort, LlmReply, LlmRequest } from "./llm-port.ts";
import { officerSection } from "./officer-text.ts";
import { familyOf, PROMPT_FAMILIES, type PromptFamily } from "./section-families.ts";
import { sectionProblems } from "./validate-section.ts";

/** What the LLM drafter needs from the shell: the model, the prompt files, a clock and a hash. */
export interface LlmDrafterDeps {
  llm: LlmPort;
  prompts: PromptTexts;
  now: () => Date;
  /** sha256 hex of a string; passed in so drafting stays free of node:crypto. */
  hash: (s: string) => string;
  /** Called once per attempt, as it happens (the shell writes it to SQLite). */
  record?: (call: LlmCallRecord) => Promise<unknown>;
  reportId?: string;
  budget?: NoteBudget;
  /**
   * Milliseconds for all model calls of this draft together, measured with `now` (LLM_DRAFT_DEADLINE_MS).
   * Each call gets what is left; once it is spent, or at the first timeout, the rest is deterministic.
   */
  deadlineMs?: number;
}

/**
 * Call errors after which no other call is made for this draft: the model will not answer (auth,
 * unreachable), or it hangs (timeout), and waiting again would hold the officer for minutes.
 */
const FATAL = new Set(["llm.auth", "llm.unreachable", "llm.timeout"]);

/** Why the sections after a fatal error or past the deadline are deterministic, for `rejected` and the summary. */
function stopReason(code: string | undefined): string {
  if (code === "llm.timeout") return "模型未在时限内回复，本次起草不再调用模型，本部分由系统按数据生成";
  if (code === "deadline")
    return "本次起草的模型调用总时限（LLM_DRAFT_DEADLINE_MS）已用完，本部分由系统按数据生成";
  return "模型不可用，本部分由系统按数据生成";
}

/** What is left of the draft's deadline, or undefined when there is none. */
type Clock = () => number | undefined;

/** One family's run: its sections as drafted, and the error code that stops further calls, if any. */
interface FamilyRun {
  sections: Map<SectionId, DraftedSection>;
  fatal?: string;
}

const fatalOf = (code: string): string | undefined => (FATAL.has(code) ? code : undefined);

/** Per-section outcome of one reply: the text, or the reasons it cannot be used. */
type Checked = Map<SectionId, { text: string } | { problems: string[] }>;

function promptHash(request: LlmRequest, hash: (s: string) => string): string {
  const turns = (request.history ?? []).map((h) => `${h.role}\n${h.content}`);
  return hash([request.system, request.user, ...turns].join("\n\n"));
}

/** The repair turn: what was wrong, section by section, and the order to answer again in JSON. */
function repairMessage(problems: Map<string, string[]>): string {
  const lines = [...problems].flatMap(([where, list]) => list.map((p) => `- 【${where}】${p}`));
  return `上一次的回答有以下问题：\n${lines.join("\n")}\n请逐条改正，重新输出完整的 JSON 对象（格式同前），不要输出其他文字。`;
}

/**
 * Checks a reply (parsed against the schema for `ids`) for the sections `wanted`; `problems` keyed
 * by section id, or "格式" when the reply as a whole is unusable.
 */
function checkReply(
  reply: LlmReply,
  ids: readonly SectionId[],
  wanted: readonly SectionId[],
  input: DraftInput,
  material: readonly string[],
): { checked: Checked; problems: Map<string, string[]> } {
  const checked: Checked = new Map();
  const problems = new Map<string, string[]>();
  const parsed = parseDraftOutput(reply.content, ids);
  if (!parsed.ok) {
    problems.set("格式", [parsed.error.message]);
    for (const id of wanted) checked.set(id, { problems: [parsed.error.message] });
    return { checked, problems };
  }
  for (const id of wanted) {
    const entry = parsed.value.sections.find((s) => s.id === id);
    const result =
      entry === undefined
        ? { text: "", problems: [`缺少章节“${id}”：每个要求的章节都要输出一项`] }
        : sectionProblems(
            entry.paragraphs
              .map((p) => p.trim())
              .filter((p) => p !== "")
              .join("\n\n"),
            {
              sheet: input.sheet,
              material,
            },
          );
    checked.set(id, result.problems.length === 0 ? { text: result.text } : { problems: result.problems });
    if (result.problems.length > 0) problems.set(id, result.problems);
  }
  return { checked, problems };
}

/** The deterministic text of a section, never blank or "无". */
function fallback(id: SectionId, input: DraftInput, rejected: readonly string[]): DraftedSection {
  const text = draftSection(id, input).trim();
  const safe = isEmptyAnswer(text, SECTION_RULES.emptyAnswers)
    ? `关于${SECTION_TITLES[id]}，报告未提供可据以撰写的材料，请填报人补充。`
    : text;
  return rejected.length === 0
    ? { id, text: safe, by: "deterministic" }
    : { id, text: safe, by: "deterministic", rejected: [...rejected] };
}

/** One call to the model, and its record (outcome "ok" or "failed"; the caller judges the reply). */
async function callModel(
  request: LlmRequest,
  attempt: number,
  family: PromptFamily,
  deps: LlmDrafterDeps,
  left: number | undefined,
): Promise<{ reply: Result<LlmReply>; record: LlmCallRecord }> {
  const at = deps.now();
  const reply = await deps.llm.complete(request, left === undefined ? undefined : { timeoutMs: left });
  const base = {
    ...(deps.reportId === undefined ? {} : { reportId: deps.reportId }),
    family,
    promptHash: promptHash(request, deps.hash),
    attempt,
    at: at.toISOString(),
  };
  if (!reply.ok) {
    // The adapter measures latency only for answers; a failure is timed with the injected clock.
    const latencyMs = Math.max(0, deps.now().getTime() - at.getTime());
    return {
      reply,
      record: { ...base, model: deps.llm.model, latencyMs, outcome: "failed", detail: reply.error.code },
    };
  }
  const { model, latencyMs, promptTokens, completionTokens } = reply.value;
  return {
    reply,
    record: {
      ...base,
      model,
      latencyMs,
      outcome: "ok",
      ...(promptTokens === undefined ? {} : { promptTokens }),
      ...(completionTokens === undefined ? {} : { completionTokens }),
    },
  };
}

async function runFamily(
  family: PromptFamily,
  ids: SectionId[],
  input: DraftInput,
  deps: LlmDrafterDeps,
  calls: LlmCallRecord[],
  left: Clock,
): Promise<FamilyRun> {
  const request = buildPrompt(family, input, deps.prompts, { sections: ids, budget: deps.budget });
  const material = [
    input.notes ?? "",
    ...input.report.narrative.filter((s) => familyOf(s.id) === family).map((s) => s.text),
  ];
  const sections = new Map<SectionId, DraftedSection>();
  const call = (req: LlmRequest, attempt: number) => callModel(req, attempt, family, deps, left());
  const log = async (record: LlmCallRecord) => {
    calls.push(record);
    await deps.record?.(record);
  };

  const first = await call(request, 1);
  if (!first.reply.ok) {
    await log(first.record);
    const reason = `模型调用失败（${first.reply.error.code}）：${first.reply.error.message}`;
    for (const id of ids) sections.set(id, fallback(id, input, [reason]));
    return { sections, fatal: fatalOf(first.reply.error.code) };
  }
  const one = checkReply(first.reply.value, ids, ids, input, material);
  const bad = ids.filter((id) => one.problems.has(id) || one.problems.has("格式"));
  for (const id of ids) {
    const c = one.checked.get(id);
    if (c !== undefined && "text" in c) sections.set(id, { id, text: c.text, by: "llm" });
  }
  if (bad.length === 0) {
    await log(first.record);
    return { sections };
  }
  await log({ ...first.record, outcome: "rejected", detail: [...one.problems.values()][0]?.[0] });
  const remaining = left();
  if (remaining !== undefined && remaining <= 0) {
    for (const id of bad) {
      const c = one.checked.get(id);
      sections.set(
        id,
        fallback(id, input, [...(c && "problems" in c ? c.problems : []), stopReason("deadline")]),
      );
    }
    return { sections, fatal: "deadline" };
  }

  const repair: LlmRequest = {
    ...request,
    history: [
      { role: "assistant", content: first.reply.value.content ?? "" },
      { role: "user", content: repairMessage(one.problems) },
    ],
  };
  const second = await call(repair, 2);
  if (!second.reply.ok) {
    await log(second.record);
    const reason = `修正后重新调用模型失败（${second.reply.error.code}）：${second.reply.error.message}`;
    for (const id of bad) {
      const c = one.checked.get(id);
      sections.set(id, fallback(id, input, [...(c && "problems" in c ? c.problems : []), reason]));
    }
    return { sections, fatal: fatalOf(second.reply.error.code) };
  }
  const two = checkReply(second.reply.value, ids, bad, input, material);
  const still: string[] = [];
  for (const id of bad) {
    const c = two.checked.get(id);
    if (c !== undefined && "text" in c) {
      sections.set(id, { id, text: c.text, by: "llm" });
    } else {
      const problems = c?.problems ?? [];
      still.push(...problems);
      sections.set(id, fallback(id, input, problems));
    }
  }
  await log(
    still.length === 0
      ? { ...second.record, outcome: "repaired" }
      : { ...second.record, outcome: "rejected", detail: still[0] },
  );
  return { sections };
}

/**
 * Drafts the narrative with a model, family by family (one call each, at most one repair turn),
 * keeping the officer's substantive sections as written. A section the model gets wrong twice, and
 * every section of a family whose call fails, is written by the deterministic drafter with the
 * reasons in `rejected`; after an auth, unreachable or timeout error, or once `deadlineMs` is spent,
 * no further call is made and `stopped` says why in Chinese. Every attempt is returned in `calls`
 * and passed to `record`.
 */
export async function draftWithLlm(
  input: DraftInput,
  deps: LlmDrafterDeps,
): Promise<Draft & { calls: LlmCallRecord[] }> {
  const deadline = deps.deadlineMs;
  // The clock is read for the deadline only when there is one (a test's stepping clock stays as it was).
  const start = deadline === undefined ? 0 : deps.now().getTime();
  const left: Clock = () => (deadline === undefined ? undefined : deadline - (deps.now().getTime() - start));
  const keep = input.keepOfficerText ?? true;
  const drafted = input.family.sections.filter((s) => s.drafted).map((s) => s.id);
  const done = new Map<SectionId, DraftedSection>();
  for (const id of drafted) {
    const officer = officerSection(input, id);
    if (keep && officer?.substantive) done.set(id, { id, text: officer.text, by: "officer" });
  }
  const calls: LlmCallRecord[] = [];
  let stop: string | undefined;
  let skipped = 0;
  for (const family of PROMPT_FAMILIES) {
    const ids = drafted.filter((id) => familyOf(id) === family && !done.has(id));
    if (ids.length === 0) continue;
    const remaining = left();
    if (stop === undefined && remaining !== undefined && remaining <= 0) stop = "deadline";
    if (stop !== undefined) {
      for (const id of ids) done.set(id, fallback(id, input, [stopReason(stop)]));
      skipped += ids.length;
      continue;
    }
    const run = await runFamily(family, ids, input, deps, calls, left);
    for (const [id, section] of run.sections) done.set(id, section);
    stop = run.fatal;
  }
  const sections = drafted.map((id) => done.get(id) ?? fallback(id, input, []));
  const draft: Draft & { calls: LlmCallRecord[] } = { sections, missing: input.sheet.missing, calls };
  if (stop !== undefined && (stop === "llm.timeout" || stop === "deadline"))
    draft.stopped = `${stop === "deadline" ? "模型调用总时限已用完" : "模型未在时限内回复"}，本次起草不再调用模型${skipped > 0 ? `，其余 ${skipped} 节由系统按数据生成` : ""}`;
  return draft;
}
