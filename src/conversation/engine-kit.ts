import type { Result } from "../core/result.ts";
import type { Scheme } from "../scoring/scheme.ts";
import type { EngineState } from "./conversation-state.ts";
import type { CopyHit } from "./copy-hits.ts";
import type { Effect } from "./effects.ts";
import type { Reply } from "./replies.ts";
import type { Proposal, Slot } from "./slot-types.ts";

/** What one turn produced: the next state, the replies to render, the effects for the shell. */
export interface StepResult {
  state: EngineState;
  replies: Reply[];
  effects: Effect[];
}

/** The engine's shared moves, handed to the turn functions. */
export interface Kit {
  schemes: readonly Scheme[];
  /** The report's questions, filled or not. */
  slotsOf(state: EngineState, copies?: readonly CopyHit[]): Slot[];
  /** Ends a turn with the next question after `replies`. */
  ask(state: EngineState, replies: Reply[], effects?: Effect[]): StepResult;
  /** Saves a proposal (or asks to confirm it first) and moves on; `confirmed` skips the second look. */
  take(state: EngineState, proposal: Result<Proposal>, kind: string, confirmed?: boolean): StepResult;
}

/** 确认 / 取消 buttons. */
export const CONFIRM_CHOICES = [
  { label: "确认", value: "确认" },
  { label: "取消", value: "取消" },
];
