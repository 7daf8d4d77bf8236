import { readRow, toJson } from "../read-row.ts";
import type { MessageClaimRepository } from "../repositories.ts";
import { type ProcessedMessageRow, ProcessedMessageRowSchema } from "../row-schemas.ts";
import type { ProcessedMessageRecord } from "../store-inputs.ts";
import type { PgSession } from "./pg-session.ts";

/**
 * Processed messages and inbound event claims on PostgreSQL. A claim is one
 * `INSERT … ON CONFLICT DO NOTHING RETURNING`: of several instances handed the same event, exactly
 * one gets the row back. A message is recorded inside its turn, after the conversation's lock, so a
 * redelivery to another instance waits for the first turn and then finds its record.
 */
export class PgMessageClaims implements MessageClaimRepository {
  constructor(private readonly s: PgSession) {}

  /** What was replied to a chat message already handled, or undefined for a new message. */
  async getProcessedMessage(messageId: string): Promise<ProcessedMessageRow | undefined> {
    const [row] = await this.s.query(
      `SELECT conversation_key, replies::text AS replies, answered_at IS NOT NULL AS answered
       FROM processed_messages WHERE message_id = $1`,
      [messageId],
    );
    return row === undefined
      ? undefined
      : readRow(ProcessedMessageRowSchema, row, "processed_messages", `message_id = ${messageId}`);
  }

  /** Records the replies to a message. Recording the same message twice is a bug and throws. */
  async recordProcessedMessage(m: ProcessedMessageRecord): Promise<void> {
    await this.s.query(
      "INSERT INTO processed_messages (message_id, conversation_key, replies, at) VALUES ($1, $2, $3, $4)",
      [
        m.messageId,
        m.conversationKey,
        toJson(m.replies, "processed_messages", "replies"),
        m.now.toISOString(),
      ],
    );
  }

  /** Marks the message's answer as sent; true when this call did (it was not marked before). */
  async claimAnswer(messageId: string, now: Date): Promise<boolean> {
    const changed = await this.s.change(
      "UPDATE processed_messages SET answered_at = $2 WHERE message_id = $1 AND answered_at IS NULL",
      [messageId, now.toISOString()],
    );
    return changed === 1;
  }

  /** True when this call recorded the event id (go ahead), false when any instance had (skip). */
  async claimEvent(eventId: string, now: Date): Promise<boolean> {
    const rows = await this.s.query(
      `INSERT INTO inbound_events (event_id, received_at) VALUES ($1, $2)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [eventId, now.toISOString()],
    );
    return rows.length === 1;
  }

  /** Forgets the event ids received before `before`; returns how many. */
  pruneEvents(before: Date): Promise<number> {
    return this.s.change("DELETE FROM inbound_events WHERE received_at < $1", [before.toISOString()]);
  }

  /** Forgets the chat messages handled before `before`; returns how many. */
  pruneProcessedMessages(before: Date): Promise<number> {
    return this.s.change("DELETE FROM processed_messages WHERE at < $1", [before.toISOString()]);
  }
}
