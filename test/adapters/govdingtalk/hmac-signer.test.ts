import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  canonicalParams,
  canonicalString,
  gatewayTimestamp,
  signedHeaders,
  signRequest,
} from "../../../src/adapters/govdingtalk/hmac-signer.ts";

const SECRET = "test-secret-0123456789";

describe("the 政务钉钉 gateway signature (zwdd-sdk-java 1.2.0 Signature)", () => {
  test("parameters: case-insensitive name order, repeated values sorted, empty ones left out, raw values", () => {
    expect(canonicalParams({ tenantId: "196729", appKey: "ak", Zeta: "z", b: ["2", "1"], empty: "" })).toBe(
      "appKey=ak&b=1&b=2&tenantId=196729&Zeta=z",
    );
    expect(canonicalParams({ msgBody: '{"a":"中 文&x"}' })).toBe('msgBody={"a":"中 文&x"}');
    expect(canonicalParams({})).toBe("");
  });

  test("the signed string is METHOD, timestamp, nonce, path and parameters, one per line", () => {
    const input = {
      method: "GET" as const,
      timestamp: "2026-12-04T05:30:00.000+08:00",
      nonce: "17648028000001234",
      path: "/gettoken.json",
      params: { appsecret: "s", appkey: "k" },
    };
    expect(canonicalString(input)).toBe(
      "GET\n2026-12-04T05:30:00.000+08:00\n17648028000001234\n/gettoken.json\nappkey=k&appsecret=s",
    );
    expect(canonicalString({ ...input, params: {} })).toBe(
      "GET\n2026-12-04T05:30:00.000+08:00\n17648028000001234\n/gettoken.json",
    );
    const expected = createHmac("sha256", SECRET)
      .update("GET\n2026-12-04T05:30:00.000+08:00\n17648028000001234\n/gettoken.json\nappkey=k&appsecret=s")
      .digest("base64");
    expect(signRequest(input, SECRET)).toBe(expected);
    expect(signRequest(input, SECRET)).toBe("DWQdU/n6yTwWuh4UR0bxz5YwDZj3K/X1V5VgXYg0LNI=");
  });

  test("the headers carry the app key, timestamp, version 1.0, nonce, signature, IP and MAC", () => {
    const input = {
      method: "POST" as const,
      timestamp: gatewayTimestamp(new Date(Date.UTC(2026, 11, 3, 21, 30, 0, 7))),
      nonce: "n1",
      path: "/robot/message/sendoto",
      params: { accountId: "42" },
    };
    expect(input.timestamp).toBe("2026-12-04T05:30:00.007+08:00");
    expect(signedHeaders(input, SECRET, { appKey: "ak", ip: "10.0.0.5", mac: "02:00:00:00:00:01" })).toEqual({
      apiKey: "ak",
      "X-Hmac-Auth-Timestamp": "2026-12-04T05:30:00.007+08:00",
      "X-Hmac-Auth-Version": "1.0",
      "X-Hmac-Auth-Nonce": "n1",
      "X-Hmac-Auth-Signature": createHmac("sha256", SECRET)
        .update("POST\n2026-12-04T05:30:00.007+08:00\nn1\n/robot/message/sendoto\naccountId=42")
        .digest("base64"),
      "X-Hmac-Auth-IP": "10.0.0.5",
      "X-Hmac-Auth-MAC": "02:00:00:00:00:01",
    });
  });
});
