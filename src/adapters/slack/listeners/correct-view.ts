import type { App as BoltApp, webApi } from "@slack/bolt";
import { correctableFigures, figureById } from "../../../conversation/figure-list.ts";
import type { Reply } from "../../../conversation/replies.ts";
import type { TypedAction } from "../../../conversation/typed-action.ts";
import { CORRECT_VIEW } from "../blocks/action-ids.ts";
import {
  type CorrectMeta,
  correctModal,
  noticeModal,
  readCorrectMeta,
  readCorrectSubmission,
} from "../blocks/correct-modal.ts";
import { ViewSubmissionSchema } from "../payloads.ts";
import type { SlackContext } from "../slack-context.ts";
import { isDmChannel, type SlackPlace, slackUserId } from "../slack-place.ts";
import { FAILED } from "../slack-turns.ts";

/** Fills the opened correction modal with the report's figures (views.update). */
export async function fillCorrectModal(
  ctx: SlackContext,
  client: webApi.WebClient,
  viewId: string,
  meta: CorrectMeta,
  userId: string,
): Promise<void> {
  const now = await ctx.ziping.current(meta.k, userId);
  const view =
    now.denied !== null && now.denied.type === "notice"
      ? noticeModal(meta, now.denied.text)
      : correctModal(meta, now.doc === null ? [] : correctableFigures(now.doc));
  await client.views.update({ view_id: viewId, view });
}

/**
 * The correction modal's 保存: the chosen figure and value become the officer's own words
 * ("把预算执行数改成545.06万元"), so the engine checks them exactly as typed ones. A value the
 * engine refuses keeps the modal open with the reason under the field; an accepted one closes it
 * and the confirmation is posted in the conversation. From a paste confirmation ("修改"), the
 * paste is confirmed first, as the engine's own prompt says ("有错可以先确认再修改").
 */
export function registerCorrectView(bolt: BoltApp, ctx: SlackContext): void {
  bolt.view(CORRECT_VIEW, async ({ ack, body, client, logger }) => {
    const b = ViewSubmissionSchema.safeParse(body);
    const meta = b.success ? readCorrectMeta(b.data.view.private_metadata) : null;
    if (!b.success || meta === null) {
      await ack();
      return;
    }
    const input = readCorrectSubmission(b.data.view.state.values);
    if (input === null) {
      await ack({
        response_action: "errors",
        errors: { value: "请选择要修改的数字并填写新的数值，例如 545.06万元 或 98%" },
      });
      return;
    }
    const team = b.data.team?.id ?? b.data.user.team_id ?? "";
    const place: SlackPlace = {
      team,
      channel: meta.channel,
      dm: isDmChannel(meta.channel),
      ...(meta.threadTs === undefined ? {} : { threadTs: meta.threadTs }),
    };
    let outcome: { errors: Record<string, string> } | { replies: Reply[] };
    try {
      outcome = await save(ctx, meta, slackUserId(team, b.data.user.id), input);
    } catch (error) {
      logger.error("保存修改时出错", error);
      outcome = { errors: { value: FAILED } };
    }
    if ("errors" in outcome) {
      await ack({ response_action: "errors", errors: outcome.errors });
      return;
    }
    await ack();
    await ctx.turns.post(client, place, outcome.replies);
  });
}

/** Runs the correction (after confirming a pending paste when asked); errors are per form field. */
async function save(
  ctx: SlackContext,
  meta: CorrectMeta,
  userId: string,
  input: { figureId: string; value: string },
): Promise<{ errors: Record<string, string> } | { replies: Reply[] }> {
  const chat = ctx.ziping;
  const current = await chat.current(meta.k, userId);
  if (current.denied !== null && current.denied.type === "notice")
    return { errors: { value: current.denied.text } };
  const figure = current.doc === null ? undefined : figureById(current.doc, input.figureId);
  if (figure === undefined) return { errors: { figure: "这个数字已不在报告中，请重新选择。" } };
  // Slack does not redeliver a view submission, so it carries no message id to deduplicate.
  const say = (text: string, action?: TypedAction) =>
    chat.handle({
      conversationKey: meta.k,
      userId,
      messageId: null,
      text,
      now: ctx.clock(),
      ...(action === undefined ? {} : { action }),
    });
  const replies: Reply[] = [];
  if (meta.confirmFirst && current.pending)
    replies.push(...(await say("确认", { kind: "confirm" })).replies.filter((r) => r.type !== "question"));
  const turn = await say(figure.command(input.value));
  const refused = turn.replies.find((r) => r.type === "notice" && r.level === "error");
  // A paste confirmed just before stays confirmed; the form stays open for the value.
  if (refused !== undefined && refused.type === "notice" && replies.length === 0)
    return { errors: { value: refused.text } };
  return { replies: [...replies, ...turn.replies] };
}
