import type { types } from "@slack/bolt";
import { clip } from "./mrkdwn.ts";

/**
 * Small Block Kit constructors and Slack's size limits, so the renderers read as what they show.
 * Text given to `section` and `context` is mrkdwn and must already be escaped.
 */

/** A message as chat.postMessage takes it: fallback text for notifications, and its blocks. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Slack's limits: blocks in a message, elements in an actions block, characters on a button. */
export const LIMIT = { messageBlocks: 50, viewBlocks: 100, actions: 25, buttonText: 75 } as const;

/** A plain-text object. */
export function plain(text: string): types.PlainTextElement {
  return { type: "plain_text", text };
}

/** A section with mrkdwn text. */
export function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

/** A context block with one mrkdwn line (small grey text). */
export function context(text: string): types.ContextBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text }] };
}

/** A header block (plain text, at most 150 characters). */
export function header(text: string): types.HeaderBlock {
  return { type: "header", text: plain(clip(text, 150)) };
}

/** A divider. */
export function divider(): types.DividerBlock {
  return { type: "divider" };
}

/** A button; its label is cut to Slack's 75 characters. */
export function button(label: string, actionId: string, value: string, style?: "primary"): types.Button {
  const b: types.Button = {
    type: "button",
    text: plain(clip(label, LIMIT.buttonText)),
    action_id: actionId,
    value,
  };
  if (style !== undefined) b.style = style;
  return b;
}

/** Buttons laid out in actions blocks of at most 25 elements each. */
export function actionRows(buttons: readonly types.Button[]): types.ActionsBlock[] {
  const rows: types.ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMIT.actions)
    rows.push({ type: "actions", elements: buttons.slice(i, i + LIMIT.actions) });
  return rows;
}
