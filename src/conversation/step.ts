import type { Result } from "../core/result.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { accept } from "./apply-proposal.ts";
import type { EngineState } from "./conversation-state.ts";
import type { CopyHit } from "./copy-hits.ts";
import { correctField, editIndicator } from "./corrections.ts";
import { derivedReplies, surprise } from "./derived-replies.ts";
import type { Effect } from "./effects.ts";
import { CONFIRM_CHOICES, type Kit, type StepResult } from "./engine-kit.ts";
import { amendQueried, implausibleQuery } from "./implausible-values.ts";
import { type Intent, recognise } from "./intents.ts";
import { HELP_TEXT, WELCOME } from "./messages.ts";
import { familyOfDraft } from "./narrative-slots.ts";
import { applyChanges, getIn, type Json } from "./patch.ts";
import { confirmFirst, pasteReplaced, revisesNarrative } from "./pending-reminders.ts";
import { currentSlot, missingReplies, progressOf, questionReply, unskip } from "./progress.ts";
import { notice, type Reply, say } from "./replies.ts";
import { MAX_MESSAGE, sanitize } from "./sanitize.ts";
import { correctScheme, SCHEME_WORDS, schemeChoicesText } from "./scheme-correction.ts";
import { cardFor, explainReplies, scoreReplies } from "./score-answers.ts";
import { correctSection } from "./section-correction.ts";
import type { Proposal, Slot } from "./slot-types.ts";
import { autoChanges, buildSlots } from "./slots.ts";
import { STATED_PROMPT, statedBlocksAnswer } from "./stated-blocks.ts";
import { answerTurn, generateTurn, pasteTurn, skipTurn, undoTurn } from "./turns.ts";

/** One user message (or a resume) as the engine sees it. Ids come from the shell. */
export interface EngineInput {
  text: string;
  /** Id for a report this turn may create. */
  newReportId: string;
  /** Set when a conversation is reopened (terminal start, app restart): say where we are. */
  resume?: boolean;
  /** Passages of `text` the shell found in other agencies' reports (the corpus is in the database). */
  copies?: readonly CopyHit[];
}

