import { z } from "zod";

/**
 * A TEXT column holding JSON: checked to be a string, then parsed. A bad value becomes an issue on
 * that column, so the error names it.
 */
const jsonColumn = z.string().transform((text, ctx): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    ctx.addIssue({ code: "custom", message: "不是有效的 JSON" });
    return z.NEVER;
  }
});

const text = z.string();
const nullableText = z.string().nullable();
const count = z.number().int().min(0);

/** A `conversations` row, read back with its state parsed. */
export const ConversationRowSchema = z
  .object({ key: text, user_id: text, report_id: nullableText, state: jsonColumn, updated_at: text })
  .transform((r) => ({
    key: r.key,
    userId: r.user_id,
    reportId: r.report_id,
    state: r.state,
    updatedAt: r.updated_at,
  }));
/** One chat's saved state: whose it is, which report it is working on, and when it last moved. */
export type ConversationRow = z.output<typeof ConversationRowSchema>;

/** A `reports` row, read back with the report document parsed. */
export const ReportRowSchema = z
  .object({
    id: text,
    unit_name: nullableText,
    year: z.number().int().nullable(),
    kind: nullableText,
    doc: jsonColumn,
    progress_done: count,
    progress_total: count,
    score: z.number().nullable(),
    grade: nullableText,
    created_by: text,
    created_at: text,
    updated_at: text,
  })
  .transform((r) => ({
    id: r.id,
    unitName: r.unit_name,
    year: r.year,
    kind: r.kind,
    doc: r.doc,
    progressDone: r.progress_done,
    progressTotal: r.progress_total,
    score: r.score,
    grade: r.grade,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
/** A stored report: the document plus the columns copied out of it for listing. */
export type ReportRow = z.output<typeof ReportRowSchema>;

/** An `events` row, read back with its changes parsed. */
export const EventRowSchema = z
  .object({
    report_id: text,
    seq: z.number().int().min(1),
    user_id: text,
    message_id: nullableText,
    at: text,
    kind: text,
    summary: text,
    changes: jsonColumn,
  })
  .transform((r) => ({
    reportId: r.report_id,
    seq: r.seq,
    userId: r.user_id,
    messageId: r.message_id,
    at: r.at,
    kind: r.kind,
    summary: r.summary,
    changes: r.changes,
  }));
/** One entry of a report's audit trail: who changed what, when, from which message. */
export type EventRow = z.output<typeof EventRowSchema>;

/** A `processed_messages` row, read back with its replies parsed. */
export const ProcessedMessageRowSchema = z
  .object({ conversation_key: text, replies: jsonColumn, answered: z.union([z.boolean(), z.number().int()]) })
  .transform((r) => ({
    conversationKey: r.conversation_key,
    replies: r.replies,
    answered: Boolean(r.answered),
  }));
/** The replies already sent for a chat message, so a redelivered message is answered the same way. */
export type ProcessedMessageRow = z.output<typeof ProcessedMessageRowSchema>;

/** The `seq` returned by inserting an event. */
export const SeqRowSchema = z.object({ seq: z.number().int().min(1) });

const unitMemberColumns = { user_id: text, role: z.enum(["member", "admin"]), added_at: text };

/** A `unit_members` row of one unit: who belongs to it, as what, since when. */
export const UnitMemberRowSchema = z
  .object(unitMemberColumns)
  .transform((r) => ({ userId: r.user_id, role: r.role, addedAt: r.added_at }));
/** A member of a unit (the unit is known from the question asked). */
export type UnitMemberRow = z.output<typeof UnitMemberRowSchema>;

/** A whole `unit_members` row, for listing every unit with its members. */
export const UnitMembershipRowSchema = z
  .object({ unit_name: text, ...unitMemberColumns })
  .transform((r) => ({ unitName: r.unit_name, userId: r.user_id, role: r.role, addedAt: r.added_at }));
/** One user's membership of one unit. */
export type UnitMembershipRow = z.output<typeof UnitMembershipRowSchema>;

/** A unit name read on its own (`unitsOf`). */
export const UnitNameSchema = z.string().min(1);
