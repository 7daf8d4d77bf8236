import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * DingTalk's encrypted HTTP callback (event subscription), as open-dingtalk/DingTalk-Callback-Crypto
 * implements it: the body is {"encrypt": Base64}, the query carries `signature` (or
 * `msg_signature`), `timestamp` (or `timeStamp`) and `nonce`; the signature is SHA-1 (hex) of the
 * token, timestamp, nonce and ciphertext sorted and joined; the ciphertext is AES-256-CBC with the
 * key Base64(aesKey + "=") and its first 16 bytes as IV, over random(16) + length(4, big-endian) +
 * message + owner key (app key or corp id), padded PKCS#7 to 32 bytes. The answer is the word
 * "success" encrypted the same way. Whether a 政务钉钉 tenant encrypts its callbacks is
 * configuration (GOV_DINGTALK_CALLBACK_AES_KEY); see README “在政务钉钉中使用”.
 */

/** The callback's token, the 43-character EncodingAESKey, and the owner key checked inside the message. */
export interface CallbackCrypto {
  token: string;
  aesKey: string;
  ownerKey: string;
}

const BLOCK = 32;

/** SHA-1 (hex) of token, timestamp, nonce and ciphertext, sorted and joined. */
export function cryptoSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash("sha1").update([token, timestamp, nonce, encrypt].sort().join(""), "utf8").digest("hex");
}

/** Whether `signature` is the one of these values (compared in constant time). */
export function cryptoSignatureMatches(
  crypto: CallbackCrypto,
  signature: string,
  timestamp: string,
  nonce: string,
  encrypt: string,
): boolean {
  const expected = Buffer.from(cryptoSignature(crypto.token, timestamp, nonce, encrypt));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function key(aesKey: string): Buffer {
  return Buffer.from(`${aesKey}=`, "base64");
}

/** The message inside `encrypt`, or null when it does not decrypt or names another owner. */
export function decryptCallback(crypto: CallbackCrypto, encrypt: string): string | null {
  try {
    const k = key(crypto.aesKey);
    const decipher = createDecipheriv("aes-256-cbc", k, k.subarray(0, 16));
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.from(encrypt, "base64")), decipher.final()]);
    const pad = plain[plain.length - 1] ?? 0;
    if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) return null;
    const body = plain.subarray(0, plain.length - pad);
    const length = body.readUInt32BE(16);
    if (20 + length > body.length) return null;
    if (body.subarray(20 + length).toString("utf8") !== crypto.ownerKey) return null;
    return body.subarray(20, 20 + length).toString("utf8");
  } catch {
    return null;
  }
}

/** `message` encrypted for the platform (`random` is 16 bytes; fresh ones unless a test gives them). */
export function encryptCallback(
  crypto: CallbackCrypto,
  message: string,
  random: Buffer = randomBytes(16),
): string {
  const text = Buffer.from(message, "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length);
  const body = Buffer.concat([random.subarray(0, 16), length, text, Buffer.from(crypto.ownerKey, "utf8")]);
  const pad = BLOCK - (body.length % BLOCK);
  const k = key(crypto.aesKey);
  const cipher = createCipheriv("aes-256-cbc", k, k.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString("base64");
}

/** The answer that tells the platform a callback was taken: "success", encrypted and signed. */
export function successReply(
  crypto: CallbackCrypto,
  timestamp: string,
  nonce: string,
  random?: Buffer,
): { msg_signature: string; timeStamp: string; nonce: string; encrypt: string } {
  const encrypt = encryptCallback(crypto, "success", random);
  return {
    msg_signature: cryptoSignature(crypto.token, timestamp, nonce, encrypt),
    timeStamp: timestamp,
    nonce,
    encrypt,
  };
}
