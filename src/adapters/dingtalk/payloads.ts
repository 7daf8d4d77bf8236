import { z } from "zod";

/**
 * The robot message pushed on /v1.0/im/bot/messages/get, as ziping reads it (the fields of the
 * official SDKs' ChatbotMessage: dingtalk-stream-sdk-python dingtalk_stream/chatbot.py,
 * -nodejs src/constants.ts RobotMessageBase). Everything else passes through untouched; a payload
 * that does not fit is logged and ignored.
 */
export const RobotMessageSchema = z.object({
  msgId: z.string().min(1),
  msgtype: z.string().min(1),
  /** "1": a 1:1 chat with the robot; "2": a group. */
  conversationType: z.enum(["1", "2"]),
  /** The chat's id; for a group it is the openConversationId the robot API sends to. */
  conversationId: z.string().min(1),
  senderId: z.string().optional(),
  /** The sender's userId in the company (absent for people outside it). */
  senderStaffId: z.string().min(1).optional(),
  senderNick: z.string().optional(),
  senderCorpId: z.string().min(1).optional(),
  chatbotCorpId: z.string().min(1).optional(),
  /** In a group: whether the robot was @mentioned (only then is the message for ziping). */
  isInAtList: z.boolean().optional(),
  /** Where to reply to this message without a token, until sessionWebhookExpiredTime (ms). */
  sessionWebhook: z.url().optional(),
  sessionWebhookExpiredTime: z.number().optional(),
  robotCode: z.string().optional(),
  text: z.object({ content: z.string().default("") }).optional(),
  content: z.unknown().optional(),
});
export type RobotMessage = z.infer<typeof RobotMessageSchema>;

/** content of msgtype "file": the file's name and the code that downloads it. */
export const FileContentSchema = z.object({
  downloadCode: z.string().min(1),
  fileName: z.string().min(1),
  fileId: z.string().optional(),
  spaceId: z.string().optional(),
});

/** content of msgtype "picture". */
export const PictureContentSchema = z.object({ downloadCode: z.string().min(1) });

/** content of msgtype "richText": text runs and pictures. */
export const RichTextContentSchema = z.object({
  richText: z.array(z.object({ text: z.string().optional(), downloadCode: z.string().optional() }).loose()),
});
