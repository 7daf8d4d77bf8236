import type { Scheme } from "../scoring/scheme.ts";
import { score } from "../scoring/score.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import type { EngineState } from "./conversation-state.ts";
import type { CopyHit } from "./copy-hits.ts";
import type { Effect } from "./effects.ts";
import { notFoundText, WELCOME } from "./messages.ts";
import type { Json } from "./patch.ts";
import { progressOf, unskip } from "./progress.ts";
import { READ_ONLY, readOnlyReplies } from "./read-only.ts";
import { notice, type Reply, say } from "./replies.ts";
import { type ReportSummary, summaryOf } from "./report-summary.ts";
import { sanitize } from "./sanitize.ts";
import type { Scorer } from "./score-answers.ts";
import { actionTurn, anyTimeTurn, intentOf, type TextTurn, textTurn } from "./text-turn.ts";
import {
  ask,
  CONFIRM_CHOICES,
  GradeCache,
  type StepResult,
  slotsOf,
  type TurnContext,
  turnContext,
} from "./turn-context.ts";
import type { TypedAction } from "./typed-action.ts";

/** One user message (or a resume, or a pressed button) as the engine sees it. Ids come from the shell. */
export interface EngineInput {
  text: string;
  /** Id for a report this turn may create. */
  newReportId: string;
  /** Set when a conversation is reopened (terminal start, app restart): say where we are. */
  resume?: boolean;
  /** Passages of `text` the shell found in other agencies' reports (the corpus is in the database). */
  copies?: readonly CopyHit[];
  /** A pressed button or chosen menu item: taken as it is, `text` is not read. */
  action?: TypedAction;
  /**
   * The report the officer asked to open (切换到报告 N), loaded by the shell after the engine said
   * it `needs` it (or before, for a typed action); null when there is none they may open.
   */
  opened?: { ref: string; report: { id: string; doc: Json } | null };
}

/** What the engine computed about the turn's final draft: the shell saves it beside the report. */
export interface Assessment {
  /** The listing columns (unit, year, kind, progress, score, grade). */
  summary: ReportSummary;
  /** The score card, when the draft can be scored. */
  card: ScoreCard | null;
}

/** One turn's outcome: the next state, the replies, the effects for the shell, the assessment. */
export interface TurnOutcome extends TextTurn {
  /**
   * The final draft's assessment; null when the conversation has no report, or when the draft is
   * unchanged and this turn did not score it (the assessment saved with it stands).
   */
  assessment: Assessment | null;
}

/** What the engine is built with besides the schemes. */
export interface EngineOptions {
  /** Scores a parsed draft; defaults to `score` (the bench passes a counting wrapper). */
  scorer?: Scorer;
}

/**
 * Builds the engine for a set of installed scoring schemes: `step` for turns, `read` for questions
 * that change nothing. Every call gets a fresh scoring memo, so a turn parses and scores each draft
 * it looks at once; the engine keeps the cards of recent drafts (GradeCache), so the draft a turn
 * starts from, graded when the previous turn ended, is not scored again.
 */
export function createEngine(schemes: readonly Scheme[], options: EngineOptions = {}) {
  const scorer = options.scorer ?? score;
  const cards = new GradeCache();
  /** One turn: the state and the message (or button) in; replies, state, effects and assessment out. */
  function step(state: EngineState, input: EngineInput, _now: Date): TurnOutcome {
    const ctx = turnContext(schemes, scorer, cards);
    return withAssessment(ctx, state, turnOf(ctx, state, input));
  }
  /** Answers a read-only question about `state`'s report, changing nothing; no next question. */
  function read(state: EngineState, text: string): Reply[] {
    const intent = intentOf(sanitize(text));
    if (intent === null || !READ_ONLY.has(intent.kind))
      return [notice("info", `“${text}”不是查询。可以问：进度、还差什么、现在多少分、为什么扣分。`)];
    return readOnlyReplies(turnContext(schemes, scorer, cards), state, intent);
  }
  return { step, read };
}

/** The conversation engine: `step` for turns, `read` for read-only questions. */
export type ChatEngine = ReturnType<typeof createEngine>;