/** Builds the engine for a set of installed scoring schemes. */
export function createEngine(schemes: readonly Scheme[]) {
  /** The slots of a draft, scored once: the card decides which 未完成原因 questions exist. */
  const slotsFor = (doc: Json, got: ReturnType<typeof cardFor>, copies: readonly CopyHit[] = []): Slot[] =>
    "card" in got
      ? buildSlots({ doc, schemes, report: got.report, card: got.card, copies })
      : buildSlots({ doc, schemes, report: null, card: null, copies });
  const slotsOf = (state: EngineState, copies: readonly CopyHit[] = []): Slot[] => {
    const doc = state.report ?? {};
    return slotsFor(doc, cardFor(doc, schemes), copies);
  };

  const ask = (state: EngineState, replies: Reply[], effects: Effect[] = []): StepResult => {
    const slots = slotsOf(state);
    const question = questionReply(slots, state.conversation);
    return {
      state,
      replies: [...replies, question],
      effects,
    };
  };

  /** Saves a proposal (or asks to confirm it first) and moves on. */
  const take = (
    state: EngineState,
    proposal: Result<Proposal>,
    kind: string,
    confirmed = false,
  ): StepResult => {
    if (!proposal.ok) return ask(state, [notice("error", proposal.error.message, proposal.error.path)]);
    const before = state.report ?? {};
    const auto = autoChanges(applyChanges(before, proposal.value.changes), schemes);
    const p = {
      ...proposal.value,
      changes: [...proposal.value.changes, ...auto.changes],
      summary: [proposal.value.summary, ...auto.lines].join("；"),
    };
    const query = confirmed ? undefined : implausibleQuery(before, p.changes)?.text;
    const wow =
      confirmed || surprise(before) !== undefined ? undefined : surprise(applyChanges(before, p.changes));
    if (p.confirm !== undefined || query !== undefined || wow !== undefined) {
      const pending = {
        kind: "confirm" as const,
        summary: p.summary,
        eventKind: kind,
        changes: p.changes,
      };
      return {
        state: { ...state, conversation: { ...state.conversation, pending } },
        replies: [{ type: "confirm", text: p.confirm ?? query ?? wow ?? "", choices: CONFIRM_CHOICES }],
        effects: [],
      };
    }
    const accepted = accept(state, { summary: p.summary, changes: p.changes }, kind);
    if (!accepted.ok) return ask(state, [notice("error", accepted.error.message, accepted.error.path)]);
    const saved =
      p.changes.length > 0
        ? say(`已记录：${p.summary}`)
        : p.summary !== ""
          ? say(p.summary)
          : notice(
              "info",
              "这条消息没有需要保存的内容。要修改某个数字，可以说“把预算执行数改成545.06万元”。",
            );
    const notes = p.notes.map((n) => notice("info", n));
    const derived = derivedReplies(state.report, accepted.value.state.report, p.changes, schemes);
    return ask(accepted.value.state, [saved, ...notes, ...derived], accepted.value.effects);
  };

  const kit: Kit = { schemes, slotsOf, ask, take };

  function step(state: EngineState, input: EngineInput, _now: Date): StepResult {
    const effects: Effect[] = [];
    let current = state;
    const text = sanitize(input.text);
    if (current.report === null || current.conversation.reportId === null) {
      if (text === "" || input.resume === true || /^(你好|您好|开始|hi|hello|嗨)$/i.test(text))
        return ask(current, [say(WELCOME)]);
      const before = noReportTurn(current, text);
      if (before !== null) return before;
      const doc: Json = { schemaVersion: 1 };
      current = {
        report: doc,
        conversation: {
          ...current.conversation,
          reportId: input.newReportId,
          skipped: [],
          undo: [],
          pending: null,
        },
      };
      effects.push({ type: "create-report", reportId: input.newReportId, doc });
    } else if (input.resume === true) {
      // A scoring scheme put off last time is asked again: nothing is scored under a scheme nobody chose.
      current = { ...current, conversation: unskip(current.conversation, "scheme") };
      const { done, total } = progressOf(slotsOf(current));
      const lead =
        done > 0 ? [say(`欢迎回来，上次填到这里（已完成 ${done}/${total} 项）。`)] : [say(WELCOME)];
      const pending = current.conversation.pending;
      if (pending !== null)
        return {
          state: current,
          replies: [
            ...lead,
            {
              type: "confirm",
              text: `还有待确认的内容：${pending.summary}。回复“确认”保存，或“取消”放弃。`,
              choices: CONFIRM_CHOICES,
            },
          ],
          effects,
        };
      return withEffects(ask(current, lead), effects);
    }
    return withEffects(turn(current, text, input.copies ?? []), effects);
  }

  /**
   * Commands that make sense before any report exists (我的报告, 切换到报告 N, 帮助, 新建报告) are
   * answered without starting an empty report; anything else is the first answer of a new report.
   */
  function noReportTurn(state: EngineState, text: string): StepResult | null {
    const intent = intentOf(text);
    if (intent?.kind === "new-report") return ask(state, [say("好的，开始一份新报告。")]);
    return intent === null ? null : anyTimeTurn(state, intent);
  }

  /** 我的报告, 切换到报告 N and 帮助: the same with or without a report. */
  function anyTimeTurn(state: EngineState, intent: Intent): StepResult | null {
    switch (intent.kind) {
      case "list-reports":
        return { state, replies: [], effects: [{ type: "list-reports" }] };
      case "open-report":
        return { state, replies: [], effects: [{ type: "open-report", ref: intent.ref }] };
      case "help":
        return ask(state, [say(HELP_TEXT)]);
      default:
        return null;
    }
  }

  function turn(state: EngineState, text: string, copies: readonly CopyHit[]): StepResult {
    if (text === "")
      return ask(state, [notice("error", "消息是空的。请回答下面的问题，或回复“帮助”查看可用的说法。")]);
    if (text.length > MAX_MESSAGE)
      return ask(state, [
        notice(
          "error",
          `消息太长（${text.length} 字，上限 ${MAX_MESSAGE} 字），没有保存。请分段粘贴，例如先粘贴自评表，再粘贴文字部分。`,
        ),
      ]);
    const intent = intentOf(text);
    const pending = state.conversation.pending;
    const conversation = state.conversation;
    if (pending !== null && intent?.kind === "confirm")
      return take(
        state,
        { ok: true, value: { changes: pending.changes, summary: pending.summary, notes: [] } },
        pending.eventKind,
        true,
      );
    if (pending !== null && intent?.kind === "cancel")
      return ask({ ...state, conversation: { ...conversation, pending: null } }, [
        say(`已放弃，未保存：${pending.summary}。`),
      ]);
    if (pending === null && (intent?.kind === "confirm" || intent?.kind === "cancel"))
      return ask(state, [notice("info", "现在没有等待确认的内容。请回答下面的问题。")]);
    switch (intent?.kind) {
      case "undo":
        return undoTurn(kit, state);
      case "skip":
        return skipTurn(kit, state, false);
      case "skip-all":
        return skipTurn(kit, state, true);
      case "progress": {
        const p = progressOf(slotsOf(state));
        return ask(state, [say(`已完成 ${p.done}/${p.total} 项。`)]);
      }
      case "missing":
        return ask(state, missingReplies(slotsOf(state), conversation));
      case "score":
        return ask(schemeAskedAgain(state), scoreReplies(state.report, schemes));
      case "why":
        return ask(schemeAskedAgain(state), explainReplies(state.report, schemes));
      case "howto":
        return ask(schemeAskedAgain(state), explainReplies(state.report, schemes, intent.goal));
      case "new-report":
        return ask(
          {
            report: null,
            conversation: { ...conversation, reportId: null, pending: null, skipped: [], undo: [] },
          },
          [say("好的，开始一份新报告。之前的报告已保存，回复“我的报告”可以切换回去。")],
        );
      case "generate":
        return generateTurn(kit, schemeAskedAgain(state));
      case "change-scheme":
        return ask(state, [say(schemeChoicesText(state.report ?? {}, schemes))]);
      case "correct":
        if (SCHEME_WORDS.test(intent.target.trim()))
          return take(state, correctScheme(state.report ?? {}, intent.value, schemes), "correction");
        return take(
          state,
          correctSection(
            state.report ?? {},
            intent.target,
            intent.value,
            familyOfDraft(state.report ?? {}, schemes),
          ) ?? correctField(state.report ?? {}, intent.target, intent.value),
          "correction",
        );
      case "indicator-edit":
        return take(
          state,
          editIndicator(state.report ?? {}, intent.ref, intent.column, intent.value),
          "correction",
        );
      default: {
        const anyTime = intent === null ? null : anyTimeTurn(state, intent);
        if (anyTime !== null) return anyTime;
      }
    }
    if (pending === null) {
      const onScheme = currentSlot(slotsOf(state), conversation)?.key === "scheme";
      const stated = statedBlocksAnswer(state.report ?? {}, text, onScheme);
      const asked = { ...state, conversation: unskip(conversation, "scheme") };
      if (stated === "prompt") return ask(asked, [say(STATED_PROMPT)]);
      if (stated !== null) return take(asked, stated, "scheme");
    }
    const pasted = /[\n\t|]/.test(text) ? pasteTurn(kit, state, text, copies) : null;
    if (pasted !== null && pending !== null && pasted.state.conversation.pending !== pending)
      return {
        ...pasted,
        replies: [pasteReplaced(pending), ...pasted.replies],
      };
    if (pasted !== null) return pasted;
    // "改成100%" answers a queried value: the waiting changes are proposed again with it.
    const amended = pending === null ? null : amendQueried(state.report ?? {}, pending, text);
    if (amended !== null && pending !== null) return take(state, amended, pending.eventKind);
    if (pending !== null && !revisesNarrative(pending, text))
      return { state, replies: [confirmFirst(pending)], effects: [] };
    const unpended =
      pending === null ? state : { ...state, conversation: { ...conversation, pending: null } };
    return answerTurn(kit, unpended, text, copies);
  }

  /** The state with a put-off scheme asked again, when there is no scheme to score by yet. */
  function schemeAskedAgain(state: EngineState): EngineState {
    if (state.report === null || getIn(state.report, ["schemeId"]) !== undefined) return state;
    return { ...state, conversation: unskip(state.conversation, "scheme") };
  }

  /** The columns stored beside a report for listing: unit, year, kind, progress, score. */
  function summarize(doc: Json): ReportSummary {
    const got = cardFor(doc, schemes);
    const p = progressOf(slotsFor(doc, got));
    const unitName = getIn(doc, ["unit", "name"]);
    const year = getIn(doc, ["year"]);
    const kind = getIn(doc, ["kind"]);
    return {
      unitName: typeof unitName === "string" ? unitName : null,
      year: typeof year === "number" ? year : null,
      kind: typeof kind === "string" ? kind : null,
      progressDone: p.done,
      progressTotal: p.total,
      score: "card" in got ? got.card.total : null,
      grade: "card" in got ? got.card.grade : null,
    };
  }

  return { step, summarize };
}

/** A short one-line message read as a command, or null to read it as an answer. */
function intentOf(text: string): Intent | null {
  return text.length <= 200 && !text.includes("\n") ? recognise(text) : null;
}

/** The listing columns of a report. */
export interface ReportSummary {
  unitName: string | null;
  year: number | null;
  kind: string | null;
  progressDone: number;
  progressTotal: number;
  score: number | null;
  grade: string | null;
}

/** The conversation engine: `step` for turns, `summarize` for listings. */
export type ChatEngine = ReturnType<typeof createEngine>;

/** Puts effects of the start of a turn before those of its end. */
function withEffects(result: StepResult, effects: Effect[]): StepResult {
  return { ...result, effects: [...effects, ...result.effects] };
}
