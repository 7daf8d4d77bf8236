import type { Report } from "../core/report.ts";
import type { Result } from "../core/result.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { accept } from "./apply-proposal.ts";
import type { EngineState } from "./conversation-state.ts";
import type { CopyHit } from "./copy-hits.ts";
import { derivedReplies, surprise } from "./derived-replies.ts";
import { draftAsReport } from "./draft-access.ts";
import type { Effect } from "./effects.ts";
import { implausibleQuery } from "./implausible-values.ts";
import { applyChanges, type Json } from "./patch.ts";
import { questionReply } from "./progress.ts";
import { notice, type Reply, say } from "./replies.ts";
import { cardFor, type Graded, type Scorer } from "./score-answers.ts";
import type { Proposal, Slot } from "./slot-types.ts";
import { autoChanges, buildSlots } from "./slots.ts";

/** What a turn needs besides its state: the installed schemes and the turn's own scoring memo. */
export interface TurnContext {
  schemes: readonly Scheme[];
  /** The draft as a full report, or null while it lacks what the model requires; once per draft object. */
  parse(doc: Json): Report | null;
  /** The draft's card, computed once per draft object in this turn (parse + score). */
  grade(doc: Json | null): Graded;
  /** Whether this turn has graded `doc` already (its assessment then costs nothing). */
  graded(doc: Json | null): boolean;
}

/**
 * The cards of recent drafts by their JSON text, shared by the turns of one engine: the draft a turn
 * starts from is, as text, the draft the previous turn of that conversation ended with and graded,
 * so its "before" card costs no second parse and score. Bounded (least recently used dropped);
 * a miss only costs the scoring it saves. Cards and reports are never mutated once graded.
 */
export class GradeCache {
  readonly #cards = new Map<string, Graded>();
  constructor(private readonly limit = 128) {}

  get(key: string): Graded | undefined {
    const got = this.#cards.get(key);
    if (got !== undefined) {
      this.#cards.delete(key);
      this.#cards.set(key, got);
    }
    return got;
  }

  set(key: string, graded: Graded): void {
    this.#cards.delete(key);
    this.#cards.set(key, graded);
    if (this.#cards.size > this.limit) {
      const oldest = this.#cards.keys().next().value;
      if (oldest !== undefined) this.#cards.delete(oldest);
    }
  }
}

/**
 * A fresh context for one turn: each draft object the turn looks at (the draft as it stood, the
 * draft after the answer) is parsed and scored at most once, however many questions ask about it;
 * with a `shared` cache, a draft an earlier turn graded (the same JSON) is not scored again.
 */
export function turnContext(schemes: readonly Scheme[], scorer: Scorer, shared?: GradeCache): TurnContext {
  const memo = new WeakMap<object, Graded>();
  const reports = new WeakMap<object, Report | null>();
  const parse = (doc: Json): Report | null => {
    if (doc === null || typeof doc !== "object") return draftAsReport(doc);
    const known = reports.get(doc);
    if (known !== undefined) return known;
    const report = draftAsReport(doc);
    reports.set(doc, report);
    return report;
  };
  return {
    schemes,
    parse,
    grade(doc) {
      // Nothing to score: no parse, no scorer run.
      if (doc === null || typeof doc !== "object") return cardFor(doc, schemes, scorer);
      const known = memo.get(doc);
      if (known !== undefined) return known;
      const key = shared === undefined ? "" : JSON.stringify(doc);
      const got = shared?.get(key) ?? cardFor(doc, schemes, scorer, parse);
      memo.set(doc, got);
      shared?.set(key, got);
      return got;
    },
    graded: (doc) => doc !== null && typeof doc === "object" && memo.has(doc),
  };
}

/** What one turn produced: the next state, the replies to render, the effects for the shell. */
export interface StepResult {
  state: EngineState;
  replies: Reply[];
  effects: Effect[];
}

/** 确认 / 取消 buttons. */
export const CONFIRM_CHOICES = [
  { label: "确认", value: "确认" },
  { label: "取消", value: "取消" },
];

/** The questions of a draft, filled or not; the card decides which 未完成原因 questions exist. */
export function slotsOf(ctx: TurnContext, doc: Json | null, copies: readonly CopyHit[] = []): Slot[] {
  const d = doc ?? {};
  const got = ctx.grade(d);
  return "card" in got
    ? buildSlots({ doc: d, schemes: ctx.schemes, report: got.report, card: got.card, copies })
    : buildSlots({ doc: d, schemes: ctx.schemes, report: null, card: null, copies });
}

/** Ends a turn with the next question after `replies`. */
export function ask(
  ctx: TurnContext,
  state: EngineState,
  replies: Reply[],
  effects: Effect[] = [],
): StepResult {
  const question = questionReply(slotsOf(ctx, state.report), state.conversation);
  return { state, replies: [...replies, question], effects };
}

/** Saves a proposal (or asks to confirm it first) and moves on; `confirmed` skips the second look. */
export function take(
  ctx: TurnContext,
  state: EngineState,
  proposal: Result<Proposal>,
  kind: string,
  confirmed = false,
): StepResult {
  if (!proposal.ok) return ask(ctx, state, [notice("error", proposal.error.message, proposal.error.path)]);
  const before = state.report ?? {};
  const auto = autoChanges(applyChanges(before, proposal.value.changes), ctx.schemes);
  const p = {
    ...proposal.value,
    changes: [...proposal.value.changes, ...auto.changes],
    summary: [proposal.value.summary, ...auto.lines].join("；"),
  };
  const query = confirmed ? undefined : implausibleQuery(before, p.changes)?.text;
  const wow =
    confirmed || surprise(before) !== undefined ? undefined : surprise(applyChanges(before, p.changes));
  if (p.confirm !== undefined || query !== undefined || wow !== undefined) {
    const pending = { kind: "confirm" as const, summary: p.summary, eventKind: kind, changes: p.changes };
    return {
      state: { ...state, conversation: { ...state.conversation, pending } },
      replies: [{ type: "confirm", text: p.confirm ?? query ?? wow ?? "", choices: CONFIRM_CHOICES }],
      effects: [],
    };
  }
  const accepted = accept(state, { summary: p.summary, changes: p.changes }, kind, ctx.parse);
  if (!accepted.ok) return ask(ctx, state, [notice("error", accepted.error.message, accepted.error.path)]);
  const saved =
    p.changes.length > 0
      ? say(`已记录：${p.summary}`)
      : p.summary !== ""
        ? say(p.summary)
        : notice("info", "这条消息没有需要保存的内容。要修改某个数字，可以说“把预算执行数改成545.06万元”。");
  const notes = p.notes.map((n) => notice("info", n));
  const derived = derivedReplies(
    state.report,
    accepted.value.state.report,
    p.changes,
    ctx.schemes,
    ctx.grade,
  );
  return ask(ctx, accepted.value.state, [saved, ...notes, ...derived], accepted.value.effects);
}
