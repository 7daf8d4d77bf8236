import { z } from "zod";

/**
 * The frames of DingTalk's Stream protocol, as the official SDKs read and write them
 * (open-dingtalk/dingtalk-stream-sdk-nodejs src/client.ts, -python dingtalk_stream/stream.py and
 * frames.py): every frame is JSON with a type, headers and `data` as a JSON string.
 */

/** The robot's messages (a chat message to the robot, 1:1 or an @mention in a group). */
export const TOPIC_ROBOT = "/v1.0/im/bot/messages/get";
/** A click in an interactive card (互动卡片) sent by the robot. */
export const TOPIC_CARD = "/v1.0/card/instances/callback";

/** One frame pushed by the server. */
export const DownstreamSchema = z.object({
  specVersion: z.string().optional(),
  type: z.enum(["SYSTEM", "EVENT", "CALLBACK"]),
  headers: z
    .object({
      topic: z.string().default(""),
      messageId: z.string().default(""),
      contentType: z.string().optional(),
      time: z.string().optional(),
      appId: z.string().optional(),
    })
    .loose(),
  data: z.string().default(""),
});
export type Downstream = z.infer<typeof DownstreamSchema>;

/** What the gateway answers to connections/open: where to connect and the one-use ticket. */
export const OpenedSchema = z.object({ endpoint: z.string().min(1), ticket: z.string().min(1) });

/**
 * The answer to a SYSTEM ping: the same headers and data (data holds `opaque`, which the server
 * expects back), as the Node SDK's onSystem does.
 */
export function pong(frame: Downstream): string {
  return JSON.stringify({ code: 200, headers: frame.headers, message: "OK", data: frame.data });
}

/**
 * The acknowledgement of an EVENT or CALLBACK frame by its messageId (unacknowledged frames are
 * pushed again). An EVENT is acknowledged as handled (`{status: "SUCCESS"}`, the Node SDK's
 * EventAck); a CALLBACK with an empty response (`{response: …}`, socketCallBackResponse).
 */
export function ack(frame: Downstream): string {
  const data = frame.type === "EVENT" ? { status: "SUCCESS", message: "OK" } : { response: {} };
  return JSON.stringify({
    code: 200,
    headers: { contentType: "application/json", messageId: frame.headers.messageId },
    message: "OK",
    data: JSON.stringify(data),
  });
}
