import type { Result } from "../core/result.ts";
import { accept } from "./apply-proposal.ts";
import type { ConversationState, EngineState } from "./conversation-state.ts";
import type { CopyHit } from "./copy-hits.ts";
import { textAt } from "./draft-access.ts";
import { changesForFacts } from "./fact-changes.ts";
import { extractFacts } from "./facts.ts";
import { type FactMessage, readFactMessage } from "./figure-leftovers.ts";
import { implausibleQuery } from "./implausible-values.ts";
import { holdLongAnswer } from "./long-message.ts";
import { pastedSectionNotices } from "./narrative-review.ts";
import { familyOfDraft } from "./narrative-slots.ts";
import { notAnAnswer } from "./not-an-answer.ts";
import { looksTabular, otherReportConcerns, readPaste } from "./paste.ts";
import { applyChanges, invertChanges, type Json } from "./patch.ts";
import { currentSlot } from "./progress.ts";
import { notice, say } from "./replies.ts";
import { schemeOfRegionNamed } from "./scheme-choice.ts";
import { correctScheme } from "./scheme-correction.ts";
import { scoreReplies } from "./score-answers.ts";
import type { Proposal, Slot } from "./slot-types.ts";
import { ask, CONFIRM_CHOICES, type StepResult, slotsOf, type TurnContext, take } from "./turn-context.ts";

/** Slots whose answer is narrative text: a question or an empty message is never saved there. */
const NARRATIVE = /^(goals|section:|deviationReason:)/;
/** Slots whose answer is free text, read whole (not searched for labelled facts). */
const FREE_TEXT = /^(goals|section:|deviationReason:|target:|actual:|preparer|scheme|kind)/;

/**
 * The turns of the engine besides commands that only talk: answers, pastes, undo, skip, generate.
 * Each takes the turn's context (schemes, scoring memo) and state, and returns the next state.
 */
export function answerTurn(
  ctx: TurnContext,
  state: EngineState,
  text: string,
  copies: readonly CopyHit[] = [],
): StepResult {
  const slots = slotsOf(ctx, state.report, copies);
  const slot = currentSlot(slots, state.conversation);
  const doc = state.report ?? {};
  // A long or multi-line message is shown for 确认 before anything in it is saved.
  const held = (s: EngineState, proposal: Result<Proposal>, kind: string) =>
    take(ctx, s, holdLongAnswer(text, proposal), kind);
  if (slot === undefined) {
    const read = readFactMessage(doc, text);
    if (read.hits.length === 0 && read.problems.length === 0 && read.notes.length === 0)
      return ask(ctx, state, [
        notice(
          "info",
          "所有问题都已回答。要修改某个数字，可以说“把预算执行数改成545.06万元”或“第3个指标的实际值是98%”。",
        ),
      ]);
    return takeFacts(ctx, text, state, undefined, read);
  }
  if (slot.key === "budget" || slot.key === "three") return held(state, slot.answer(text), "answer");
  if (NARRATIVE.test(slot.key)) {
    const not = notAnAnswer(text, slot.field);
    if (not?.kind === "scheme") {
      const scheme = correctScheme(
        doc,
        not.words.replace(/^.*?(?:用|改成|改为|按)/u, "").replace(/的?吧$|[。！!]$/u, ""),
        ctx.schemes,
      );
      if (scheme.ok) return held(state, scheme, "answer");
      return ask(ctx, state, [
        notice("info", `关于评分办法的话没有作为“${slot.field}”保存。${scheme.error.message}`),
      ]);
    }
    const named =
      not?.kind === "question" ? schemeOfRegionNamed(text, textAt(doc, ["kind"]), ctx.schemes) : undefined;
    if (named !== undefined)
      return ask(ctx, state, [
        notice(
          "info",
          `可以：有《${named.name}》。说“把评分办法改成${named.region}”就按它计分（现在${textAt(doc, ["schemeId"]) === named.id ? "已经是按它计分" : "还没有改"}）。这句话没有作为“${slot.field}”保存。`,
        ),
      ]);
    if (not !== undefined) return ask(ctx, state, [notice("info", not.reply)]);
  }
  if (FREE_TEXT.test(slot.key) && NARRATIVE.test(slot.key)) {
    // A message made only of labelled facts ("自评得分96，等级优") is taken as facts, not as this answer.
    const labelled = text.length <= 120 ? extractFacts(text, false) : null;
    if (
      labelled !== null &&
      labelled.hits.length > 0 &&
      labelled.leftovers.length === 0 &&
      labelled.problems.length === 0
    )
      return held(state, factsProposal(doc, labelled), "answer");
    return held(state, slot.answer(text), "answer");
  }
  if (FREE_TEXT.test(slot.key)) {
    // 填表人, 指标值, 实际完成值 …: figures typed here are taken wherever they belong; a message that
    // names none is this question's answer, and figures it cannot place are named, not dropped.
    const read = text.length <= 200 ? readFactMessage(doc, text) : null;
    if (read === null) return held(state, slot.answer(text), "answer");
    const labelled = read.hits.length > 0 && read.rest.length === 0 && read.problems.length === 0;
    const budget = read.hits.some((h) => h.field.path[0] === "budget") || read.notes.length > 0;
    if (labelled || budget) return takeFacts(ctx, text, state, slot, read);
    const bare = slot.answer(text);
    if (bare.ok || (read.hits.length === 0 && read.problems.length === 0)) return held(state, bare, "answer");
    return takeFacts(ctx, text, state, slot, read);
  }
  const read = readFactMessage(doc, text);
  if (read.hits.length === 0 && read.problems.length === 0 && read.notes.length === 0)
    return held(state, slot.answer(text), "answer");
  return takeFacts(ctx, text, state, slot, read);
}

