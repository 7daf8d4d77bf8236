import type { EngineState } from "./conversation-state.ts";
import type { CopyHit } from "./copy-hits.ts";
import { correctField, editIndicator } from "./corrections.ts";
import { textAt } from "./draft-access.ts";
import { amendQueried } from "./implausible-values.ts";
import { type Intent, recognise } from "./intents.ts";
import { HELP_TEXT } from "./messages.ts";
import { familyOfDraft } from "./narrative-slots.ts";
import { getIn } from "./patch.ts";
import { confirmFirst, pasteReplaced, revisesNarrative } from "./pending-reminders.ts";
import { currentSlot, unskip } from "./progress.ts";
import { READ_ONLY, readOnlyReplies } from "./read-only.ts";
import { notice, say } from "./replies.ts";
import { MAX_MESSAGE } from "./sanitize.ts";
import { correctScheme, SCHEME_WORDS, schemeChoicesText } from "./scheme-correction.ts";
import { correctSection } from "./section-correction.ts";
import { buildSlots } from "./slots.ts";
import { STATED_PROMPT, statedBlocksAnswer } from "./stated-blocks.ts";
import { ask, type StepResult, slotsOf, type TurnContext, take } from "./turn-context.ts";
import { answerTurn, generateTurn, pasteTurn, skipTurn, undoTurn } from "./turns.ts";
import type { TypedAction } from "./typed-action.ts";

/** A turn's result, or the report the shell must load first (切换到报告 N): step again with it. */
export type TextTurn = StepResult & { needs?: { report: string } };

/** A short one-line message read as a command, or null to read it as an answer. */
export function intentOf(text: string): Intent | null {
  return text.length <= 200 && !text.includes("\n") ? recognise(text) : null;
}

/** The choices the engine itself offers that are commands (确认/取消 of a confirmation, the review's). */
const CHOICE_COMMANDS: Readonly<Record<string, Intent>> = {
  确认: { kind: "confirm" },
  取消: { kind: "cancel" },
  生成报告: { kind: "generate" },
  现在多少分: { kind: "score" },
};

/** A typed message about the conversation's report: a command, a paste, or an answer. */
export function textTurn(
  ctx: TurnContext,
  state: EngineState,
  text: string,
  copies: readonly CopyHit[],
): TextTurn {
  if (text === "")
    return ask(ctx, state, [notice("error", "消息是空的。请回答下面的问题，或回复“帮助”查看可用的说法。")]);
  if (text.length > MAX_MESSAGE)
    return ask(ctx, state, [
      notice(
        "error",
        `消息太长（${text.length} 字，上限 ${MAX_MESSAGE} 字），没有保存。请分段粘贴，例如先粘贴自评表，再粘贴文字部分。`,
      ),
    ]);
  const intent = intentOf(text);
  const command = intent === null ? null : commandTurn(ctx, state, intent);
  if (command !== null) return command;
  const pending = state.conversation.pending;
  if (pending === null) {
    // The scheme is asked only while there is none, and without one there is no card to add
    // questions: the draft's questions without scoring it tell whether the scheme is being asked.
    const unscored = buildSlots({
      doc: state.report ?? {},
      schemes: ctx.schemes,
      report: null,
      card: null,
      copies: [],
    });
    const onScheme =
      textAt(state.report ?? {}, ["schemeId"]) === undefined &&
      currentSlot(unscored, state.conversation)?.key === "scheme";
    const stated = statedBlocksAnswer(state.report ?? {}, text, onScheme);
    const asked = { ...state, conversation: unskip(state.conversation, "scheme") };
    if (stated === "prompt") return ask(ctx, asked, [say(STATED_PROMPT)]);
    if (stated !== null) return take(ctx, asked, stated, "scheme");
  }
  const pasted = /[\n\t|]/.test(text) ? pasteTurn(ctx, state, text, copies) : null;
  if (pasted !== null && pending !== null && pasted.state.conversation.pending !== pending)
    return { ...pasted, replies: [pasteReplaced(pending), ...pasted.replies] };
  if (pasted !== null) return pasted;
  // "改成100%" answers a queried value: the waiting changes are proposed again with it.
  const amended = pending === null ? null : amendQueried(state.report ?? {}, pending, text);
  if (amended !== null && pending !== null) return take(ctx, state, amended, pending.eventKind);
  if (pending !== null && !revisesNarrative(pending, text))
    return { state, replies: [confirmFirst(pending)], effects: [] };
  const unpended =
    pending === null ? state : { ...state, conversation: { ...state.conversation, pending: null } };
  return answerTurn(ctx, unpended, text, copies);
}

