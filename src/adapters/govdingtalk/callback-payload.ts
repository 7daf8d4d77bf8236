import { z } from "zod";
import { type GovPlace, govMessageId, govUserId } from "./gov-place.ts";

/**
 * The fields ziping reads from a robot callback, in the shape of DingTalk's robot messages
 * (msgId, msgtype, text.content, conversationType "1" 1:1 / "2" group, conversationId, the
 * sender). 政务钉钉 is assumed to post the same shape (unverified); what does not fit is ignored
 * and logged, never guessed.
 */
const RobotMessageSchema = z.object({
  msgId: z.string().min(1),
  msgtype: z.string().min(1),
  text: z.object({ content: z.string() }).optional(),
  content: z
    .looseObject({
      mediaId: z.string().min(1).optional(),
      downloadCode: z.string().min(1).optional(),
      fileName: z.string().min(1).optional(),
      fileSize: z.coerce.number().int().nonnegative().optional(),
    })
    .optional(),
  conversationType: z.coerce.string().pipe(z.enum(["1", "2"])),
  conversationId: z.string().min(1),
  /** The sender's account id in the tenant (what sendoto takes); senderId when it is absent. */
  senderStaffId: z.coerce.string().min(1).optional(),
  senderId: z.coerce.string().min(1).optional(),
});

/** A file the officer sent: the id to download it with, its name and the size the platform states. */
export interface GovFile {
  id: string;
  name: string;
  size: number;
}

/** A robot callback as ziping's inbound event needs it. */
export interface GovInbound {
  /** The chat service's message id ("govdingtalk:<tenant>:<msgId>"). */
  id: string;
  place: GovPlace;
  /** The store's user id of the sender. */
  user: string;
  /** The sender's account id, to reply to in a 1:1 chat. */
  accountId: string;
  text: string;
  files: GovFile[];
  /** The platform's type of a message ziping cannot read (a picture, a voice message). */
  unsupported?: string;
}

/** A callback body as an inbound message, or why it cannot be one (for the log). */
export function parseCallback(
  body: unknown,
  tenant: string,
): { ok: true; value: GovInbound } | { ok: false; why: string } {
  const parsed = RobotMessageSchema.safeParse(body);
  if (!parsed.success) return { ok: false, why: "回调内容不是可识别的机器人消息" };
  const m = parsed.data;
  const accountId = m.senderStaffId ?? m.senderId;
  if (accountId === undefined) return { ok: false, why: "回调没有发送人（senderStaffId / senderId）" };
  const place: GovPlace =
    m.conversationType === "1"
      ? { tenant, kind: "user", accountId }
      : { tenant, kind: "group", chatId: m.conversationId };
  const files: GovFile[] = [];
  if (m.msgtype === "file") {
    const id = m.content?.mediaId ?? m.content?.downloadCode;
    const name = m.content?.fileName;
    if (id === undefined || name === undefined)
      return { ok: false, why: "文件消息缺少 mediaId / downloadCode 或 fileName" };
    files.push({ id, name, size: m.content?.fileSize ?? 0 });
  }
  return {
    ok: true,
    value: {
      id: govMessageId(tenant, m.msgId),
      place,
      user: govUserId(tenant, accountId),
      accountId,
      text: (m.text?.content ?? "").trim(),
      files,
      ...(m.msgtype === "text" || m.msgtype === "file" ? {} : { unsupported: m.msgtype }),
    },
  };
}