/**
 * Saves the facts of a message and, when `slot` reads them, its remaining clauses as the answer;
 * every figure not taken is named. A message of nothing but one unreadable figure is refused.
 */
function takeFacts(
  ctx: TurnContext,
  text: string,
  state: EngineState,
  slot: Slot | undefined,
  read: FactMessage,
): StepResult {
  const doc = state.report ?? {};
  const first = read.problems[0];
  if (first !== undefined && read.hits.length === 0 && read.notes.length === 0)
    return ask(ctx, state, [notice("error", first.message, first.path)]);
  const named = [...read.problems.map((p) => `没有记录：${p.message}`), ...read.notes];
  const rest = read.rest.join("，");
  const bare = rest === "" || slot === undefined ? null : slot.answer(rest);
  if (read.hits.length === 0 && (bare === null || !bare.ok)) {
    const refused = bare !== null && !bare.ok ? [notice("error", bare.error.message, bare.error.path)] : [];
    return ask(ctx, state, [...refused, ...named.map((n) => notice("info", n))]);
  }
  const base = changesForFacts(doc, read.hits);
  const unread = rest !== "" && (bare === null || !bare.ok) ? [`没有读懂：“${rest}”`] : [];
  const own = bare?.ok === true ? bare.value : { changes: [], summary: "", notes: [] };
  const proposal: Result<Proposal> = {
    ok: true,
    value: {
      changes: [...own.changes, ...base.changes],
      summary: [own.summary, ...base.lines].filter((l) => l !== "").join("；"),
      notes: [...own.notes, ...base.notes, ...named, ...unread],
    },
  };
  // A long or multi-line message is shown for 确认 before anything in it is saved.
  return take(ctx, state, holdLongAnswer(text, proposal), "answer");
}

/**
 * A multi-line or tabular message: tables and sections are read and shown for confirmation. Returns
 * null when nothing in it is a table or a section, so it is read as an ordinary answer.
 */
export function pasteTurn(
  ctx: TurnContext,
  state: EngineState,
  text: string,
  copies: readonly CopyHit[] = [],
): StepResult | null {
  const doc = state.report ?? {};
  const reading = readPaste(doc, text, familyOfDraft(doc, ctx.schemes));
  if (!reading.recognised && !looksTabular(text)) return null;
  if (!reading.recognised)
    return ask(ctx, state, [
      ...reading.replies,
      notice(
        "error",
        "没有从粘贴的内容中读到表格或章节。表格请从 Excel/Word 直接复制（列之间是制表符）；文字请带上章节标题，例如“五、发现的主要问题和改进措施”。",
      ),
    ]);
  if (reading.changes.length === 0)
    return ask(ctx, state, [
      ...reading.replies,
      notice("info", "粘贴的内容与已保存的一致，没有需要修改的地方。"),
    ]);
  const pending = {
    kind: "confirm" as const,
    summary: reading.summary,
    eventKind: "paste",
    changes: reading.changes,
  };
  const got = ctx.grade(applyChanges(state.report ?? {}, reading.changes));
  const review =
    "card" in got ? { report: got.report, card: got.card, copies } : { report: null, card: null, copies };
  const query = implausibleQuery(state.report ?? {}, reading.changes);
  const concerns = [
    ...otherReportConcerns(reading.changes),
    ...pastedSectionNotices(reading.sectionIds, review),
    ...(query === undefined ? [] : [query.text]),
  ].map((n) => notice("warn", n));
  return {
    state: { ...state, conversation: { ...state.conversation, pending } },
    replies: [
      ...reading.replies,
      ...concerns,
      {
        type: "confirm",
        text: "以上内容正确吗？回复“确认”保存，“取消”放弃；有错可以先确认再修改。",
        choices: CONFIRM_CHOICES,
      },
    ],
    effects: [],
  };
}

