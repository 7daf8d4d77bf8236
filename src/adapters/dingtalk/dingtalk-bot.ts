import type { InboundEvent, InboundFile } from "../../services/channel-port.ts";
import {
  type ChannelLog,
  resumeDeliveries,
  runFiles,
  runTurn,
  sendReplies,
} from "../../services/channel-turns.ts";
import type { Ziping } from "../../services/ziping.ts";
import type { DingTalkApi } from "./dingtalk-api.ts";
import { dingtalkOutbound, type SessionWebhook } from "./dingtalk-outbound.ts";
import {
  type DingTalkPlace,
  dingtalkConversationKey,
  dingtalkPlaceOfKey,
  dingtalkUserId,
} from "./dingtalk-place.ts";
import { dingtalkFile } from "./file-intake.ts";
import {
  FileContentSchema,
  PictureContentSchema,
  RichTextContentSchema,
  type RobotMessage,
  RobotMessageSchema,
} from "./payloads.ts";
import { type Downstream, TOPIC_ROBOT } from "./stream-frames.ts";

/** What the DingTalk adapter needs from the shell: the one service, the HTTP side, a clock, a log. */
export interface DingTalkDeps {
  ziping: Ziping;
  api: DingTalkApi;
  clock: () => Date;
  log: ChannelLog;
}

/** What a message of an unsupported kind (voice, video …) is told. */
const UNSUPPORTED =
  "暂时只能读取文字消息和 xlsx、docx、pdf、txt 文件。请直接输入文字，或把报告作为文件发送，例如 2021年自评报告.docx";

/** The text and files of a robot message. */
function contents(m: RobotMessage, api: DingTalkApi): { text: string; files: InboundFile[] } | null {
  switch (m.msgtype) {
    case "text":
      return { text: (m.text?.content ?? "").trim(), files: [] };
    case "file": {
      const c = FileContentSchema.safeParse(m.content);
      if (!c.success) return null;
      return {
        text: "",
        files: [dingtalkFile(api, c.data.fileId ?? "0", c.data.fileName, c.data.downloadCode)],
      };
    }
    case "picture": {
      const c = PictureContentSchema.safeParse(m.content);
      // A picture (a photo of a page) is downloaded and read by OCR, as a .png/.jpg file is.
      return c.success
        ? { text: "", files: [dingtalkFile(api, "0", "图片.png", c.data.downloadCode)] }
        : null;
    }
    case "richText": {
      const c = RichTextContentSchema.safeParse(m.content);
      if (!c.success) return null;
      const text = c.data.richText
        .flatMap((r) => (r.text === undefined ? [] : [r.text]))
        .join("\n")
        .trim();
      const files = c.data.richText.flatMap((r, i) =>
        r.downloadCode === undefined || r.text !== undefined
          ? []
          : [dingtalkFile(api, String(i), "图片.png", r.downloadCode)],
      );
      return { text, files };
    }
    default:
      return null;
  }
}

/**
 * The DingTalk side of a conversation: a pushed robot message becomes the channel port's inbound
 * event (1:1 chats, and group messages that @mention the robot) and runs through the one door with
 * this place's outbound side. Messages of one conversation run one after another, in order of
 * arrival; a re-pushed msgId changes nothing (the service remembers handled ids, also across a
 * restart). No rule of the domain lives here.
 */
export class DingTalkBot {
  private readonly queues = new Map<string, Promise<void>>();
  private gate: Promise<void> = Promise.resolve();

  constructor(readonly deps: DingTalkDeps) {}

  /** A frame from the Stream client (already acknowledged). */
  async frame(frame: Downstream): Promise<void> {
    if (frame.headers.topic !== TOPIC_ROBOT) {
      this.deps.log.info(`钉钉 Stream：未处理的主题 ${frame.headers.topic}`);
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(frame.data);
    } catch {
      payload = null;
    }
    await this.message(payload);
  }

  /** One robot message, queued behind the earlier messages of its conversation. */
  message(payload: unknown): Promise<void> {
    const parsed = RobotMessageSchema.safeParse(payload);
    if (!parsed.success) {
      this.deps.log.info("钉钉：忽略一条无法识别的机器人消息");
      return Promise.resolve();
    }
    const m = parsed.data;
    const corpId = m.senderCorpId ?? m.chatbotCorpId;
    if (corpId === undefined || m.senderStaffId === undefined) {
      this.deps.log.info(`钉钉：消息 ${m.msgId} 没有发送者的企业或员工 ID（企业外的人？），未处理`);
      return Promise.resolve();
    }
    const group = m.conversationType === "2";
    // In a group only an @mention is for ziping.
    if (group && m.isInAtList !== true) return Promise.resolve();
    const place: DingTalkPlace = group
      ? { kind: "group", corpId, conversationId: m.conversationId }
      : { kind: "user", corpId, staffId: m.senderStaffId };
    const key = dingtalkConversationKey(place);
    const user = dingtalkUserId(corpId, m.senderStaffId);
    const run = () => this.run(m, place, user);
    const next = (this.queues.get(key) ?? Promise.resolve()).then(run, run);
    this.queues.set(key, next);
    return next.finally(() => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    });
  }

  /**
   * One turn starts per turn of the event loop: the service's work is synchronous (SQLite), so
   * between two turns the socket is read and the acks of frames that arrived meanwhile go out
   * (DingTalk pushes a frame again when its ack is late).
   */
  private turnstile(): Promise<void> {
    const mine = this.gate.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.gate = mine;
    return mine;
  }

  /** Resolves when every queued message has been handled. */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
  }

  private async run(m: RobotMessage, place: DingTalkPlace, user: string): Promise<void> {
    const { ziping, api, clock, log } = this.deps;
    await this.turnstile();
    const webhook: SessionWebhook | undefined =
      m.sessionWebhook === undefined
        ? undefined
        : { url: m.sessionWebhook, expiresAt: m.sessionWebhookExpiredTime ?? 0 };
    const out = dingtalkOutbound(api, place, webhook, () => clock().getTime());
    const found = contents(m, api);
    if (found === null) {
      await sendReplies(out, [{ type: "notice", level: "info", text: UNSUPPORTED }]).catch((e: unknown) =>
        log.error("回复未能发送", e),
      );
      return;
    }
    const event: InboundEvent = {
      id: `dingtalk:${m.msgId}`,
      conversation: dingtalkConversationKey(place),
      user,
      text: found.text,
    };
    if (found.text === "" && found.files.length === 0) {
      // "@ziping" alone: say where this conversation stands (a new one gets the greeting).
      await runTurn(ziping, out, { ...event, id: null, resume: true }, clock, log);
      return;
    }
    if (found.text !== "") await runTurn(ziping, out, event, clock, log);
    if (found.files.length > 0)
      await runFiles(ziping, out, { ...event, text: "", files: found.files }, clock, log);
  }

  /**
   * At start: the drafts asked for in DingTalk that were never handed over are drafted and sent
   * now, through the OpenAPI (the messages' sessionWebhooks are gone). Returns how many.
   */
  resumeDeliveries(): Promise<number> {
    const { ziping, api, clock, log } = this.deps;
    return resumeDeliveries(
      ziping,
      "dingtalk:",
      (key) => {
        const place = dingtalkPlaceOfKey(key);
        return place === null ? undefined : dingtalkOutbound(api, place, undefined, () => clock().getTime());
      },
      clock,
      log,
    );
  }
}
