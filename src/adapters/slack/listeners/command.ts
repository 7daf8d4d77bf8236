import type { App as BoltApp, RespondFn } from "@slack/bolt";
import type { Reply } from "../../../conversation/replies.ts";
import { checkReplies } from "../../../services/check-replies.ts";
import { helpText } from "../blocks/delivery-blocks.ts";
import { renderMessages } from "../blocks/render-blocks.ts";
import { CommandSchema } from "../payloads.ts";
import { dmChannel, type SlackContext } from "../slack-context.ts";
import { conversationKey, type SlackPlace, slackUserId } from "../slack-place.ts";
import { parseSubcommand, type Subcommand } from "../subcommand.ts";

/** What the read-only subcommands ask the engine. */
const QUESTIONS: Partial<Record<Subcommand, readonly string[]>> = {
  status: ["进度", "还差什么"],
  score: ["现在多少分"],
  why: ["为什么扣分"],
};

/**
 * `/ziping new|continue|status|score|why|draft|check|help`. Work that changes a report (new,
 * continue, draft) happens in the officer's DM with ziping, where the conversation lives; the
 * read-only answers (status, score, why, check, help) come back only to the officer (ephemeral).
 * A report given by id that the officer may not see is answered as not found.
 */
export function registerCommand(bolt: BoltApp, ctx: SlackContext): void {
  bolt.command("/ziping", async ({ command, ack, respond, client }) => {
    await ack();
    const c = CommandSchema.safeParse(command);
    if (!c.success) return;
    const { team_id: team, user_id: user } = c.data;
    const sub = parseSubcommand(c.data.text);
    if (sub.name === null || sub.name === "help") {
      const help = helpText();
      const lead = sub.name === null ? `没有子命令“${sub.word}”。\n` : "";
      await respond({
        response_type: "ephemeral",
        text: `${lead}${help.text}`,
        blocks: help.blocks as never,
      });
      return;
    }
    const dm: SlackPlace = { team, channel: await dmChannel(ctx, client, team, user), dm: true };
    const elsewhere = c.data.channel_id !== dm.channel;
    const turns = ctx.turns;
    const chat = turns.deps.app.chat;
    const ask = async (text: string, note: string) => {
      await turns.message(client, dm, user, text, null);
      if (elsewhere) await respond({ response_type: "ephemeral", text: note });
    };
    switch (sub.name) {
      case "new":
        return ask("新建报告", "已在与 ziping 的私信中开始新报告，请到私信中继续。");
      case "continue":
        return ask(sub.arg === null ? "我的报告" : `切换到报告 ${sub.arg}`, "请到与 ziping 的私信中继续。");
      case "draft": {
        if (sub.arg === null) return ask("生成报告", "正在生成报告，完成后文件会出现在与 ziping 的私信中。");
        const found = chat.resolve(conversationKey(dm), slackUserId(team, user), sub.arg);
        if (!found.ok) return reply(respond, dm, [found.reply]);
        if (elsewhere)
          await respond({
            response_type: "ephemeral",
            text: "正在生成报告，完成后文件会出现在与 ziping 的私信中。",
          });
        return turns.deliver(client, dm, { reportId: found.id, doc: found.doc });
      }
      case "check": {
        const found = chat.resolve(conversationKey(dm), slackUserId(team, user), sub.arg);
        return reply(
          respond,
          dm,
          found.ok
            ? checkReplies(found.doc, turns.deps.app.schemes, (r) => turns.deps.app.corpus.passages(r))
            : [found.reply],
        );
      }
      default: {
        const found = chat.resolve(conversationKey(dm), slackUserId(team, user), sub.arg);
        if (!found.ok) return reply(respond, dm, [found.reply]);
        const now = turns.deps.clock();
        const asked = QUESTIONS[sub.name] ?? [];
        return reply(
          respond,
          dm,
          asked.flatMap((text) => chat.peek(found, text, now)),
        );
      }
    }
  });
}

/** Ephemeral replies through the command's response_url. */
async function reply(respond: RespondFn, place: SlackPlace, replies: readonly Reply[]): Promise<void> {
  for (const m of renderMessages(replies, { conversationKey: conversationKey(place) }))
    await respond({ response_type: "ephemeral", text: m.text, blocks: m.blocks as never });
}
