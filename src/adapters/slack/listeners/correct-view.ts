import type { App as BoltApp, webApi } from "@slack/bolt";
import { correctableFigures, figureById } from "../../../conversation/figure-list.ts";
import { CORRECT_VIEW } from "../blocks/action-ids.ts";
import {
  type CorrectMeta,
  correctModal,
  readCorrectMeta,
  readCorrectSubmission,
} from "../blocks/correct-modal.ts";
import { ViewSubmissionSchema } from "../payloads.ts";
import type { SlackContext } from "../slack-context.ts";
import { isDmChannel, type SlackPlace, slackUserId } from "../slack-place.ts";

/** Fills the opened correction modal with the report's figures (views.update). */
export async function fillCorrectModal(
  ctx: SlackContext,
  client: webApi.WebClient,
  viewId: string,
  meta: CorrectMeta,
  userId: string,
): Promise<void> {
  const now = ctx.turns.deps.app.chat.current(meta.k, userId);
  const figures = now.doc === null ? [] : correctableFigures(now.doc);
  await client.views.update({ view_id: viewId, view: correctModal(meta, figures) });
}

/**
 * The correction modal's 保存: the chosen figure and value become the officer's own words
 * ("把预算执行数改成545.06万元"), so the engine checks them exactly as typed ones. A value the
 * engine refuses keeps the modal open with the reason under the field; an accepted one closes it
 * and the confirmation is posted in the conversation. From a paste confirmation ("修改"), the
 * paste is confirmed first, as the engine's own prompt says ("有错可以先确认再修改").
 */
export function registerCorrectView(bolt: BoltApp, ctx: SlackContext): void {
  bolt.view(CORRECT_VIEW, async ({ ack, body, client }) => {
    const b = ViewSubmissionSchema.safeParse(body);
    const meta = b.success ? readCorrectMeta(b.data.view.private_metadata) : null;
    const input = b.success ? readCorrectSubmission(b.data.view.state.values) : null;
    if (!b.success || meta === null) {
      await ack();
      return;
    }
    if (input === null || input.value === "") {
      await ack({ response_action: "errors", errors: { value: "请填写新的数值，例如 545.06万元 或 98%" } });
      return;
    }
    const team = b.data.team?.id ?? b.data.user.team_id ?? "";
    const user = b.data.user.id;
    const chat = ctx.turns.deps.app.chat;
    const current = chat.current(meta.k, slackUserId(team, user));
    const figure = current.doc === null ? undefined : figureById(current.doc, input.figureId);
    if (figure === undefined) {
      await ack({ response_action: "errors", errors: { figure: "这个数字已不在报告中，请重新选择。" } });
      return;
    }
    const place: SlackPlace = {
      team,
      channel: meta.channel,
      dm: isDmChannel(meta.channel),
      ...(meta.threadTs === undefined ? {} : { threadTs: meta.threadTs }),
    };
    const key = meta.k;
    // Slack does not redeliver a view submission, so it carries no message id to deduplicate.
    const replies = [];
    if (meta.confirmFirst && current.pending) {
      const confirmed = chat.handle({
        conversationKey: key,
        userId: slackUserId(team, user),
        messageId: null,
        text: "确认",
        now: ctx.turns.deps.clock(),
      });
      replies.push(...confirmed.replies.filter((r) => r.type !== "question"));
    }
    const turn = chat.handle({
      conversationKey: key,
      userId: slackUserId(team, user),
      messageId: null,
      text: figure.command(input.value),
      now: ctx.turns.deps.clock(),
    });
    const refused = turn.replies.find((r) => r.type === "notice" && r.level === "error");
    if (refused !== undefined && refused.type === "notice") {
      await ack({ response_action: "errors", errors: { value: refused.text } });
      if (replies.length > 0) await ctx.turns.post(client, place, replies);
      return;
    }
    await ack();
    await ctx.turns.post(client, place, [...replies, ...turn.replies]);
  });
}
