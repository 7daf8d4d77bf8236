import type { Report } from "../core/report.ts";
import type { Result } from "../core/result.ts";
import type { Scheme } from "../scoring/scheme.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import type { CopyHit } from "./copy-hits.ts";
import type { Change, Json } from "./patch.ts";
import type { Choice } from "./replies.ts";

/** What an answer would change, in words for the officer, with anything assumed or derived. */
export interface Proposal {
  changes: Change[];
  summary: string;
  notes: string[];
  /** Set when the answer is plausible but surprising: ask before saving. */
  confirm?: string;
}

/** What slots need to know besides the draft. */
export interface SlotContext {
  doc: Json;
  schemes: readonly Scheme[];
  /** The draft as a report, and its score card, when it can be scored. */
  report: Report | null;
  card: ScoreCard | null;
  /** Passages of the message being answered found in other agencies' reports (from the shell). */
  copies: readonly CopyHit[];
}

/** One thing the conversation asks for. Its `key` is stable ("budget", "actual:3"). */
export interface Slot {
  key: string;
  /** The field's Chinese name, used in questions and error messages. */
  field: string;
  question: string;
  example: string;
  choices?: Choice[];
  filled: boolean;
  /** Reads a bare answer to this question. */
  answer(text: string): Result<Proposal>;
}
