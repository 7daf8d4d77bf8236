import { z } from "zod";
import type { Change, Json } from "./patch.ts";

const ChangeSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  before: z.json().optional(),
  after: z.json().optional(),
});

/** A set of changes accepted together, with the words shown to the officer. */
const ChangeSetSchema = z.object({ summary: z.string(), changes: z.array(ChangeSchema) });

/** What the engine waits for besides the next question. */
const PendingSchema = z.object({
  kind: z.literal("confirm"),
  summary: z.string(),
  eventKind: z.string(),
  changes: z.array(ChangeSchema),
});

/** How many undo steps are kept in the conversation (the event log keeps everything). */
export const UNDO_DEPTH = 30;

/**
 * The conversation's own state, persisted after every turn. The next question is not stored: it is
 * computed from the report and `skipped`, so a resumed conversation asks exactly what is missing.
 */
export const ConversationStateSchema = z.object({
  v: z.literal(1),
  reportId: z.string().nullable(),
  pending: PendingSchema.nullable(),
  /** Slot keys the officer chose to fill later (跳过/稍后补充). */
  skipped: z.array(z.string()),
  undo: z.array(ChangeSetSchema),
});
export type ConversationState = Omit<z.infer<typeof ConversationStateSchema>, "pending" | "undo"> & {
  pending: Pending | null;
  undo: ChangeSet[];
};
export interface ChangeSet {
  summary: string;
  changes: Change[];
}
export interface Pending extends ChangeSet {
  kind: "confirm";
  eventKind: string;
}

/** A fresh conversation with no report yet. */
export function initialConversation(): ConversationState {
  return { v: 1, reportId: null, pending: null, skipped: [], undo: [] };
}

/** What `step` works on: the conversation and the report draft it is filling (null before the first). */
export interface EngineState {
  conversation: ConversationState;
  report: Json | null;
}
