import type { ConversationState } from "./conversation-state.ts";
import type { Progress, Reply } from "./replies.ts";
import type { Slot } from "./slot-types.ts";

/** 已完成 done/total 项: every slot counts once, filled or not. */
export function progressOf(slots: readonly Slot[]): Progress {
  return { done: slots.filter((s) => s.filled).length, total: slots.length };
}

/** Slots that cannot stay put off: without them nothing can be scored, so they are asked again last. */
const ASKED_AGAIN = ["scheme"];

/**
 * The question to ask now: the first slot neither filled nor put off; when only put-off slots are
 * left, a put-off scoring scheme is asked again (nothing is scored under a scheme nobody chose).
 */
export function currentSlot(slots: readonly Slot[], conversation: ConversationState): Slot | undefined {
  return (
    slots.find((s) => !s.filled && !conversation.skipped.includes(s.key)) ??
    slots.find((s) => !s.filled && ASKED_AGAIN.includes(s.key))
  );
}

/** The conversation with `key` no longer put off, so it is asked in its turn again. */
export function unskip(conversation: ConversationState, key: string): ConversationState {
  return conversation.skipped.includes(key)
    ? { ...conversation, skipped: conversation.skipped.filter((k) => k !== key) }
    : conversation;
}

/** The one question, with its example and progress; at the end, the review prompt. */
export function questionReply(slots: readonly Slot[], conversation: ConversationState): Reply {
  const progress = progressOf(slots);
  const slot = currentSlot(slots, conversation);
  if (slot === undefined) {
    const later = slots.filter((s) => !s.filled).length;
    return {
      type: "question",
      slot: "review",
      field: "核对",
      text:
        later > 0
          ? `其余信息已收集完毕（还有 ${later} 项标记为稍后补充，回复“还差什么”查看）。可以问“现在多少分”，修改任何数字，或回复“生成报告”。`
          : "报告所需信息已全部收集。可以问“现在多少分”“为什么不是100分”，修改任何数字，或回复“生成报告”。",
      progress,
      choices: [
        { label: "生成报告", value: "生成报告" },
        { label: "现在多少分", value: "现在多少分" },
      ],
    };
  }
  const reply: Reply = {
    type: "question",
    slot: slot.key,
    field: slot.field,
    text: slot.question,
    example: slot.example,
    progress,
  };
  if (slot.choices !== undefined && slot.choices.length > 0) reply.choices = slot.choices;
  return reply;
}

/** "还差什么": the unfilled slots, those put off marked as such. */
export function missingReplies(slots: readonly Slot[], conversation: ConversationState): Reply[] {
  const open = slots.filter((s) => !s.filled);
  const { done, total } = progressOf(slots);
  if (open.length === 0) return [{ type: "text", text: `已完成 ${done}/${total} 项，没有缺少的信息。` }];
  return [
    {
      type: "table",
      title: `已完成 ${done}/${total} 项，还差 ${open.length} 项`,
      columns: ["序号", "待填写", "状态"],
      rows: open
        .slice(0, 40)
        .map((s, i) => [
          String(i + 1),
          s.field,
          conversation.skipped.includes(s.key) ? "稍后补充" : "待填写",
        ]),
      note: open.length > 40 ? `另有 ${open.length - 40} 项未列出。` : "",
    },
  ];
}
