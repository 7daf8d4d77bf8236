import { ok } from "../../core/result.ts";
import type { ChannelCapabilities, ChannelOutbound } from "../../services/channel-port.ts";
import type { DraftFile } from "../../services/draft-files.ts";
import type { DingTalkApi, RobotTarget } from "./dingtalk-api.ts";
import type { DingTalkPlace } from "./dingtalk-place.ts";
import { markdownMessages } from "./render-markdown.ts";

/**
 * What DingTalk can show: choices as links that send their words back, no message updates for
 * markdown (the summary follows the "正在生成" notice), tables as lists, files as sampleFile messages.
 */
const DINGTALK_CAPABILITIES: ChannelCapabilities = {
  buttons: true,
  messageUpdates: false,
  tables: false,
  files: true,
};

/** A message's sessionWebhook and when it expires (ms since the epoch). */
export interface SessionWebhook {
  url: string;
  expiresAt: number;
}

/** A webhook this close to its expiry is not used (the request could arrive after it). */
const WEBHOOK_MARGIN_MS = 10_000;

/** Where the OpenAPI sends for a place: the person of a 1:1 chat, or the group. */
function targetOf(place: DingTalkPlace): RobotTarget {
  return place.kind === "user" ? { userId: place.staffId } : { openConversationId: place.conversationId };
}

/**
 * The channel port's outbound side for one DingTalk place: markdown replies go to the message's
 * sessionWebhook while it is valid and taken; once it has expired or is refused, to the robot
 * OpenAPI (sampleMarkdown). Drafts are uploaded (media/upload) and sent as sampleFile messages.
 */
export function dingtalkOutbound(
  api: DingTalkApi,
  place: DingTalkPlace,
  webhook: SessionWebhook | undefined,
  now: () => number = Date.now,
): ChannelOutbound {
  let session = webhook;
  return {
    capabilities: DINGTALK_CAPABILITIES,
    async send(message) {
      for (const m of markdownMessages(message)) {
        if (session !== undefined && now() + WEBHOOK_MARGIN_MS < session.expiresAt) {
          if (
            await api.webhook(session.url, {
              msgtype: "markdown",
              markdown: { title: m.title, text: m.text },
            })
          )
            continue;
          session = undefined;
        }
        await api.send(targetOf(place), "sampleMarkdown", { title: m.title, text: m.text });
      }
      return undefined;
    },
    async update() {
      throw new Error("DingTalk markdown messages cannot be updated");
    },
    async upload(files: readonly DraftFile[]) {
      for (const f of files) {
        const mediaId = await api.upload(f.name, f.bytes);
        await api.send(targetOf(place), "sampleFile", {
          mediaId,
          fileName: f.name,
          fileType: f.kind === "docx" ? "docx" : "md",
        });
      }
      return ok(files.map((f) => f.name));
    },
  };
}
