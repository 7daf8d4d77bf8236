import { createHash } from "node:crypto";
import nock from "nock";
import { afterEach, describe, expect, test } from "vitest";
import {
  cryptoSignature,
  decryptCallback,
  encryptCallback,
  successReply,
} from "../../../src/adapters/govdingtalk/callback-crypto.ts";
import { type GovTestbed, govTestbed, postJson, SETTINGS, T0, textMessage } from "./gov-testbed.ts";

/** The example of open-dingtalk/DingTalk-Callback-Crypto (DingCallbackCrypto3.py): token, key, owner, one callback. */
const SDK = {
  token: "mryue",
  aesKey: "Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7",
  ownerKey: "ding6ccabc44d2c8d38b",
};
const SDK_ENCRYPT =
  "0vJiX6vliEpwG3U45CtXqi+m8PXbQRARJ8p8BbDuD1EMTDf0jKpQ79QS93qEk7XHpP6u+oTTrd15NRPvNvmBKyDCYxxOK+HZeKju4yhELOFchzNukR+t8SB/qk4ROMu3";

describe("DingTalk's callback encryption (the SDK's own example)", () => {
  test("the example's signature is SHA-1 of the sorted token, timestamp, nonce and ciphertext", () => {
    expect(cryptoSignature(SDK.token, "1608001896814", "WL4PK6yA", SDK_ENCRYPT)).toBe(
      "03044561471240d4a14bb09372dfcfd4fd0e40cb",
    );
    expect(cryptoSignature("b", "a", "d", "c")).toBe(createHash("sha1").update("abcd").digest("hex"));
  });

  test("the example decrypts to the address check, and encrypting it with the same random bytes gives it back", () => {
    expect(decryptCallback(SDK, SDK_ENCRYPT)).toBe('{"EventType":"check_url"}');
    expect(encryptCallback(SDK, '{"EventType":"check_url"}', Buffer.from("l7Y3EcX2CU5w8av3"))).toBe(
      SDK_ENCRYPT,
    );
  });

  test("another owner key, another AES key or a cut ciphertext does not decrypt", () => {
    expect(decryptCallback({ ...SDK, ownerKey: "dingOTHER" }, SDK_ENCRYPT)).toBeNull();
    expect(
      decryptCallback({ ...SDK, aesKey: "o1w0aum42yaptlz8alnhwikjd3jenzt9cb9wmzptgus" }, SDK_ENCRYPT),
    ).toBeNull();
    expect(decryptCallback(SDK, SDK_ENCRYPT.slice(0, 40))).toBeNull();
  });

  test("the success answer is 'success' encrypted, signed over its own timestamp and nonce", () => {
    const reply = successReply(SDK, "1608001896814", "n0nce", Buffer.from("0123456789abcdef"));
    expect(decryptCallback(SDK, reply.encrypt)).toBe("success");
    expect(reply).toEqual({
      msg_signature: cryptoSignature(SDK.token, "1608001896814", "n0nce", reply.encrypt),
      timeStamp: "1608001896814",
      nonce: "n0nce",
      encrypt: encryptCallback(SDK, "success", Buffer.from("0123456789abcdef")),
    });
  });
});

const CRYPTO = {
  token: "cb-token",
  aesKey: "o1w0aum42yaptlz8alnhwikjd3jenzt9cb9wmzptgus",
  ownerKey: "zwdd-app-key-1",
};
let t: GovTestbed | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  nock.cleanAll();
});

function encrypted(message: unknown, signature?: string) {
  const encrypt = encryptCallback(CRYPTO, JSON.stringify(message));
  const timestamp = String(T0);
  const sig = signature ?? cryptoSignature(CRYPTO.token, timestamp, "abc123", encrypt);
  return {
    path: `${SETTINGS.callbackPath}?msg_signature=${sig}&timestamp=${timestamp}&nonce=abc123`,
    body: JSON.stringify({ encrypt }),
  };
}

describe("a tenant that encrypts its callbacks (GOV_DINGTALK_CALLBACK_AES_KEY)", () => {
  test("a message is decrypted and answered with the encrypted success; the turn runs", async () => {
    t = await govTestbed(":memory:", { ...SETTINGS, callbackCrypto: CRYPTO });
    t.gov.clear();
    const { path, body } = encrypted(
      textMessage("郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区"),
    );
    const answer = await postJson(t.channel.port, path, body, {});
    await t.idle();
    expect(answer.status).toBe(200);
    const reply = JSON.parse(answer.body) as {
      msg_signature: string;
      timeStamp: string;
      nonce: string;
      encrypt: string;
    };
    expect(decryptCallback(CRYPTO, reply.encrypt)).toBe("success");
    expect(reply.msg_signature).toBe(
      cryptoSignature(CRYPTO.token, reply.timeStamp, reply.nonce, reply.encrypt),
    );
    expect(t.gov.paths()).toEqual(["POST /robot/message/sendoto"]);
    expect(t.gov.texts()[0]?.startsWith("已记录：单位名称：郑州市金水区电子政务中心")).toBe(true);
  });

  test("the address check is answered; a wrong signature is refused with 403 and nothing runs", async () => {
    t = await govTestbed(":memory:", { ...SETTINGS, callbackCrypto: CRYPTO });
    t.gov.clear();
    const check = encrypted({ EventType: "check_url" });
    expect((await postJson(t.channel.port, check.path, check.body, {})).status).toBe(200);
    const forged = encrypted(textMessage("生成报告"), "0".repeat(40));
    expect(await postJson(t.channel.port, forged.path, forged.body, {})).toEqual({
      status: 403,
      body: '{"success":false}',
    });
    await t.idle();
    expect(t.gov.calls).toEqual([]);
    expect(t.logs).toEqual([
      "政务钉钉校验了回调地址（check_url），已应答",
      "已拒绝一个政务钉钉回调（签名不符，来自 127.0.0.1），未做任何处理",
    ]);
  });
});
