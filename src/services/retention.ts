import type { ReportRepository } from "../storage/index.ts";

/** How many days a handled chat message id is kept when ZIPING_KEEP_MESSAGES_DAYS is not set. */
export const DEFAULT_KEEP_MESSAGE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Forgets the chat messages handled more than `keepDays` days before `now` (their ids and the
 * replies recorded for redelivery) and returns how many. Run when the terminal chat or the Slack
 * app starts: a redelivery or a script replay comes within minutes or days, not months, and the
 * table would otherwise grow with every message ever sent. The report's event log is not touched.
 */
export function pruneHandledMessages(store: ReportRepository, now: Date, keepDays: number): Promise<number> {
  return store.pruneProcessedMessages(new Date(now.getTime() - keepDays * DAY_MS));
}
