import type { App as BoltApp } from "@slack/bolt";
import { EventEnvelopeSchema, MentionEventSchema, MessageEventSchema } from "../payloads.ts";
import { type SlackContext, yieldToAcks } from "../slack-context.ts";
import { conversationKey, isDmChannel, type SlackPlace, slackMessageId } from "../slack-place.ts";

/** Message subtypes that are an officer speaking; edits, joins and bot posts are not. */
const SPOKEN = new Set([undefined, "file_share", "thread_broadcast"]);

/**
 * Messages: everything in the DM with ziping, and replies in a channel thread that an @mention
 * opened (a thread ziping does not know is left alone). An @mention opens a thread per report.
 */
export function registerMessages(bolt: BoltApp, ctx: SlackContext): void {
  bolt.event("message", async ({ event, body, client, context, logger }) => {
    const parsed = MessageEventSchema.safeParse(event);
    const envelope = EventEnvelopeSchema.safeParse(body);
    if (!parsed.success || !envelope.success) return;
    const m = parsed.data;
    if (m.bot_id !== undefined || !SPOKEN.has(m.subtype) || m.user === context.botUserId) return;
    const team = envelope.data.team_id;
    const dm = m.channel_type === "im" || isDmChannel(m.channel);
    const place: SlackPlace = {
      team,
      channel: m.channel,
      dm,
      ...(m.thread_ts ? { threadTs: m.thread_ts } : {}),
    };
    if (!dm) {
      // Top-level channel chatter is not for ziping; a mention arrives as app_mention too.
      if (m.thread_ts === undefined) return;
      if (context.botUserId !== undefined && m.text.includes(`<@${context.botUserId}>`)) return;
      if (!(await ctx.ziping.hasConversation(conversationKey(place)))) return;
    }
    await yieldToAcks();
    const id = slackMessageId(team, m.channel, m.ts);
    const text = m.text.trim();
    if (text !== "" || m.files === undefined) await ctx.turns.message(client, place, m.user, text, id);
    if (m.files !== undefined && m.files.length > 0) {
      if (context.botToken === undefined) logger.error("没有机器人令牌，无法下载文件");
      else await ctx.turns.files(client, place, m.user, m.files, id, context.botToken);
    }
  });

  bolt.event("app_mention", async ({ event, body, client, context }) => {
    const parsed = MentionEventSchema.safeParse(event);
    const envelope = EventEnvelopeSchema.safeParse(body);
    if (!parsed.success || !envelope.success) return;
    const m = parsed.data;
    const team = envelope.data.team_id;
    const place: SlackPlace = { team, channel: m.channel, dm: false, threadTs: m.thread_ts ?? m.ts };
    const text = m.text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, "").trim();
    await yieldToAcks();
    const id = slackMessageId(team, m.channel, m.ts);
    // "@ziping" alone: say where this thread stands (a new thread gets the greeting).
    if (text === "" && m.files === undefined) await ctx.turns.message(client, place, m.user, "", null, true);
    else if (text !== "") await ctx.turns.message(client, place, m.user, text, id);
    if (m.files !== undefined && m.files.length > 0 && context.botToken !== undefined)
      await ctx.turns.files(client, place, m.user, m.files, id, context.botToken);
  });
}
