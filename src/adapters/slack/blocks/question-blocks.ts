import type { types } from "@slack/bolt";
import type { Choice, Progress } from "../../../conversation/replies.ts";
import { ACTION, choiceActionId } from "./action-ids.ts";
import { encodeAction } from "./action-value.ts";
import { actionRows, button, context, section } from "./block-kit.ts";
import { clipEscaped, MAX_SECTION_CHARS, splitMrkdwn } from "./mrkdwn.ts";

/** `已完成 3/10 项 ▰▰▰▱▱▱▱▱▱▱ 30%`: ten segments, rounded. */
export function progressLine(p: Progress): string {
  const total = Math.max(0, p.total);
  const ratio = total === 0 ? 0 : Math.min(Math.max(p.done, 0), total) / total;
  const filled = Math.round(ratio * 10);
  return `已完成 ${p.done}/${p.total} 项 ${"▰".repeat(filled)}${"▱".repeat(10 - filled)} ${Math.round(ratio * 100)}%`;
}

/**
 * The question the engine waits for: progress, the question, its example, and buttons — one per
 * choice, then 跳过 and 修改数字 (which opens the form) — so a question can be answered by a click.
 */
export function questionBlocks(
  q: { text: string; example?: string; progress: Progress; choices?: readonly Choice[] },
  k: string,
): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [context(progressLine(q.progress)), ...splitMrkdwn(q.text).map(section)];
  if (q.example !== undefined && q.example.trim() !== "")
    blocks.push(context(clipEscaped(`例如：${q.example}`, MAX_SECTION_CHARS)));
  const buttons = [
    ...(q.choices ?? []).map((c, i) => button(c.label, choiceActionId(i), encodeAction({ k, t: c.value }))),
    button("跳过", ACTION.skip, encodeAction({ k, t: "跳过" })),
    button("修改数字", ACTION.modify, encodeAction({ k })),
  ];
  return [...blocks, ...actionRows(buttons)];
}

/**
 * A confirmation: the text, then 确认 (primary), 修改 (the form, confirming the pending change
 * first) and the reply's other choices (取消 …) as plain buttons.
 */
export function confirmBlocks(
  c: { text: string; choices: readonly Choice[] },
  k: string,
): types.KnownBlock[] {
  const confirmLabel = c.choices.find((x) => x.value === "确认")?.label ?? "确认";
  const others = c.choices.flatMap((x, i) =>
    x.value === "确认" ? [] : [button(x.label, choiceActionId(i), encodeAction({ k, t: x.value }))],
  );
  return [
    ...splitMrkdwn(c.text).map(section),
    ...actionRows([
      button(confirmLabel, ACTION.confirm, encodeAction({ k, t: "确认" }), "primary"),
      button("修改", ACTION.modify, encodeAction({ k, confirmFirst: true })),
      ...others,
    ]),
  ];
}
