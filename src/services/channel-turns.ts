import type { Reply } from "../conversation/replies.ts";
import type { ChannelOutbound, InboundEvent, MessageRef, OutboundMessage } from "./channel-port.ts";
import type { Delivery, TurnResult } from "./chat-service.ts";
import { fileAsText } from "./file-intake.ts";
import type { Ziping } from "./ziping.ts";

/** What the officer is told when a turn fails on a bug. */
export const TURN_FAILED =
  "处理这条消息时出错了，这条消息没有保存；之前填写的内容都在。请稍后再发一次；如果反复出现，请联系管理员查看日志。";

/** What a generic failure while drafting or handing over tells the officer. */
const DELIVERY_FAILED = "生成或上传报告时出错。报告数据已保存，请稍后再说一次“生成报告”。";

/** Where the turn runner writes what the officer does not see (a bug, a lost reply). */
export interface ChannelLog {
  info(message: string): void;
  error(message: string, error: unknown): void;
}

const NOTHING: TurnResult = { replies: [], reportId: null, duplicate: false, deliveries: [] };

/**
 * One inbound event through the one door, for any channel: the turn is committed by the service
 * before anything is sent; the replies go out; each report asked for is delivered
 * (`deliverThrough`). A repeated event id sends nothing. A bug in the turn tells the officer the
 * message was not saved; a reply that cannot be sent is logged (the answer stays committed).
 */
export async function runTurn(
  ziping: Ziping,
  out: ChannelOutbound,
  event: InboundEvent,
  now: () => Date,
  log: ChannelLog,
): Promise<TurnResult> {
  let turn: TurnResult;
  try {
    turn = await ziping.handle({
      conversationKey: event.conversation,
      userId: event.user,
      messageId: event.id,
      text: event.text,
      now: now(),
      resume: event.resume === true,
      ...(event.action === undefined ? {} : { action: event.action }),
    });
  } catch (error) {
    // A bug, not bad input: the turn's transaction rolled back, so nothing half-saved remains.
    log.error("处理消息时出错", error);
    await sendReplies(out, [{ type: "notice", level: "error", text: TURN_FAILED }]);
    return NOTHING;
  }
  if (turn.duplicate) {
    log.info(`重复的消息 ${event.id ?? ""}，未重复处理`);
    await out.send({ kind: "duplicate" });
    return turn;
  }
  try {
    await sendReplies(out, turn.replies);
  } catch (error) {
    // The answer is committed; only the reply is lost. The next message shows where things stand.
    log.error("回复未能发送（回答已保存）", error);
    return turn;
  }
  for (const delivery of turn.deliveries) await deliverThrough(ziping, out, delivery, now, log);
  return turn;
}

/**
 * Files shared in an event: each is checked and read (`fileAsText`), then given to the
 * conversation as a paste under its own message id (`<event id>:file:<file id>`), so the engine
 * shows what it read and asks to confirm; a scan read by OCR is first named as such (a warning to
 * check its figures against the paper); a file that cannot be read gets a message naming it and
 * what was expected, and nothing already collected changes.
 */
export async function runFiles(
  ziping: Ziping,
  out: ChannelOutbound,
  event: InboundEvent,
  now: () => Date,
  log: ChannelLog,
): Promise<void> {
  for (const file of event.files ?? []) {
    const text = await fileAsText(file);
    if (!text.ok) {
      await sendReplies(out, [
        { type: "notice", level: "error", field: file.name, text: text.error.message },
      ]);
      continue;
    }
    const { ocrNote } = text.value;
    if (ocrNote !== undefined)
      await sendReplies(out, [{ type: "notice", level: "warn", field: file.name, text: ocrNote }]);
    const id = event.id === null ? null : `${event.id}:file:${file.id}`;
    await runTurn(
      ziping,
      out,
      { id, conversation: event.conversation, user: event.user, text: text.value.text },
      now,
      log,
    );
  }
}

/** Sends a turn's replies (a channel renders none as it likes: Slack posts nothing). */
export async function sendReplies(out: ChannelOutbound, replies: readonly Reply[]): Promise<void> {
  await out.send({ kind: "replies", replies });
}

/**
 * "生成报告" through a channel: a drafting notice at once, the report drafted to checked files by
 * the service (`Ziping.deliverDraft`), the files handed over (then the job is finished), and the
 * notice replaced by the summary (or followed by it where messages cannot be updated). A failure
 * says why in the notice's place; the report data is untouched either way.
 */
export async function deliverThrough(
  ziping: Ziping,
  out: ChannelOutbound,
  delivery: Delivery,
  now: () => Date,
  log: ChannelLog,
): Promise<void> {
  let ref: MessageRef | undefined;
  const replace = async (message: OutboundMessage) => {
    if (ref === undefined || !out.capabilities.messageUpdates) await out.send(message);
    else await out.update(ref, message);
  };
  try {
    const model = ziping.model;
    ref = await out.send({ kind: "drafting", delivery, ...(model === undefined ? {} : { model }) });
    const delivered = await ziping.deliverDraft(delivery, { now: now() });
    if (!delivered.ok) {
      await replace({ kind: "delivery-failed", message: delivered.error.message });
      return;
    }
    const where = await out.upload(delivered.value.files, delivery.reportId);
    // Handed over (or a failure the officer is told): the job is done. A crash before this line
    // leaves it pending, and the next start delivers it again.
    await ziping.finishDelivery(delivery, now());
    if (!where.ok) {
      await replace({ kind: "delivery-failed", message: where.error.message });
      return;
    }
    await replace({ kind: "delivered", summary: delivered.value.summary, files: where.value });
  } catch (error) {
    log.error("生成或上传报告失败", error);
    await replace({ kind: "delivery-failed", message: DELIVERY_FAILED }).catch((again: unknown) =>
      log.error("无法告知生成失败", again),
    );
  }
}

/**
 * At a channel's start: the drafts asked for in its conversations (keys starting with `prefix`)
 * that were never handed over are delivered now, each to the place `outboundOf` names for its key
 * (undefined: skipped). Returns how many were resumed.
 */
export async function resumeDeliveries(
  ziping: Ziping,
  prefix: string,
  outboundOf: (conversationKey: string) => ChannelOutbound | undefined,
  now: () => Date,
  log: ChannelLog,
): Promise<number> {
  let resumed = 0;
  for (const { conversationKey, delivery } of await ziping.pendingDeliveriesUnder(prefix)) {
    const out = outboundOf(conversationKey);
    if (out === undefined) continue;
    log.info(`继续交付上次未完成的报告 ${delivery.reportId}（${conversationKey}）`);
    await deliverThrough(ziping, out, delivery, now, log);
    resumed += 1;
  }
  return resumed;
}
