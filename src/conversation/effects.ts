import type { Change, Json } from "./patch.ts";

/**
 * What the shell must do after a turn, besides persisting the new state. The engine decides; the
 * shell (services) carries it out inside the same transaction.
 */
export type Effect =
  /** A new report draft was started; the shell stores it with the user as owner. */
  | { type: "create-report"; reportId: string; doc: Json }
  /** An accepted change to the report: append it to the event log (who, when, message id come from the shell). */
  | { type: "record"; reportId: string; kind: string; summary: string; changes: Change[] }
  /** The officer asked for the list of their reports. */
  | { type: "list-reports" }
  /** Deliver the report (JSON now; Markdown and Word once drafting lands). */
  | { type: "export"; reportId: string };
