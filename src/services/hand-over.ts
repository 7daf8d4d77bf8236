import type { ChannelOutbound, MessageRef, OutboundMessage } from "./channel-port.ts";
import type { Delivery } from "./chat-service.ts";
import type { Ziping } from "./ziping.ts";

/**
 * Sends `message` in the place of the drafting notice `ref`: an update where messages can be
 * updated, else a new message.
 */
export async function replaceNotice(
  out: ChannelOutbound,
  ref: MessageRef | undefined,
  message: OutboundMessage,
): Promise<void> {
  if (ref === undefined || !out.capabilities.messageUpdates) await out.send(message);
  else await out.update(ref, message);
}

/**
 * Drafts a delivery (`Ziping.deliverDraft`), hands its files over, finishes its job, and puts the
 * summary (or the refusal the officer must read) in the notice's place. A bug or a platform error
 * is thrown, leaving the job unfinished for the caller to tell or retry. `stillOurs` (a worker's
 * lease, renewed) is asked once the draft is made: false (another worker took the job while this
 * one drafted) hands nothing over and returns false, so the report is delivered once.
 */
export async function handOver(
  ziping: Ziping,
  out: ChannelOutbound,
  delivery: Delivery,
  now: () => Date,
  ref: MessageRef | undefined,
  stillOurs: () => Promise<boolean> = async () => true,
): Promise<boolean> {
  const delivered = await ziping.deliverDraft(delivery, { now: now() });
  if (!delivered.ok) {
    await replaceNotice(out, ref, { kind: "delivery-failed", message: delivered.error.message });
    return true;
  }
  if (!(await stillOurs())) return false;
  const where = await out.upload(delivered.value.files, delivery.reportId);
  // Handed over (or a failure the officer is told): the job is done. A crash before this line
  // leaves it unfinished, and it is delivered again.
  await ziping.finishDelivery(delivery, now());
  if (!where.ok) {
    await replaceNotice(out, ref, { kind: "delivery-failed", message: where.error.message });
    return true;
  }
  await replaceNotice(out, ref, { kind: "delivered", summary: delivered.value.summary, files: where.value });
  return true;
}
