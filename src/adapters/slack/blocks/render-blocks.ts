import type { types } from "@slack/bolt";
import type { Reply } from "../../../conversation/replies.ts";
import { context, LIMIT, type SlackMessage, section } from "./block-kit.ts";
import { clipEscaped, firstLine, MAX_SECTION_CHARS, splitMrkdwn } from "./mrkdwn.ts";
import { confirmBlocks, questionBlocks } from "./question-blocks.ts";
import { tableSections } from "./table-sections.ts";

/** The longest fallback text (what a notification shows). */
export const MAX_FALLBACK_CHARS = 150;

const NOTICE_PREFIX = { error: ":x: ", warn: ":warning: ", info: ":information_source: " } as const;

/** One reply as blocks, with the line that stands for it in a notification. */
interface Rendered {
  line: string;
  blocks: types.KnownBlock[];
}

function renderReply(reply: Reply, k: string): Rendered {
  switch (reply.type) {
    case "text":
      return { line: firstLine(reply.text), blocks: splitMrkdwn(reply.text).map(section) };
    case "notice":
      return {
        line: firstLine(reply.text),
        blocks: splitMrkdwn(reply.text).map((chunk, i) =>
          section(i === 0 ? `${NOTICE_PREFIX[reply.level]}${chunk}` : chunk),
        ),
      };
    case "table": {
      const blocks: types.KnownBlock[] = tableSections(reply.title, reply.columns, reply.rows);
      if (reply.note !== undefined && reply.note.trim() !== "")
        blocks.push(context(clipEscaped(reply.note, MAX_SECTION_CHARS)));
      return { line: firstLine(reply.title), blocks };
    }
    case "question":
      return { line: firstLine(reply.text), blocks: questionBlocks(reply, k) };
    case "confirm":
      return { line: firstLine(reply.text), blocks: confirmBlocks(reply, k) };
  }
}

/**
 * The engine's replies as Slack messages of at most 50 blocks each. A reply that fits in a message
 * of its own is not split between two; each message's fallback text is the first line of the first
 * reply it shows, escaped and at most 150 characters. No replies give no messages.
 */
export function renderMessages(replies: readonly Reply[], ctx: { conversationKey: string }): SlackMessage[] {
  const messages: SlackMessage[] = [];
  const open = (): SlackMessage => {
    const m: SlackMessage = { text: "", blocks: [] };
    messages.push(m);
    return m;
  };
  for (const reply of replies) {
    const { line, blocks } = renderReply(reply, ctx.conversationKey);
    if (blocks.length === 0) continue;
    let current = messages.at(-1);
    const fitsAlone = blocks.length <= LIMIT.messageBlocks;
    if (current === undefined || (fitsAlone && current.blocks.length + blocks.length > LIMIT.messageBlocks))
      current = open();
    for (const block of blocks) {
      if (current.blocks.length >= LIMIT.messageBlocks) current = open();
      if (current.text === "" && line !== "") current.text = clipEscaped(line, MAX_FALLBACK_CHARS);
      current.blocks.push(block);
    }
  }
  for (const m of messages) if (m.text === "") m.text = "ziping";
  return messages;
}
