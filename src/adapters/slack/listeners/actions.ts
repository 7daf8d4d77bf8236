import type { App as BoltApp, webApi } from "@slack/bolt";
import { actionWords, type TypedAction } from "../../../conversation/typed-action.ts";
import { ACTION } from "../blocks/action-ids.ts";
import { decodeAction } from "../blocks/action-value.ts";
import { loadingModal } from "../blocks/correct-modal.ts";
import { escapeMrkdwn } from "../blocks/mrkdwn.ts";
import { type BlockAction, BlockActionSchema } from "../payloads.ts";
import { dmChannel, type SlackContext } from "../slack-context.ts";
import { conversationKey, isDmChannel, type SlackPlace, slackUserId } from "../slack-place.ts";
import { fillCorrectModal } from "./correct-view.ts";
import { publishHome } from "./home.ts";

/**
 * Buttons. In a message: a choice, 确认, 跳过 are typed actions the engine takes as they are (the
 * button's words only name them); 修改 opens the correction modal at once (Slack's trigger lasts
 * 3 seconds) and fills it after. In App Home: continue, download, new — in the officer's DM.
 */
export function registerActions(bolt: BoltApp, ctx: SlackContext): void {
  const words = async (body: BlockAction, client: webApi.WebClient) => {
    const action = body.actions[0];
    const value = decodeAction(action?.value ?? "");
    const place = messagePlace(body);
    if (action === undefined || value === null || value.t === undefined || place === null) return;
    // The value names its conversation; a button copied into another thread does not act there.
    if (value.k !== conversationKey(place)) return;
    // One answer per message: a second press (or a double click) of any of its buttons is a duplicate.
    const messageTs = body.message?.ts ?? body.container?.message_ts ?? action.action_ts;
    const turn = await ctx.turns.message(
      client,
      place,
      body.user.id,
      value.t,
      `${value.k}:action:${messageTs}`,
      false,
      pressed(action.action_id, value.t),
    );
    // Someone refused (another unit's report) or a repeat leaves the officer's buttons in place.
    if (turn.reportId !== null && !turn.duplicate) await markChosen(client, body, place, value.t);
  };
  for (const id of [ACTION.choice, ACTION.confirm, ACTION.skip])
    bolt.action(id, async ({ ack, body, client }) => {
      await ack();
      const b = BlockActionSchema.safeParse(body);
      if (b.success) await words(b.data, client);
    });

  bolt.action(ACTION.modify, async ({ ack, body, client, logger }) => {
    await ack();
    const b = BlockActionSchema.safeParse(body);
    if (!b.success) return;
    const value = decodeAction(b.data.actions[0]?.value ?? "");
    const place = messagePlace(b.data);
    if (value === null || place === null || value.k !== conversationKey(place)) return;
    const meta = {
      k: value.k,
      channel: place.channel,
      ...(place.threadTs === undefined ? {} : { threadTs: place.threadTs }),
      confirmFirst: value.confirmFirst === true,
    };
    // Open first, inside the trigger's 3 seconds; reading the report comes after.
    let viewId: string | undefined;
    try {
      const opened = await client.views.open({ trigger_id: b.data.trigger_id, view: loadingModal(meta) });
      viewId = opened.view?.id;
    } catch (error) {
      logger.warn("修改窗口未能打开", error);
      await client.chat.postEphemeral({
        channel: place.channel,
        user: b.data.user.id,
        ...(place.threadTs === undefined ? {} : { thread_ts: place.threadTs }),
        text: "“修改”窗口没能打开（Slack 只允许在点击后 3 秒内打开，可能网络较慢）。请再点一次“修改”，或直接回复，例如：把预算执行数改成545.06万元",
      });
      return;
    }
    if (viewId !== undefined)
      await fillCorrectModal(ctx, client, viewId, meta, slackUserId(place.team, b.data.user.id));
  });

  bolt.action(
    {
      action_id: new RegExp(
        `^(${[ACTION.continueReport, ACTION.downloadReport, ACTION.newReport].join("|").replaceAll(".", "\\.")})$`,
      ),
    },
    async ({ ack, body, client, logger }) => {
      await ack();
      const b = BlockActionSchema.safeParse(body);
      if (!b.success) return;
      try {
        await homeButton(ctx, client, b.data);
      } catch (error) {
        logger.error("App Home 按钮出错", error);
      }
    },
  );
}

/** 新建报告, 继续填写 and 下载报告 on App Home: each works in the officer's DM, then Home is refreshed. */
async function homeButton(ctx: SlackContext, client: webApi.WebClient, body: BlockAction): Promise<void> {
  const b = { data: body };
  const action = b.data.actions[0];
  const team = b.data.team.id;
  const user = b.data.user.id;
  const dm: SlackPlace = { team, channel: await dmChannel(ctx, client, team, user), dm: true };
  const reportId = decodeAction(action?.value ?? "")?.r;
  const at = `${conversationKey(dm)}:action:${action?.action_ts ?? ""}`;
  const act = (typed: TypedAction) =>
    ctx.turns.message(client, dm, user, actionWords(typed), at, false, typed);
  if (action?.action_id === ACTION.newReport) await act({ kind: "new-report" });
  else if (reportId !== undefined && action?.action_id === ACTION.continueReport)
    await act({ kind: "open-report", ref: reportId });
  else if (reportId !== undefined) {
    const exported = await ctx.ziping.export({
      conversationKey: conversationKey(dm),
      userId: slackUserId(team, user),
      ref: reportId,
      now: ctx.clock(),
    });
    if (!exported.ok) await ctx.turns.post(client, dm, [exported.reply]);
    else await ctx.turns.deliver(client, dm, exported.delivery);
  }
  await publishHome(ctx, client, user, slackUserId(team, user));
}

/** What a message button means: 确认 and 跳过 by their ids; a choice is the value the reply offered. */
function pressed(actionId: string, value: string): TypedAction {
  if (actionId === ACTION.confirm) return { kind: "confirm" };
  if (actionId === ACTION.skip) return { kind: "skip" };
  return { kind: "choose", value };
}

/** Where a button in a message was pressed: its channel and the thread of its message. */
function messagePlace(body: BlockAction): SlackPlace | null {
  const channel = body.channel?.id;
  if (channel === undefined) return null;
  const dm = isDmChannel(channel);
  const threadTs = body.message?.thread_ts ?? body.container?.thread_ts;
  return { team: body.team.id, channel, dm, ...(threadTs === undefined ? {} : { threadTs }) };
}

/**
 * Replaces the pressed message's buttons with "已选择：…", so a second press cannot answer twice.
 */
async function markChosen(
  client: webApi.WebClient,
  body: BlockAction,
  place: SlackPlace,
  label: string,
): Promise<void> {
  const ts = body.message?.ts ?? body.container?.message_ts;
  const blocks = body.message?.blocks;
  if (ts === undefined || blocks === undefined) return;
  const kept = blocks.filter(
    (b) => !(typeof b === "object" && b !== null && "type" in b && b.type === "actions"),
  );
  await client.chat.update({
    channel: place.channel,
    ts,
    text: `已选择：${label}`,
    blocks: [
      ...(kept as never[]),
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `已选择：*${escapeMrkdwn(label)}*（<@${body.user.id}>）` }],
      },
    ],
  });
}
