import type { App as BoltApp, RespondFn, webApi } from "@slack/bolt";
import type { Reply } from "../../../conversation/replies.ts";
import { actionWords, type TypedAction } from "../../../conversation/typed-action.ts";
import { helpText } from "../blocks/delivery-blocks.ts";
import { renderMessages } from "../blocks/render-blocks.ts";
import { CommandSchema } from "../payloads.ts";
import { dmChannel, type SlackContext } from "../slack-context.ts";
import { conversationKey, type SlackPlace, slackUserId } from "../slack-place.ts";
import { FAILED } from "../slack-turns.ts";
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
  bolt.command("/ziping", async ({ command, ack, respond, client, logger }) => {
    await ack();
    const c = CommandSchema.safeParse(command);
    if (!c.success) return;
    try {
      await run(
        ctx,
        client,
        respond,
        c.data.team_id,
        c.data.user_id,
        c.data.channel_id,
        parseSubcommand(c.data.text),
      );
    } catch (error) {
      logger.error("/ziping 出错", error);
      await respond({ response_type: "ephemeral", text: FAILED });
    }
  });
}

async function run(
  ctx: SlackContext,
  client: webApi.WebClient,
  respond: RespondFn,
  team: string,
  user: string,
  channel: string,
  sub: ReturnType<typeof parseSubcommand>,
): Promise<void> {
  if (sub.name === null || sub.name === "help") {
    const help = helpText();
    const lead = sub.name === null ? `没有子命令“${sub.word}”。\n` : "";
    await respond({ response_type: "ephemeral", text: `${lead}${help.text}`, blocks: help.blocks as never });
    return;
  }
  const dm: SlackPlace = { team, channel: await dmChannel(ctx, client, team, user), dm: true };
  const elsewhere = channel !== dm.channel;
  const turns = ctx.turns;
  const ziping = ctx.ziping;
  const query = {
    conversationKey: conversationKey(dm),
    userId: slackUserId(team, user),
    ref: sub.arg,
    now: ctx.clock(),
  };
  const inDm = async (action: TypedAction, note: string) => {
    await turns.message(client, dm, user, actionWords(action), null, false, action);
    if (elsewhere) await respond({ response_type: "ephemeral", text: note });
  };
  switch (sub.name) {
    case "new":
      return inDm({ kind: "new-report" }, "已在与 ziping 的私信中开始新报告，请到私信中继续。");
    case "continue":
      return inDm(
        sub.arg === null ? { kind: "list-reports" } : { kind: "open-report", ref: sub.arg },
        "请到与 ziping 的私信中继续。",
      );
    case "draft": {
      if (sub.arg === null) return inDm({ kind: "generate" }, DRAFTING);
      const exported = await ziping.export(query);
      if (!exported.ok) return reply(respond, dm, [exported.reply]);
      if (elsewhere) await respond({ response_type: "ephemeral", text: DRAFTING });
      return turns.deliver(client, dm, exported.delivery);
    }
    case "check":
      return reply(respond, dm, await ziping.check(query));
    default:
      return reply(respond, dm, await ziping.ask({ ...query, texts: QUESTIONS[sub.name] ?? [] }));
  }
}

const DRAFTING = "正在生成报告，完成后文件会出现在与 ziping 的私信中。";

/** Ephemeral replies through the command's response_url. */
async function reply(respond: RespondFn, place: SlackPlace, replies: readonly Reply[]): Promise<void> {
  for (const m of renderMessages(replies, { conversationKey: conversationKey(place) }))
    await respond({ response_type: "ephemeral", text: m.text, blocks: m.blocks as never });
}
