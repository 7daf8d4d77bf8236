import { z } from "zod";

/**
 * The fields ziping reads from the AI bot's callback frames (aibot_msg_callback and
 * aibot_event_callback bodies), validated at the edge; anything else passes through untouched and a
 * body that does not fit is ignored and logged.
 */

const From = z.object({ userid: z.string().min(1) });

/** An encrypted file or image: a download address valid five minutes and its own AES key. */
const Encrypted = z.object({ url: z.string().min(1), aeskey: z.string().min(1).optional() });

/** A message to the bot: in a 1:1 chat, or a group message that @mentions it. */
export const AibotMessageSchema = z.object({
  msgid: z.string().min(1),
  aibotid: z.string().min(1),
  chatid: z.string().min(1).optional(),
  chattype: z.enum(["single", "group"]),
  from: From,
  msgtype: z.string().min(1),
  text: z.object({ content: z.string() }).optional(),
  voice: z.object({ content: z.string() }).optional(),
  file: Encrypted.optional(),
  mixed: z
    .object({
      msg_item: z.array(
        z.object({ msgtype: z.string(), text: z.object({ content: z.string() }).optional() }),
      ),
    })
    .optional(),
});
export type AibotMessage = z.infer<typeof AibotMessageSchema>;

/** The click data: the button's key and the card's task id. */
const CardClick = z.object({
  event_key: z.string().min(1).optional(),
  task_id: z.string().min(1).optional(),
});

/**
 * A template-card click (eventtype template_card_event). The published event format nests the click
 * under `event.template_card_event`; the SDK's README reads `event.event_key` — both are accepted.
 */
export const AibotCardEventSchema = z.object({
  msgid: z.string().min(1),
  aibotid: z.string().min(1),
  chatid: z.string().min(1).optional(),
  chattype: z.enum(["single", "group"]).optional(),
  from: From,
  event: CardClick.extend({
    eventtype: z.literal("template_card_event"),
    template_card_event: CardClick.optional(),
  }),
});
export type AibotCardEvent = z.infer<typeof AibotCardEventSchema>;

/** The button key and task id of a click, wherever the frame put them. */
export function clickOf(event: AibotCardEvent): { key: string; taskId: string } | null {
  const key = event.event.template_card_event?.event_key ?? event.event.event_key;
  const taskId = event.event.template_card_event?.task_id ?? event.event.task_id;
  return key === undefined || taskId === undefined ? null : { key, taskId };
}
