import type { Logger, webApi } from "@slack/bolt";
import type { Reply } from "../../conversation/replies.ts";
import type { TypedAction } from "../../conversation/typed-action.ts";
import type { Delivery, TurnResult } from "../../services/chat-service.ts";
import type { Ziping } from "../../services/ziping.ts";
import { deliveryFailed, deliverySummary, placeholderMessage } from "./blocks/delivery-blocks.ts";
import { renderMessages } from "./blocks/render-blocks.ts";
import { type Download, fileAsText } from "./file-intake.ts";
import type { SlackFile } from "./payloads.ts";
import { conversationKey, placeOfKey, type SlackPlace, slackUserId } from "./slack-place.ts";

type WebClient = webApi.WebClient;

/** What the officer is told when a turn fails on a bug. */
export const FAILED =
  "处理这条消息时出错了，这条消息没有保存；之前填写的内容都在。请稍后再发一次；如果反复出现，请联系管理员查看日志。";

/** What the Slack adapter needs from the shell: the one service, a clock, a downloader, a logger. */
export interface SlackDeps {
  ziping: Ziping;
  clock: () => Date;
  download: Download;
  logger: Logger;
}

/**
 * The Slack side of a conversation turn: hands the officer's words to the chat service (which
 * commits the answer before anything is posted), posts the replies as Block Kit, and turns a
 * requested report into a placeholder, two uploaded files and a summary. No rule of the domain
 * lives here.
 */
export class SlackTurns {
  constructor(readonly deps: SlackDeps) {}

  /**
   * One message of `user` in `place`: a repeated message id changes and posts nothing. A pressed
   * button passes its typed `action` (the engine takes it as it is; `text` only names it).
   */
  async message(
    client: WebClient,
    place: SlackPlace,
    user: string,
    text: string,
    messageId: string | null,
    resume = false,
    action?: TypedAction,
  ): Promise<TurnResult> {
    let turn: TurnResult;
    try {
      turn = this.deps.ziping.handle({
        conversationKey: conversationKey(place),
        userId: slackUserId(place.team, user),
        messageId,
        text,
        now: this.deps.clock(),
        resume,
        ...(action === undefined ? {} : { action }),
      });
    } catch (error) {
      // A bug, not bad input: the turn's transaction rolled back, so nothing half-saved remains.
      this.deps.logger.error("处理消息时出错", error);
      await this.post(client, place, [{ type: "notice", level: "error", text: FAILED }]);
      return { replies: [], reportId: null, duplicate: false, deliveries: [] };
    }
    if (turn.duplicate) {
      this.deps.logger.info(`重复的消息 ${messageId ?? ""}，未重复处理`);
      return turn;
    }
    try {
      await this.post(client, place, turn.replies);
    } catch (error) {
      // The answer is committed; only the reply is lost. The next message shows where things stand.
      this.deps.logger.error("回复未能发送（回答已保存）", error);
      return turn;
    }
    for (const delivery of turn.deliveries) await this.deliver(client, place, delivery);
    return turn;
  }

  /** Posts replies as one or more Block Kit messages, in the place's thread. */
  async post(client: WebClient, place: SlackPlace, replies: readonly Reply[]): Promise<void> {
    if (replies.length === 0) return;
    for (const m of renderMessages(replies, { conversationKey: conversationKey(place) }))
      await client.chat.postMessage({
        channel: place.channel,
        ...thread(place),
        text: m.text,
        blocks: m.blocks,
      });
  }

  /**
   * At start: the drafts asked for in Slack that were never handed over (the process stopped while
   * drafting or uploading) are drafted and uploaded now, each into the DM or thread it was asked in.
   * Returns how many were resumed.
   */
  async resumeDeliveries(client: WebClient): Promise<number> {
    let resumed = 0;
    for (const { conversationKey: key, delivery } of this.deps.ziping.pendingDeliveriesUnder("slack:")) {
      const place = placeOfKey(key);
      if (place === null) continue;
      this.deps.logger.info(`继续交付上次未完成的报告 ${delivery.reportId}（${key}）`);
      await this.deliver(client, place, delivery);
      resumed += 1;
    }
    return resumed;
  }

  /**
   * "生成报告": a placeholder at once, then the draft (Word and Markdown) uploaded into the thread,
   * then the placeholder replaced by the score summary and the findings. A failure replaces the
   * placeholder with the reason; the report data is untouched either way.
   */
  async deliver(client: WebClient, place: SlackPlace, delivery: Delivery): Promise<void> {
    let ts: string | undefined;
    const replace = async (m: { text: string; blocks: unknown[] }) => {
      if (ts === undefined)
        await client.chat.postMessage({
          channel: place.channel,
          ...thread(place),
          text: m.text,
          blocks: m.blocks as never,
        });
      else await client.chat.update({ channel: place.channel, ts, text: m.text, blocks: m.blocks as never });
    };
    try {
      const placeholder = placeholderMessage();
      ts = (
        await client.chat.postMessage({
          channel: place.channel,
          ...thread(place),
          text: placeholder.text,
          blocks: placeholder.blocks,
        })
      ).ts;
      const delivered = await this.deps.ziping.deliverDraft(delivery, { now: this.deps.clock() });
      if (!delivered.ok) {
        await replace(deliveryFailed(delivered.error.message));
        return;
      }
      const { files, summary } = delivered.value;
      await client.filesUploadV2({
        channel_id: place.channel,
        ...thread(place),
        file_uploads: files.map((f) => ({
          file: Buffer.from(f.bytes),
          filename: f.name,
          title: `${f.name.replace(/\.(docx|md)$/, "")}（${f.kind === "docx" ? "Word" : "Markdown"}）`,
        })),
      });
      await replace(deliverySummary(summary));
    } catch (error) {
      this.deps.logger.error("生成或上传报告失败", error);
      await replace(deliveryFailed("生成或上传报告时出错。报告数据已保存，请稍后再说一次“生成报告”。")).catch(
        (again: unknown) => this.deps.logger.error("无法告知生成失败", again),
      );
    }
  }

  /**
   * Uploaded files: each is checked and read, then given to the conversation as a paste (the engine
   * shows what it read and asks to confirm). A file that cannot be read gets a message that names it
   * and says what was expected; nothing already collected changes.
   */
  async files(
    client: WebClient,
    place: SlackPlace,
    user: string,
    files: readonly SlackFile[],
    messageId: string,
    token: string,
  ): Promise<void> {
    for (const file of files) {
      const text = await fileAsText(file, token, this.deps.download);
      if (!text.ok) {
        await this.post(client, place, [
          { type: "notice", level: "error", field: file.name, text: text.error.message },
        ]);
        continue;
      }
      await this.message(client, place, user, text.value, `${messageId}:file:${file.id}`);
    }
  }
}

/** `thread_ts` when the place has a thread. */
export function thread(place: SlackPlace): { thread_ts?: string } {
  return place.threadTs === undefined ? {} : { thread_ts: place.threadTs };
}
