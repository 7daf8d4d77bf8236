import { fail, ok } from "../../core/result.ts";
import type { ChannelCapabilities, ChannelOutbound } from "../../services/channel-port.ts";
import type { DraftFile } from "../../services/draft-files.ts";
import type { WeComCard } from "./wecom-card.ts";
import { type WeComPlace, weComConversationKey } from "./wecom-place.ts";
import { weComMessages } from "./wecom-render.ts";

/**
 * How messages reach a WeCom chat: the AI bot's socket (aibot_send_msg, media upload over the
 * socket) or the server API of a self-built app (message/send, media/upload). Failures throw; the
 * turn runner logs them (the answer is committed either way).
 */
export interface WeComTransport {
  /** Whether template cards can be sent and their clicks received. */
  readonly cards: boolean;
  markdown(place: WeComPlace, content: string): Promise<void>;
  card(place: WeComPlace, card: WeComCard): Promise<void>;
  /** Uploads `bytes` as a temporary file and sends it as a file message. */
  file(place: WeComPlace, name: string, bytes: Uint8Array): Promise<void>;
}

/**
 * The channel port's outbound side for one WeCom chat: each rendered message is one send (markdown
 * or a card); sent messages cannot be replaced (a card can be, but only within 5 s of its click, by
 * the click handler); upload sends the Word file, then the Markdown file.
 */
export function weComOutbound(
  transport: WeComTransport,
  place: WeComPlace,
  taskId: () => string,
  log: (message: string, error: unknown) => void,
): ChannelOutbound {
  const capabilities: ChannelCapabilities = {
    buttons: transport.cards,
    messageUpdates: false,
    tables: false,
    files: true,
  };
  const ctx = { conversation: weComConversationKey(place), buttons: transport.cards, taskId };
  return {
    capabilities,
    async send(message) {
      for (const m of weComMessages(message, ctx))
        if (m.kind === "markdown") await transport.markdown(place, m.content);
        else await transport.card(place, m.card);
      return undefined;
    },
    async update() {
      throw new Error("bug: WeCom messages cannot be updated (capabilities.messageUpdates is false)");
    },
    async upload(files: readonly DraftFile[]) {
      const ordered = [...files].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "docx" ? -1 : 1));
      const sent: string[] = [];
      for (const f of ordered) {
        try {
          await transport.file(place, f.name, f.bytes);
        } catch (error) {
          log(`文件 ${f.name} 未能发送到企业微信`, error);
          return fail(
            "wecom.upload_failed",
            `文件 ${f.name} 未能发送到企业微信${sent.length > 0 ? `（已发送：${sent.join("、")}）` : ""}。请稍后再说一次“生成报告”。`,
          );
        }
        sent.push(f.name);
      }
      return ok(sent);
    },
  };
}
