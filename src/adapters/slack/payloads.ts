import { z } from "zod";

/**
 * The fields ziping reads from Slack payloads, validated at the edge ("focused on what is needed":
 * everything else passes through untouched). A payload that does not fit is ignored and logged.
 */

/** A file attached to a message (message subtype file_share). */
export const SlackFileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  mimetype: z.string().optional(),
  filetype: z.string().optional(),
  url_private_download: z.url().optional(),
  url_private: z.url().optional(),
});
export type SlackFile = z.infer<typeof SlackFileSchema>;

/** A message event in a DM or a channel, as ziping reads it. */
export const MessageEventSchema = z.object({
  type: z.literal("message"),
  subtype: z.string().optional(),
  user: z.string().min(1),
  bot_id: z.string().optional(),
  text: z.string().default(""),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  files: z.array(SlackFileSchema).optional(),
});
export type MessageEvent = z.infer<typeof MessageEventSchema>;

/** An @mention of ziping in a channel. */
export const MentionEventSchema = z.object({
  type: z.literal("app_mention"),
  user: z.string().min(1),
  text: z.string().default(""),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  channel: z.string().min(1),
  files: z.array(SlackFileSchema).optional(),
});

/** The envelope around an event: the team it came from and the id Slack retries it under. */
export const EventEnvelopeSchema = z.object({
  team_id: z.string().min(1),
  event_id: z.string().min(1).optional(),
});

/** `/ziping …`. */
export const CommandSchema = z.object({
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  channel_id: z.string().min(1),
  text: z.string().default(""),
});

/** A button press in a message or in App Home. */
export const BlockActionSchema = z.object({
  team: z.object({ id: z.string().min(1) }),
  user: z.object({ id: z.string().min(1), name: z.string().optional() }),
  trigger_id: z.string().min(1),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({ message_ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  message: z
    .object({ ts: z.string(), thread_ts: z.string().optional(), blocks: z.array(z.unknown()).optional() })
    .optional(),
  actions: z
    .array(z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string() }))
    .min(1),
});
export type BlockAction = z.infer<typeof BlockActionSchema>;

/** The submission of the correction modal. */
export const ViewSubmissionSchema = z.object({
  team: z.object({ id: z.string().min(1) }).nullable(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({
    id: z.string().min(1),
    private_metadata: z.string().default(""),
    state: z.object({ values: z.unknown() }),
  }),
});

/** app_home_opened. */
export const HomeOpenedSchema = z.object({
  type: z.literal("app_home_opened"),
  user: z.string().min(1),
  tab: z.string().optional(),
});
