import type { ReportSummary } from "../core/report-summary.ts";
/** The arguments of the {@link Store} writes, named so callers can build them apart. */

/** What a member may do with a report. */
export type MemberRole = "owner" | "editor" | "viewer";

/**
 * What a user is in a unit. Either role sees every report of the unit; "admin" is for the callers
 * that let a unit's admin manage it.
 */
export type UnitRole = "member" | "admin";

/** The columns of a report kept beside its document, recomputed by the caller at every save. */
export interface ReportUpdate extends ReportSummary {
  id: string;
  doc: unknown;
  now: Date;
}

/** One entry to add to a report's event log. */
export interface NewEvent {
  reportId: string;
  userId: string;
  messageId: string | null;
  at: Date;
  kind: string;
  summary: string;
  changes: unknown;
}

/** A chat's state to save. */
export interface ConversationSave {
  key: string;
  userId: string;
  reportId: string | null;
  state: unknown;
  now: Date;
}

/** A new report: its id, who creates it (becomes owner) and its first document. */
export interface NewReport {
  id: string;
  createdBy: string;
  doc: unknown;
  now: Date;
}

/** The replies sent for a chat message, recorded so a redelivery is answered the same way. */
export interface ProcessedMessageRecord {
  messageId: string;
  conversationKey: string;
  replies: unknown;
  now: Date;
}