/** A pressed button or chosen menu item about the conversation's report, taken as it is. */
export function actionTurn(ctx: TurnContext, state: EngineState, action: TypedAction): TextTurn {
  if (action.kind !== "choose") return commandTurn(ctx, state, action) ?? ask(ctx, state, []);
  const command = CHOICE_COMMANDS[action.value];
  if (command !== undefined) return commandTurn(ctx, state, command) ?? ask(ctx, state, []);
  const pending = state.conversation.pending;
  if (pending !== null) return { state, replies: [confirmFirst(pending)], effects: [] };
  const slot = currentSlot(slotsOf(ctx, state.report), state.conversation);
  // A button of a question answered since (an old message) answers nothing else.
  if (slot?.choices?.some((c) => c.value === action.value) !== true)
    return ask(ctx, state, [
      notice("info", `“${action.value}”是之前一个问题的选项，没有保存。请回答下面的问题。`),
    ]);
  return take(ctx, state, slot.answer(action.value), "answer");
}

/** A command (typed or pressed); null when `intent` is not one this turn acts on. */
function commandTurn(ctx: TurnContext, state: EngineState, intent: Intent): TextTurn | null {
  const pending = state.conversation.pending;
  const conversation = state.conversation;
  if (pending !== null && intent.kind === "confirm")
    return take(
      ctx,
      state,
      { ok: true, value: { changes: pending.changes, summary: pending.summary, notes: [] } },
      pending.eventKind,
      true,
    );
  if (pending !== null && intent.kind === "cancel")
    return ask(ctx, { ...state, conversation: { ...conversation, pending: null } }, [
      say(`已放弃，未保存：${pending.summary}。`),
    ]);
  if (intent.kind === "confirm" || intent.kind === "cancel")
    return ask(ctx, state, [notice("info", "现在没有等待确认的内容。请回答下面的问题。")]);
  if (READ_ONLY.has(intent.kind)) {
    const asked = intent.kind === "score" || intent.kind === "why" || intent.kind === "howto";
    const next = asked ? schemeAskedAgain(state) : state;
    return ask(ctx, next, readOnlyReplies(ctx, state, intent));
  }
  switch (intent.kind) {
    case "undo":
      return undoTurn(ctx, state);
    case "skip":
      return skipTurn(ctx, state, false);
    case "skip-all":
      return skipTurn(ctx, state, true);
    case "new-report":
      return ask(
        ctx,
        {
          report: null,
          conversation: { ...conversation, reportId: null, pending: null, skipped: [], undo: [] },
        },
        [say("好的，开始一份新报告。之前的报告已保存，回复“我的报告”可以切换回去。")],
      );
    case "generate":
      return generateTurn(ctx, schemeAskedAgain(state));
    case "change-scheme":
      return ask(ctx, state, [say(schemeChoicesText(state.report ?? {}, ctx.schemes))]);
    case "correct": {
      const doc = state.report ?? {};
      if (SCHEME_WORDS.test(intent.target.trim()))
        return take(ctx, state, correctScheme(doc, intent.value, ctx.schemes), "correction");
      const section = correctSection(doc, intent.target, intent.value, familyOfDraft(doc, ctx.schemes));
      return take(ctx, state, section ?? correctField(doc, intent.target, intent.value), "correction");
    }
    case "indicator-edit":
      return take(
        ctx,
        state,
        editIndicator(state.report ?? {}, intent.ref, intent.column, intent.value),
        "correction",
      );
    default:
      return anyTimeTurn(ctx, state, intent);
  }
}

/** 我的报告, 切换到报告 N and 帮助: the same with or without a report. */
export function anyTimeTurn(ctx: TurnContext, state: EngineState, intent: Intent): TextTurn | null {
  switch (intent.kind) {
    case "list-reports":
      return { state, replies: [], effects: [{ type: "list-reports" }] };
    case "open-report":
      return { state, replies: [], effects: [], needs: { report: intent.ref } };
    case "help":
      return ask(ctx, state, [say(HELP_TEXT)]);
    default:
      return null;
  }
}

/** The state with a put-off scheme asked again, when there is no scheme to score by yet. */
function schemeAskedAgain(state: EngineState): EngineState {
  if (state.report === null || getIn(state.report, ["schemeId"]) !== undefined) return state;
  return { ...state, conversation: unskip(state.conversation, "scheme") };
}
