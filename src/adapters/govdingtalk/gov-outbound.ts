import { fail, ok, type Result } from "../../core/result.ts";
import type { ChannelCapabilities, ChannelOutbound, InboundFile } from "../../services/channel-port.ts";
import type { GovFile } from "./callback-payload.ts";
import type { GovDingTalkClient, GovMessage } from "./gov-client.ts";
import type { GovPlace } from "./gov-place.ts";
import { govMessages, MSG_TYPE } from "./gov-render.ts";

/** What a 政务钉钉 robot can show: markdown text and files; no buttons ziping relies on, no updates. */
const GOV_CAPABILITIES: ChannelCapabilities = {
  buttons: false,
  messageUpdates: false,
  tables: false,
  files: true,
};

/** One robot message to the place: sendoto for a 1:1 chat, sendgroup for a group. */
export async function sendTo(client: GovDingTalkClient, place: GovPlace, message: GovMessage): Promise<void> {
  const sent =
    place.kind === "user"
      ? await client.sendToUser(place.accountId, message)
      : await client.sendToGroup(place.chatId, message);
  // A refused send is not the officer's input: the turn runner logs it (the answer stays saved).
  if (!sent.ok) throw new Error(sent.error.message);
}

/**
 * The channel port's outbound side for one 政务钉钉 place: send posts the rendered markdown through
 * the robot API; upload puts each file through /media/upload and sends it as a file message; there
 * are no updates (the summary follows the drafting notice as its own message).
 */
export function govOutbound(client: GovDingTalkClient, place: GovPlace): ChannelOutbound {
  return {
    capabilities: GOV_CAPABILITIES,
    async send(message) {
      for (const m of govMessages(message)) await sendTo(client, place, m);
      return undefined;
    },
    async update() {
      throw new Error("政务钉钉 robot messages cannot be updated");
    },
    async upload(files) {
      const names: string[] = [];
      for (const file of files) {
        const media = await client.upload(file.name, file.bytes);
        if (!media.ok)
          return fail(media.error.code, `报告已生成，但文件 ${file.name} 未能发送：${media.error.message}`);
        await sendTo(client, place, {
          msgType: MSG_TYPE.file,
          body: { mediaId: media.value, fileName: file.name, fileType: file.kind === "docx" ? "docx" : "md" },
        });
        names.push(file.name);
      }
      return ok(names);
    },
  };
}

/** A file the officer sent, as the channel port's inbound file: downloaded by media id through the client. */
export function govInboundFile(client: GovDingTalkClient, file: GovFile): InboundFile {
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    platform: "政务钉钉",
    fetch: (limit: number): Promise<Result<Uint8Array>> => client.download(file.id, limit),
  };
}
