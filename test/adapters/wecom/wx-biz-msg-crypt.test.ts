import { createDecipheriv } from "node:crypto";
import { describe, expect, test } from "vitest";
import { aesKeyOf, msgCrypt, msgSignature } from "../../../src/adapters/wecom/wx-biz-msg-crypt.ts";

/** The example of WeCom's official WXBizMsgCrypt samples (token, EncodingAESKey, corp id). */
const TOKEN = "QDG6eK";
const AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const CORP = "wx5823bf96d3bd56c7";
const ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
const ENCRYPT =
  "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

describe("WXBizMsgCrypt on node:crypto", () => {
  const crypt = msgCrypt(TOKEN, AES_KEY, CORP);

  test("the official URL-verification example: signature 5c45ff5e…, echostr decrypts to its digits", () => {
    expect(msgSignature(TOKEN, "1409659589", "263014780", ECHOSTR)).toBe(
      "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
    );
    expect(crypt.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", ECHOSTR)).toBe(
      true,
    );
    expect(crypt.decrypt(ECHOSTR)).toEqual({ ok: true, value: "1616140317555161061" });
  });

  test("the official message example: signature 477715d1…, the text message 'hello' from mycreate to agent 218", () => {
    expect(
      crypt.verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", ENCRYPT),
    ).toBe(true);
    expect(crypt.decrypt(ENCRYPT)).toEqual({
      ok: true,
      value:
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>",
    });
  });

  test("encrypting with known random bytes gives the documented layout, read back by plain AES-256-CBC", () => {
    const random = Buffer.from("0123456789abcdef");
    const { encrypted, signature } = crypt.encrypt("你好", "1700000000", "42", random);
    expect(signature).toBe(msgSignature(TOKEN, "1700000000", "42", encrypted));
    const key = Buffer.from(`${AES_KEY}=`, "base64");
    const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, "base64")), decipher.final()]);
    // 16 random + 4 length (6: "你好" in UTF-8) + 6 message + 18 corp id = 44 bytes, padded with 20 × 0x14 to 64.
    expect(plain.length).toBe(64);
    expect(plain.subarray(0, 16).toString()).toBe("0123456789abcdef");
    expect(plain.readUInt32BE(16)).toBe(6);
    expect(plain.subarray(20, 26).toString("utf8")).toBe("你好");
    expect(plain.subarray(26, 44).toString()).toBe(CORP);
    expect([...plain.subarray(44)]).toEqual(Array(20).fill(20));
    expect(crypt.decrypt(encrypted)).toEqual({ ok: true, value: "你好" });
  });

  test("another app's receive id, a tampered ciphertext and a wrong signature are all refused", () => {
    expect(msgCrypt(TOKEN, AES_KEY, "ww-other").decrypt(ENCRYPT).ok).toBe(false);
    expect(crypt.decrypt(`A${ENCRYPT.slice(1)}`).ok).toBe(false);
    expect(
      crypt.verify("477715d11cdb4164915debcba66cb864d751f3e7", "1409659813", "1372623149", ENCRYPT),
    ).toBe(false);
    expect(
      crypt.verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659814", "1372623149", ENCRYPT),
    ).toBe(false);
  });

  test("an EncodingAESKey must be 43 characters that decode to 32 bytes", () => {
    expect(aesKeyOf(AES_KEY)?.length).toBe(32);
    expect(aesKeyOf(AES_KEY.slice(1))).toBeNull();
  });
});
