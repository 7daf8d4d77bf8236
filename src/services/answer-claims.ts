import type { MessageClaimRepository } from "../storage/repositories.ts";

/**
 * How long a redelivered message waits for the first delivery's answer to be confirmed sent before
 * sending it itself. The first delivery's instance marks its answer sent right after sending it (a
 * few milliseconds to a few seconds on a slow platform API); one that died between committing the
 * turn and sending never does, and its answer would otherwise be lost.
 */
export const ANSWER_WAIT_MS = 10_000;
/** How often the record is read while waiting. */
const POLL_MS = 100;

/**
 * Whether this delivery of an already handled message must send the recorded answer: the answer
 * was never marked sent within `waitMs` (its instance died after committing the turn), and this
 * call marked it (of several redeliveries, exactly one sends). False when it was sent, or when the
 * record is gone (pruned).
 */
export async function takeUnsentAnswer(
  claims: MessageClaimRepository,
  messageId: string,
  now: () => Date,
  waitMs: number,
): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const seen = await claims.getProcessedMessage(messageId);
    if (seen === undefined || seen.answered) return false;
    if (Date.now() >= deadline) return claims.claimAnswer(messageId, now());
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))),
    );
  }
}
