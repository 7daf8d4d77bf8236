import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { GovDingTalkClient } from "../../../src/adapters/govdingtalk/gov-client.ts";
import { FakeGov, GOV_HOST } from "./fake-gov.ts";

const SECRET = "client-secret-never-shown";
let now = Date.UTC(2026, 11, 3, 21, 0, 0);
let gov: FakeGov;

function client(host = GOV_HOST): GovDingTalkClient {
  let n = 0;
  return new GovDingTalkClient({
    host,
    appKey: "ak-1",
    appSecret: SECRET,
    tenantId: "42",
    ip: "10.0.0.1",
    mac: "02:00:00:00:00:01",
    clock: () => new Date(now),
    nonce: () => `n${++n}`,
    timeoutMs: 5000,
  });
}

beforeEach(() => {
  nock.disableNetConnect();
  gov = new FakeGov();
  gov.install();
  now = Date.UTC(2026, 11, 3, 21, 0, 0);
});
afterEach(() => nock.cleanAll());

describe("the signed REST client", () => {
  test("the access token is fetched once and reused until five minutes before it expires", async () => {
    const c = client();
    expect(await c.upload("a.md", Buffer.from("# a"))).toEqual({ ok: true, value: "@media-1" });
    now += 60 * 60 * 1000;
    expect(await c.upload("b.md", Buffer.from("# b"))).toEqual({ ok: true, value: "@media-2" });
    now += 56 * 60 * 1000; // 116 minutes after the token of 7200 s: renewed
    expect(await c.upload("c.md", Buffer.from("# c"))).toEqual({ ok: true, value: "@media-3" });
    expect(gov.paths()).toEqual([
      "GET /gettoken.json",
      "POST /media/upload",
      "POST /media/upload",
      "GET /gettoken.json",
      "POST /media/upload",
    ]);
  });

  test("a POST's parameters travel as a UTF-8 form and are signed raw, in name order", async () => {
    const c = client();
    await c.sendToGroup("cid+/a==", { msgType: "markdown", body: { title: "标题", text: "a&b=c" } });
    expect(gov.calls[0]?.params).toEqual({
      appKey: "ak-1",
      tenantId: "42",
      chatId: "cid+/a==",
      msgType: "markdown",
      msgBody: '{"title":"标题","text":"a&b=c"}',
    });
    expect(gov.calls[0]?.headers["x-hmac-auth-timestamp"]).toBe("2026-12-04T05:00:00.000+08:00");
  });

  test("a refusal by the gateway is a Chinese message naming the settings, without the secret", async () => {
    const c = client();
    gov.refuse("/gettoken.json");
    const token = await c.accessToken();
    expect(token).toEqual({
      ok: false,
      error: {
        code: "govdingtalk.refused",
        message:
          "政务钉钉拒绝了 /gettoken.json 调用（InvalidApiKey：apiKey 无效或签名不符）。请核对 GOV_DINGTALK_APP_KEY / GOV_DINGTALK_APP_SECRET / GOV_DINGTALK_TENANT_ID、应用已开通该接口权限、本机出口 IP 已加入白名单。",
      },
    });
  });

  test("a file the gateway does not have is refused, and a download past the limit stops", async () => {
    const c = client();
    const missing = await c.download("@none", 1000);
    expect(missing.ok ? "" : missing.error.code).toBe("govdingtalk.refused");
    gov.files.set("@big", Buffer.alloc(5000, 0x41));
    expect(await c.download("@big", 1024)).toEqual({
      ok: false,
      error: { code: "file.too_large", message: "文件超过 1 KB 的上限，未读取。" },
    });
    expect(await c.download("@big", 10_000)).toEqual({ ok: true, value: Buffer.alloc(5000, 0x41) });
  });

  test("an unreachable host says which address and what to check", async () => {
    // Net connect is disabled and nothing answers this host: the request fails as a refused connection would.
    expect(await client("https://unreachable.gov.test").accessToken()).toEqual({
      ok: false,
      error: {
        code: "govdingtalk.network",
        message:
          "无法连接政务钉钉接口 https://unreachable.gov.test/gettoken.json。请检查 GOV_DINGTALK_API_HOST 和本机到该地址的网络（政务外网、代理、IP 白名单）。",
      },
    });
  });
});
