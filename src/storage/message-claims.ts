import type { Database, Statement } from "better-sqlite3";
import { readRow, toJson } from "./read-row.ts";
import type { MessageClaimRepository } from "./repositories.ts";
import { type ProcessedMessageRow, ProcessedMessageRowSchema } from "./row-schemas.ts";
import { SqliteSession } from "./sqlite-session.ts";
import type { ProcessedMessageRecord } from "./store-inputs.ts";

type Named = Record<string, unknown>;

/**
 * The processed-message and platform-event records on SQLite (tables processed_messages and
 * slack_events): a chat message answered once is answered from the record when it comes again, and
 * a platform event id is claimed once, also across a restart.
 */
export class SqliteMessageClaims implements MessageClaimRepository {
  readonly #s: SqliteSession;
  readonly #getProcessed: Statement<[string]>;
  readonly #insertProcessed: Statement<[Named]>;
  readonly #claimEvent: Statement<[Named]>;
  readonly #claimAnswer: Statement<[Named]>;
  readonly #pruneEvents: Statement<[string]>;
  readonly #pruneProcessed: Statement<[string]>;

  constructor(db: Database) {
    this.#s = SqliteSession.of(db);
    this.#getProcessed = db.prepare(
      "SELECT conversation_key, replies, answered_at IS NOT NULL AS answered FROM processed_messages WHERE message_id = ?",
    );
    this.#insertProcessed = db.prepare(`
      INSERT INTO processed_messages (message_id, conversation_key, replies, at)
      VALUES (@messageId, @conversationKey, @replies, @now)`);
    this.#claimAnswer = db.prepare(
      "UPDATE processed_messages SET answered_at = @now WHERE message_id = @messageId AND answered_at IS NULL",
    );
    this.#claimEvent = db.prepare(
      "INSERT OR IGNORE INTO slack_events (event_id, received_at) VALUES (@eventId, @now)",
    );
    this.#pruneEvents = db.prepare("DELETE FROM slack_events WHERE received_at < ?");
    this.#pruneProcessed = db.prepare("DELETE FROM processed_messages WHERE at < ?");
  }

  /** What was replied to a chat message already handled, or undefined for a new message. */
  getProcessedMessage(messageId: string): Promise<ProcessedMessageRow | undefined> {
    return this.#s.run(() => {
      const row = this.#getProcessed.get(messageId);
      return row === undefined
        ? undefined
        : readRow(ProcessedMessageRowSchema, row, "processed_messages", `message_id = ${messageId}`);
    });
  }

  /** Records the replies to a message. Recording the same message twice is a bug and throws. */
  async recordProcessedMessage(m: ProcessedMessageRecord): Promise<void> {
    await this.#s.run(() =>
      this.#insertProcessed.run({
        messageId: m.messageId,
        conversationKey: m.conversationKey,
        replies: toJson(m.replies, "processed_messages", "replies"),
        now: m.now.toISOString(),
      }),
    );
  }

  /** Marks the message's answer as sent; true when this call did (it was not marked before). */
  claimAnswer(messageId: string, now: Date): Promise<boolean> {
    return this.#s.run(() => this.#claimAnswer.run({ messageId, now: now.toISOString() }).changes === 1);
  }

  /**
   * Records a platform event id as handled. True when this call recorded it (the first delivery: go
   * ahead), false when it was recorded before (a retry or redelivery, also after a restart: skip).
   */
  claimEvent(eventId: string, now: Date): Promise<boolean> {
    return this.#s.run(() => this.#claimEvent.run({ eventId, now: now.toISOString() }).changes === 1);
  }

  /**
   * Forgets the event ids received before `before` and returns how many. Slack retries within
   * about an hour, so callers keep a day.
   */
  pruneEvents(before: Date): Promise<number> {
    return this.#s.run(() => this.#pruneEvents.run(before.toISOString()).changes);
  }

  /**
   * Forgets the chat messages handled before `before` (their ids and recorded replies) and returns
   * how many. A message redelivered after that would be handled again, so callers keep weeks.
   */
  pruneProcessedMessages(before: Date): Promise<number> {
    return this.#s.run(() => this.#pruneProcessed.run(before.toISOString()).changes);
  }
}