function turnOf(ctx: TurnContext, state: EngineState, input: EngineInput): TextTurn {
  if (input.opened !== undefined) return openedTurn(ctx, state, input.opened);
  const effects: Effect[] = [];
  let current = state;
  const action = input.action;
  const text = action === undefined ? sanitize(input.text) : "";
  if (current.report === null || current.conversation.reportId === null) {
    const early =
      action === undefined ? noReportTurn(ctx, current, text, input) : noReportAction(ctx, current, action);
    if (early !== null) return early;
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
  } else if (input.resume === true) return resumeTurn(ctx, current);
  const result =
    action === undefined
      ? textTurn(ctx, current, text, input.copies ?? [])
      : actionTurn(ctx, current, action);
  return { ...result, effects: [...effects, ...result.effects] };
}

/**
 * Before any report exists: a greeting or a resume is welcomed; the commands that make sense
 * without a report (我的报告, 切换到报告 N, 帮助, 新建报告) are answered without starting an empty one;
 * null means the message is the first answer of a new report.
 */
function noReportTurn(
  ctx: TurnContext,
  state: EngineState,
  text: string,
  input: EngineInput,
): TextTurn | null {
  if (text === "" || input.resume === true || /^(你好|您好|开始|hi|hello|嗨)$/i.test(text))
    return ask(ctx, state, [say(WELCOME)]);
  const intent = intentOf(text);
  if (intent?.kind === "new-report") return ask(ctx, state, [say("好的，开始一份新报告。")]);
  return intent === null ? null : anyTimeTurn(ctx, state, intent);
}

/**
 * A button pressed before any report exists: the report commands act without starting one; any
 * other (跳过 on the first question) starts the report, as the same words typed would.
 */
function noReportAction(ctx: TurnContext, state: EngineState, action: TypedAction): TextTurn | null {
  if (action.kind === "new-report") return ask(ctx, state, [say("好的，开始一份新报告。")]);
  if (action.kind === "open-report" || action.kind === "list-reports") return anyTimeTurn(ctx, state, action);
  return null;
}

/** A reopened conversation: where it stands, and a confirmation still waiting. */
function resumeTurn(ctx: TurnContext, state: EngineState): StepResult {
  // A scoring scheme put off last time is asked again: nothing is scored under a scheme nobody chose.
  const current = { ...state, conversation: unskip(state.conversation, "scheme") };
  const { done, total } = progressOf(slotsOf(ctx, current.report));
  const lead = done > 0 ? [say(`欢迎回来，上次填到这里（已完成 ${done}/${total} 项）。`)] : [say(WELCOME)];
  const pending = current.conversation.pending;
  if (pending === null) return ask(ctx, current, lead);
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
    effects: [],
  };
}

/** 切换到报告 N with the report the shell loaded: the conversation continues there, where it stands. */
function openedTurn(
  ctx: TurnContext,
  state: EngineState,
  opened: NonNullable<EngineInput["opened"]>,
): StepResult {
  if (opened.report === null)
    return { state, replies: [notice("error", notFoundText(opened.ref))], effects: [] };
  return resumeTurn(ctx, {
    conversation: { ...state.conversation, reportId: opened.report.id, pending: null, skipped: [], undo: [] },
    report: opened.report.doc,
  });
}

/**
 * The final draft's assessment: a memo hit when the turn asked its next question; null when there
 * is no report, when the turn needs a report first (it is stepped again), and when the draft is
 * the one the turn started with and was not scored in it (its stored assessment stands).
 */
function withAssessment(ctx: TurnContext, start: EngineState, result: TextTurn): TurnOutcome {
  const doc = result.state.report;
  if (doc === null || result.state.conversation.reportId === null || result.needs !== undefined)
    return { ...result, assessment: null };
  if (doc === start.report && !ctx.graded(doc)) return { ...result, assessment: null };
  const got = ctx.grade(doc);
  const card = "card" in got ? got.card : null;
  return { ...result, assessment: { summary: summaryOf(doc, card, slotsOf(ctx, doc)), card } };
}
