import type { WSClient, WsFrame } from "@wecom/aibot-node-sdk";
import { actionWords } from "../../conversation/typed-action.ts";
import { type ChannelLog, runFiles, runTurn, sendReplies } from "../../services/channel-turns.ts";
import type { Ziping } from "../../services/ziping.ts";
import { type Download, weComInboundFile } from "./aibot-file.ts";
import { AibotCardEventSchema, type AibotMessage, AibotMessageSchema, clickOf } from "./aibot-frames.ts";
import { chosenCard, decodeCardKey } from "./wecom-card.ts";
import { type WeComTransport, weComOutbound } from "./wecom-outbound.ts";
import { type WeComPlace, weComConversationKey, weComUserId } from "./wecom-place.ts";

/** What the WeCom listeners need from the shell: the one service, a clock, a downloader, a log, card task ids. */
export interface WeComDeps {
  ziping: Ziping;
  clock: () => Date;
  download: Download;
  log: ChannelLog;
  /** A fresh template-card task id (unique per bot; letters, digits, _-@). */
  taskId: () => string;
}

/** Runs each conversation's events in order (a file and the text after it), conversations side by side. */
export interface SerialQueue {
  run(key: string, work: () => Promise<void>): Promise<void>;
  /** Resolves once every queued event has been handled (a clean stop, a test's next step). */
  idle(): Promise<void>;
}

/** A queue per conversation key; a failure is logged and does not stop the next event. */
export function serialQueue(log: ChannelLog): SerialQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, work) {
      const run = (tails.get(key) ?? Promise.resolve()).then(work).catch((error: unknown) => {
        log.error("处理企业微信消息时出错", error);
      });
      tails.set(key, run);
      void run.then(() => {
        if (tails.get(key) === run) tails.delete(key);
      });
      return run;
    },
    async idle() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}

/** The words of a message: its text, a voice message's transcript, or a mixed message's text parts; group @mentions removed. */
function spoken(m: AibotMessage): string {
  const raw =
    m.text?.content ??
    m.voice?.content ??
    (m.mixed?.msg_item ?? []).flatMap((i) => (i.text === undefined ? [] : [i.text.content])).join("\n");
  return m.chattype === "group" ? raw.replace(/^(?:\s*@\S+)+/u, "").trim() : raw.trim();
}

/**
 * The AI bot's inbound side: messages (1:1, and group messages that @mention the bot) and
 * template-card clicks become channel-port events run through the one door. A message's id is
 * its msgid, so a redelivered message has one effect; a file message is claimed before its
 * (expiring) address is downloaded. A click first turns the clicker's card into "已选择" (WeCom
 * accepts the update only within 5 s of the click), then runs as the typed action.
 */
export function registerAibotListeners(
  client: WSClient,
  transport: WeComTransport,
  scope: string,
  deps: WeComDeps,
): SerialQueue {
  const queue = serialQueue(deps.log);
  const outbound = (place: WeComPlace) =>
    weComOutbound(transport, place, deps.taskId, (m, e) => deps.log.error(m, e));

  client.on("message", (frame: WsFrame) => {
    const parsed = AibotMessageSchema.safeParse(frame.body);
    if (!parsed.success) {
      deps.log.info(`忽略无法识别的企业微信消息（${frame.body?.msgtype ?? "无类型"}）`);
      return;
    }
    const m = parsed.data;
    const group = m.chattype === "group";
    if (group && m.chatid === undefined) return;
    const place: WeComPlace = { scope, chat: group ? (m.chatid ?? "") : m.from.userid, group };
    const conversation = weComConversationKey(place);
    void queue.run(conversation, async () => {
      const out = outbound(place);
      const id = `wecom:${scope}:${m.msgid}`;
      const user = weComUserId(scope, m.from.userid);
      if (m.msgtype === "file" && m.file !== undefined) {
        if (!(await deps.ziping.claimEvent(id, deps.clock()))) {
          deps.log.info(`重复的文件消息 ${id}，未重复处理`);
          return;
        }
        const { url, aeskey } = m.file;
        const file = await weComInboundFile(
          "file",
          (limit) => deps.download(url, limit),
          aeskey === undefined ? {} : { aeskey },
        );
        if (!file.ok) {
          await sendReplies(out, [{ type: "notice", level: "error", text: file.error.message }]);
          return;
        }
        await runFiles(
          deps.ziping,
          out,
          { id, conversation, user, text: "", files: [file.value] },
          deps.clock,
          deps.log,
        );
        return;
      }
      const text = spoken(m);
      if (text === "" && group) {
        // "@ziping" alone in a group: where this conversation stands (a new one gets the greeting).
        await runTurn(
          deps.ziping,
          out,
          { id: null, conversation, user, text: "", resume: true },
          deps.clock,
          deps.log,
        );
        return;
      }
      if (text === "") {
        deps.log.info(`忽略没有文字的企业微信消息（${m.msgtype}）`);
        return;
      }
      await runTurn(deps.ziping, out, { id, conversation, user, text }, deps.clock, deps.log);
    });
  });

  client.on("event.template_card_event", (frame: WsFrame) => {
    const parsed = AibotCardEventSchema.safeParse(frame.body);
    if (!parsed.success) return;
    const e = parsed.data;
    const click = clickOf(e);
    const pressed = click === null ? null : decodeCardKey(click.key);
    if (click === null || pressed === null) return;
    const group = e.chattype === "group" && e.chatid !== undefined;
    const place: WeComPlace = { scope, chat: group ? (e.chatid ?? "") : e.from.userid, group };
    const conversation = weComConversationKey(place);
    // The key names its conversation: a card forwarded into another chat does not act there.
    if (pressed.conversation !== conversation) return;
    const words = actionWords(pressed.action);
    void client
      .updateTemplateCard(frame, chosenCard(click.taskId, words, conversation), [e.from.userid])
      .catch((error: unknown) => deps.log.error("模板卡片未能更新", error));
    void queue.run(conversation, async () => {
      await runTurn(
        deps.ziping,
        outbound(place),
        {
          id: `${conversation}:card:${click.taskId}:${e.from.userid}`,
          conversation,
          user: weComUserId(scope, e.from.userid),
          text: words,
          action: pressed.action,
        },
        deps.clock,
        deps.log,
      );
    });
  });
  return queue;
}
