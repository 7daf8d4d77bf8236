import type { WSClient } from "@wecom/aibot-node-sdk";
import type { WeComTransport } from "./wecom-outbound.ts";

/**
 * The AI bot's transport: every message is pushed with aibot_send_msg over the long connection (to
 * the userid of a 1:1 chat or the group's chatid), so replies, resumed deliveries and files all take
 * one path; a file is uploaded over the socket (aibot_upload_media_init / chunk / finish) and sent
 * as a file message. Each send waits for the server's receipt (the SDK rejects on an error code).
 */
export function aibotTransport(client: WSClient): WeComTransport {
  return {
    cards: true,
    async markdown(place, content) {
      await client.sendMessage(place.chat, { msgtype: "markdown", markdown: { content } });
    },
    async card(place, card) {
      await client.sendMessage(place.chat, { msgtype: "template_card", template_card: card });
    },
    async file(place, name, bytes) {
      const uploaded = await client.uploadMedia(Buffer.from(bytes), { type: "file", filename: name });
      await client.sendMediaMessage(place.chat, "file", uploaded.media_id);
    },
  };
}
