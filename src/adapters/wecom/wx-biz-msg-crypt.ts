import { createHash, randomBytes } from "node:crypto";
import { fail, ok, type Result } from "../../core/result.ts";
import { weComDecrypt, weComEncrypt } from "./wecom-aes.ts";

/**
 * WeCom's callback message encryption (the WXBizMsgCrypt scheme of the official samples), on
 * node:crypto: key = base64(EncodingAESKey + "="), 32 bytes; AES-256-CBC with the key's first 16
 * bytes as IV and PKCS#7 padding to 32; plaintext = 16 random bytes + the message's length (4
 * bytes, big-endian) + the message + the receive id (the corp id); the signature is the SHA-1 hex
 * of token, timestamp, nonce and the ciphertext, sorted as strings and concatenated.
 */
export interface MsgCrypt {
  /** Whether `signature` signs (timestamp, nonce, encrypted) with the token (compared in constant time). */
  verify(signature: string, timestamp: string, nonce: string, encrypted: string): boolean;
  /** The message inside `encrypted`, or why not (bad base64, padding, length, or another receive id). */
  decrypt(encrypted: string): Result<string>;
  /** `message` encrypted (with `random`, 16 bytes, fresh by default) and its signature. */
  encrypt(
    message: string,
    timestamp: string,
    nonce: string,
    random?: Buffer,
  ): { encrypted: string; signature: string };
}

/** The SHA-1 signature of the four strings, sorted. */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash("sha1").update([token, timestamp, nonce, encrypted].sort().join("")).digest("hex");
}

/** The 32-byte AES key of an EncodingAESKey (43 characters); null when it does not decode to 32 bytes. */
export function aesKeyOf(encodingAesKey: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) return null;
  const key = Buffer.from(`${encodingAesKey}=`, "base64");
  return key.length === 32 ? key : null;
}

/** The scheme for one app: its Token, EncodingAESKey and receive id (the corp id). */
export function msgCrypt(token: string, encodingAesKey: string, receiveId: string): MsgCrypt {
  const key = aesKeyOf(encodingAesKey);
  if (key === null) throw new Error("bug: EncodingAESKey not validated by the settings");
  return {
    verify(signature, timestamp, nonce, encrypted) {
      const expected = msgSignature(token, timestamp, nonce, encrypted);
      return signature.length === expected.length && timingSafe(signature, expected);
    },
    decrypt(encrypted) {
      const bad = fail<string>(
        "wecom.decrypt_failed",
        "企业微信回调消息无法解密：请核对 WECOM_ENCODING_AES_KEY 与 WECOM_CORP_ID",
      );
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted)) return bad;
      const plain = weComDecrypt(key, Buffer.from(encrypted, "base64"));
      if (plain === null || plain.length < 20) return bad;
      const length = plain.readUInt32BE(16);
      if (20 + length > plain.length) return bad;
      if (plain.subarray(20 + length).toString("utf8") !== receiveId) return bad;
      return ok(plain.subarray(20, 20 + length).toString("utf8"));
    },
    encrypt(message, timestamp, nonce, random = randomBytes(16)) {
      const body = Buffer.from(message, "utf8");
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length, 0);
      const plain = Buffer.concat([random, length, body, Buffer.from(receiveId, "utf8")]);
      const encrypted = weComEncrypt(key, plain).toString("base64");
      return { encrypted, signature: msgSignature(token, timestamp, nonce, encrypted) };
    },
  };
}

function timingSafe(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
