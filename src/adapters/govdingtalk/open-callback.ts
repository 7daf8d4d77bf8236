import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  type CallbackCrypto,
  cryptoSignatureMatches,
  decryptCallback,
  successReply,
} from "./callback-crypto.ts";
import { CALLBACK_WINDOW_MS, callbackRefusal } from "./callback-signature.ts";

/** One callback as it came: its query, the two signing headers, the body bytes. */
export interface RawCallback {
  query: URLSearchParams;
  timestamp: string | undefined;
  sign: string | undefined;
  body: Buffer;
}

/** How callbacks are protected: signed headers (the robot's token), or DingTalk's encryption. */
export type CallbackGuard =
  | { kind: "signed"; secret: string }
  | { kind: "encrypted"; crypto: CallbackCrypto };

/**
 * A checked callback: the message inside and the answer to send at once; or a refusal (status and
 * why, for the log) that changes nothing.
 */
export type Opened =
  | { ok: true; message: unknown; answer: string }
  | { ok: false; status: 400 | 403; why: string };

const EncryptedBodySchema = z.object({ encrypt: z.string().min(1) });

/** Checks a callback against the guard (signature, time, decryption) and reads the JSON inside. */
export function openCallback(raw: RawCallback, guard: CallbackGuard, now: Date): Opened {
  if (guard.kind === "signed") {
    const refused = callbackRefusal(raw.timestamp, raw.sign, guard.secret, now);
    if (refused !== null) return { ok: false, status: 403, why: refused };
    const json = parseJson(raw.body.toString("utf8"));
    return json === undefined
      ? { ok: false, status: 400, why: "内容不是 JSON" }
      : { ok: true, message: json, answer: "{}" };
  }
  const signature = raw.query.get("msg_signature") ?? raw.query.get("signature");
  const timestamp = raw.query.get("timeStamp") ?? raw.query.get("timestamp");
  const nonce = raw.query.get("nonce");
  const body = EncryptedBodySchema.safeParse(parseJson(raw.body.toString("utf8")));
  if (signature === null || timestamp === null || nonce === null || !body.success)
    return { ok: false, status: 403, why: "缺少 signature、timestamp、nonce 或 encrypt" };
  const ms = /^\d{13}$/.test(timestamp) ? Number(timestamp) : Number(timestamp) * 1000;
  if (!Number.isFinite(ms) || Math.abs(now.getTime() - ms) > CALLBACK_WINDOW_MS)
    return { ok: false, status: 403, why: "timestamp 与本机时间相差超过 1 小时" };
  if (!cryptoSignatureMatches(guard.crypto, signature, timestamp, nonce, body.data.encrypt))
    return { ok: false, status: 403, why: "签名不符" };
  const plain = decryptCallback(guard.crypto, body.data.encrypt);
  if (plain === null) return { ok: false, status: 403, why: "无法解密（AES 密钥或 owner key 不符）" };
  const message = parseJson(plain);
  if (message === undefined) return { ok: false, status: 400, why: "解密后的内容不是 JSON" };
  const reply = successReply(guard.crypto, String(now.getTime()), randomBytes(6).toString("hex"));
  return { ok: true, message, answer: JSON.stringify(reply) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
