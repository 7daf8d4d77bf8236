import { z } from "zod";

/** One field of a flat WeCom XML packet (`<Name><![CDATA[…]]></Name>` or `<Name>…</Name>`); undefined when absent. */
export function xmlField(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${name}>`).exec(
    xml,
  );
  if (match === null) return undefined;
  return match[1] ?? decodeEntities(match[2] ?? "");
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * A message to a self-built app, decrypted, as ziping reads it: who sent it, to which app, its
 * id (WeCom retries an unanswered callback, so it is the dedupe key) and its text or media.
 */
export const CallbackMessageSchema = z.object({
  ToUserName: z.string().min(1),
  FromUserName: z.string().min(1),
  MsgType: z.string().min(1),
  AgentID: z.coerce.number().int(),
  MsgId: z.string().min(1).optional(),
  Content: z.string().optional(),
  MediaId: z.string().min(1).optional(),
  FileName: z.string().min(1).optional(),
  Recognition: z.string().optional(),
});
export type CallbackMessage = z.infer<typeof CallbackMessageSchema>;

/** The fields of a decrypted packet, validated; null when it is not a message ziping reads. */
export function parseCallbackMessage(xml: string): CallbackMessage | null {
  const fields = Object.fromEntries(
    [
      "ToUserName",
      "FromUserName",
      "MsgType",
      "AgentID",
      "MsgId",
      "Content",
      "MediaId",
      "FileName",
      "Recognition",
    ].flatMap((name) => {
      const value = xmlField(xml, name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  const parsed = CallbackMessageSchema.safeParse(fields);
  return parsed.success ? parsed.data : null;
}
