import type { Reply } from "../conversation/replies.ts";
import type { ChannelOutbound, InboundEvent, MessageRef } from "./channel-port.ts";
import type { Delivery, TurnResult } from "./chat-service.ts";
import { fileAsText } from "./file-intake.ts";
import { handOver, replaceNotice } from "./hand-over.ts";
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
  // Where this process runs a draft worker, drafts are queued jobs, not made in the turn.
  const queuedHere = ziping.drafts.serves(event.conversation);
  let turn: TurnResult;
  try {
    turn = await ziping.handle({
      conversationKey: event.conversation,
      userId: event.user,
      messageId: event.id,
      text: event.text,
      now: now(),
      resume: event.resume === true,
      queued: queuedHere,
      ...(event.action === undefined ? {} : { action: event.action }),
    });
  } catch (error) {
    // A bug, not bad input: the turn's transaction rolled back, so nothing half-saved remains.
    log.error("处理消息时出错", error);
    await sendReplies(out, [{ type: "notice", level: "error", text: TURN_FAILED }]);
    return NOTHING;
  }
  if (turn.duplicate) {
    // The first delivery's instance may have died between committing and replying: then this
    // delivery sends the recorded answer (once, however many redeliveries there are).
    if (event.id !== null && (await ziping.unsentAnswer(event.id, now))) {
      log.info(`重复的消息 ${event.id}：首次处理后回复未发出，现在补发`);
      await sendReplies(out, turn.replies).catch((error: unknown) => log.error("补发的回复未能发送", error));
      return turn;
    }
    log.info(`重复的消息 ${event.id ?? ""}，未重复处理`);
    await out.send({ kind: "duplicate" });
    return turn;
  }
  const replies = sendReplies(out, turn.replies);
  // Where this process runs a draft worker, the turn only enqueues (the job was committed with it)
  // and says 正在生成 after its replies; the worker delivers. Elsewhere (the terminal) the draft is
  // made right here.
  const queued = turn.deliveries.filter((d) => d.jobId !== undefined && queuedHere);
  const announced = queued.map((delivery) =>
    ziping.drafts
      .announce(out, delivery, replies)
      .catch((error: unknown) => log.error("“正在生成”未能发送（报告仍会生成）", error)),
  );
  try {
    await replies;
  } catch (error) {
    // The answer is committed; only the reply is lost (a redelivery sends it). The next message shows where things stand.
    log.error("回复未能发送（回答已保存）", error);
    await Promise.all(announced);
    return turn;
  }
  if (event.id !== null && event.resume !== true)
    await ziping
      .answerSent(event.id, now())
      .catch((error: unknown) => log.error("回复已发送，但未能记下“已回复”（重投时可能再发一次）", error));
  await Promise.all(announced);
  for (const delivery of turn.deliveries)
    if (!queued.includes(delivery)) await deliverThrough(ziping, out, delivery, now, log);
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
  try {
    const model = ziping.model;
    ref = await out.send({ kind: "drafting", delivery, ...(model === undefined ? {} : { model }) });
    await handOver(ziping, out, delivery, now, ref);
  } catch (error) {
    log.error("生成或上传报告失败", error);
    await replaceNotice(out, ref, { kind: "delivery-failed", message: DELIVERY_FAILED }).catch(
      (again: unknown) => log.error("无法告知生成失败", again),
    );
  }
}

/**
 * At a channel's start: this process's draft worker takes the channel's conversations (keys
 * starting with `prefix`), each delivered to the place `outboundOf` names for its key (undefined:
 * the job fails, there is nowhere to say anything), and the drafts asked for there and never handed
 * over are delivered now. Returns how many were delivered by this run of the worker.
 */
export function resumeDeliveries(
  ziping: Ziping,
  prefix: string,
  outboundOf: (conversationKey: string) => ChannelOutbound | undefined,
  now: () => Date,
  log: ChannelLog,
): Promise<number> {
  ziping.drafts.serve(prefix, { outboundOf, now, log });
  return ziping.drafts.runDue();
}
