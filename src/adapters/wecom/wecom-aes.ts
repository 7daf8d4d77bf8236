import { createCipheriv, createDecipheriv } from "node:crypto";

/**
 * WeCom's AES: AES-256-CBC with a 32-byte key, the IV being the key's first 16 bytes, and PKCS#7
 * padding to a multiple of 32 bytes (not AES's 16), so Node's own padding is turned off. Used for
 * the AI bot's encrypted files (key = the message's aeskey) and for callback messages
 * (key = base64(EncodingAESKey + "=")).
 */

const BLOCK = 32;

/** Encrypts `plain` (padded to 32); the key must be 32 bytes. */
export function weComEncrypt(key: Buffer, plain: Buffer): Buffer {
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]);
}

/** Decrypts and unpads; null when the key is not 32 bytes, the data is not whole blocks, or the padding is wrong. */
export function weComDecrypt(key: Buffer, data: Uint8Array): Buffer | null {
  if (key.length !== 32 || data.length === 0 || data.length % 16 !== 0) return null;
  let plain: Buffer;
  try {
    const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    return null;
  }
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > BLOCK || pad > plain.length) return null;
  for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) return null;
  return plain.subarray(0, plain.length - pad);
}