/** 撤销: the last accepted change set, inverted and recorded. */
export function undoTurn(ctx: TurnContext, state: EngineState): StepResult {
  const stack = state.conversation.undo;
  const last = stack[stack.length - 1];
  if (last === undefined) return ask(ctx, state, [notice("info", "没有可以撤销的修改。")]);
  const reportId = state.conversation.reportId;
  if (state.report === null || reportId === null)
    return ask(ctx, state, [notice("info", "没有可以撤销的修改。")]);
  const changes = invertChanges(last.changes);
  const accepted = accept(
    { ...state, conversation: { ...state.conversation, undo: stack.slice(0, -1) } },
    { summary: `撤销：${last.summary}`, changes },
    "undo",
    ctx.parse,
  );
  if (!accepted.ok) return ask(ctx, state, [notice("error", accepted.error.message)]);
  const next = {
    ...accepted.value.state,
    conversation: { ...accepted.value.state.conversation, undo: stack.slice(0, -1) },
  };
  return ask(ctx, next, [say(`已撤销：${last.summary}`)], accepted.value.effects);
}

/** 跳过 (one question) or 全部跳过 (every open question of its kind). */
export function skipTurn(ctx: TurnContext, state: EngineState, all: boolean): StepResult {
  const slots = slotsOf(ctx, state.report);
  const slot = currentSlot(slots, state.conversation);
  if (slot === undefined) return ask(ctx, state, [notice("info", "没有待回答的问题。")]);
  if (slot.key === "scheme" && state.conversation.skipped.includes("scheme"))
    return ask(ctx, state, [
      notice(
        "info",
        "其余问题都已回答，只差评分办法：不选评分办法就不能计分，也不能生成报告。拿不准时可以选“按本表结构”（按指标表自身的一级指标和分值），或说“我来说一级指标和分值”。",
      ),
    ]);
  const prefix = slot.key.includes(":") ? `${slot.key.split(":")[0]}:` : slot.key;
  const keys = all
    ? slots.filter((s) => !s.filled && s.key.startsWith(prefix)).map((s) => s.key)
    : [slot.key];
  const conversation: ConversationState = {
    ...state.conversation,
    skipped: [...new Set([...state.conversation.skipped, ...keys])],
  };
  const what = keys.length > 1 ? `这一类的 ${keys.length} 个问题` : `“${slot.field}”`;
  return ask(ctx, { ...state, conversation }, [say(`好的，${what}稍后补充。回复“还差什么”随时可以查看。`)]);
}

/** 生成报告: the score and an export effect, or why the report cannot be generated yet. */
export function generateTurn(ctx: TurnContext, state: EngineState): StepResult {
  const reportId = state.conversation.reportId;
  if (reportId === null) return ask(ctx, state, [notice("info", "还没有报告。")]);
  const slots = slotsOf(ctx, state.report);
  if (slots.some((s) => s.key === "scheme" && !s.filled))
    return ask(ctx, state, [
      notice(
        "info",
        "生成报告要先选定评分办法（报告里的得分、等级和失分说明都按它计算）。请从下面选一个，选好后再说“生成报告”。",
      ),
    ]);
  const got = ctx.grade(state.report);
  if ("why" in got)
    return ask(ctx, state, [
      notice(
        "info",
        `${got.why}报告里的得分、等级和失分说明都要按评分办法计算，所以还不能生成报告；也可以说“把评分办法改成…”换一个。`,
      ),
    ]);
  if (!got.report.indicators.some((b) => b.groups.some((g) => g.indicators.length > 0)))
    return ask(ctx, state, [
      notice(
        "info",
        "还没有绩效指标，不能计分，也就不能生成报告（得分、等级和失分说明都要按指标计算）。请先粘贴绩效指标表（从 Excel/Word 复制即可），再说“生成报告”。",
      ),
    ]);
  const open = slots.filter((s) => !s.filled);
  const lead =
    open.length > 0
      ? [notice("warn", `还有 ${open.length} 项未填写（回复“还差什么”查看），先按现有内容导出。`)]
      : [];
  return {
    state,
    replies: [...lead, ...scoreReplies(state.report, ctx.schemes, got)],
    effects: [{ type: "export", reportId }],
  };
}

function factsProposal(doc: Json, facts: ReturnType<typeof extractFacts>): Result<Proposal> {
  const first = facts.problems[0];
  if (first !== undefined) return { ok: false, error: first };
  const base = changesForFacts(doc, facts.hits);
  return { ok: true, value: { changes: base.changes, summary: base.lines.join("；"), notes: base.notes } };
}
