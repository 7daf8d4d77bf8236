import type { webApi } from "@slack/bolt";
import { ok } from "../../core/result.ts";
import type { ChannelCapabilities, ChannelOutbound, OutboundMessage } from "../../services/channel-port.ts";
import type { DraftFile } from "../../services/draft-files.ts";
import type { SlackMessage } from "./blocks/block-kit.ts";
import { deliveryFailed, deliverySummary, placeholderMessage } from "./blocks/delivery-blocks.ts";
import { renderMessages } from "./blocks/render-blocks.ts";
import { conversationKey, type SlackPlace } from "./slack-place.ts";

/** What Slack can show: buttons, message updates (chat.update), tables as sections, file uploads. */
const SLACK_CAPABILITIES: ChannelCapabilities = {
  buttons: true,
  messageUpdates: true,
  tables: true,
  files: true,
};

/** `thread_ts` when the place has a thread. */
function thread(place: SlackPlace): { thread_ts?: string } {
  return place.threadTs === undefined ? {} : { thread_ts: place.threadTs };
}

/** An outbound message as Slack messages (Block Kit with a fallback text each). */
function slackMessages(message: OutboundMessage, place: SlackPlace): SlackMessage[] {
  switch (message.kind) {
    case "duplicate":
      return [];
    case "replies":
      return renderMessages(message.replies, { conversationKey: conversationKey(place) });
    case "drafting":
      return [placeholderMessage()];
    case "delivered":
      return [deliverySummary(message.summary)];
    case "delivery-failed":
      return [deliveryFailed(message.message)];
  }
}

/**
 * The channel port's outbound side for one Slack place (a DM or a thread): send is
 * chat.postMessage (one per rendered message; the last one's ts is the reference), update is
 * chat.update, upload is one files.uploadV2 of every file into the place.
 */
export function slackOutbound(client: webApi.WebClient, place: SlackPlace): ChannelOutbound {
  return {
    capabilities: SLACK_CAPABILITIES,
    async send(message) {
      let ts: string | undefined;
      for (const m of slackMessages(message, place))
        ts = (
          await client.chat.postMessage({
            channel: place.channel,
            ...thread(place),
            text: m.text,
            blocks: m.blocks as never,
          })
        ).ts;
      return ts;
    },
    async update(ts, message) {
      for (const m of slackMessages(message, place))
        await client.chat.update({ channel: place.channel, ts, text: m.text, blocks: m.blocks as never });
    },
    async upload(files: readonly DraftFile[]) {
      await client.filesUploadV2({
        channel_id: place.channel,
        ...thread(place),
        file_uploads: files.map((f) => ({
          file: Buffer.from(f.bytes),
          filename: f.name,
          title: `${f.name.replace(/\.(docx|md)$/, "")}（${f.kind === "docx" ? "Word" : "Markdown"}）`,
        })),
      });
      return ok(files.map((f) => f.name));
    },
  };
}
