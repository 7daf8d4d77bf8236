import type { Pending } from "./conversation-state.ts";
import { extractFacts } from "./facts.ts";
import { notAnAnswer } from "./not-an-answer.ts";
import { notice, type Reply } from "./replies.ts";
import { CONFIRM_CHOICES } from "./turn-context.ts";

/**
 * A narrative answer waiting for 确认 because of its findings: a new message is its rewrite, not
 * something to refuse until the old text is confirmed. A waiting paste is never rewritten this way,
 * and a question, noise or a figure typed meanwhile is not a rewrite.
 */
export function revisesNarrative(pending: Pending, text: string): boolean {
  const { changes } = pending;
  if (pending.eventKind === "paste" || changes.length === 0) return false;
  if (!changes.every((c) => c.path[0] === "narrative")) return false;
  if (notAnAnswer(text, "") !== undefined) return false;
  return text.length >= 30 || extractFacts(text, false).hits.length === 0;
}

/** A waiting summary, cut for a reminder. */
function clip(summary: string): string {
  return summary.length > 60 ? `${summary.slice(0, 60)}…` : summary;
}

/** The reply to a message that arrives while something waits for 确认: it is not saved. */
export function confirmFirst(pending: Pending): Reply {
  return {
    type: "confirm",
    text: `请先确认或取消上面的内容（${clip(pending.summary)}），这条消息没有保存。回复“确认”保存，或“取消”放弃；之后再发这条消息。`,
    choices: CONFIRM_CHOICES,
  };
}

/** Said before a new paste that takes the place of one still waiting. */
export function pasteReplaced(pending: Pending): Reply {
  return notice("warn", `之前待确认的内容没有保存，已由这次粘贴代替：${clip(pending.summary)}。`);
}
