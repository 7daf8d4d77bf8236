import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, test, vi } from "vitest";
import { govPlaceOfKey } from "../../../src/adapters/govdingtalk/gov-place.ts";
import { govDingTalkSettings } from "../../../src/adapters/govdingtalk/gov-settings.ts";
import { startGovChannel, startGovDingTalk } from "../../../src/adapters/govdingtalk/start-gov-dingtalk.ts";
import { type Config, readConfig } from "../../../src/config.ts";
import { Chat, script, testApp } from "../../services/chat-harness.ts";
import { tempDir } from "../../storage/temp-db.ts";
import { FakeGov } from "./fake-gov.ts";
import { APP_SECRET, govTestbed, SETTINGS } from "./gov-testbed.ts";

const BASE = "张庄寨镇人民政府河西村特色种养补贴到户2023年度绩效自评报告";
const REFUSED =
  "政务钉钉拒绝了 /gettoken.json 调用（InvalidApiKey：apiKey 无效或签名不符）。请核对 GOV_DINGTALK_APP_KEY / GOV_DINGTALK_APP_SECRET / GOV_DINGTALK_TENANT_ID、应用已开通该接口权限、本机出口 IP 已加入白名单。";

afterEach(() => {
  nock.cleanAll();
  vi.restoreAllMocks();
});

function config(env: Record<string, string>): Config {
  const read = readConfig(env);
  if (!read.ok) throw new Error(read.message);
  return read.config;
}

describe("政务钉钉 settings", () => {
  test("none set: the channel is not wanted; a partial set names what is missing", () => {
    expect(govDingTalkSettings(config({}))).toEqual({ ok: false });
    expect(govDingTalkSettings(config({ GOV_DINGTALK_APP_KEY: "ak" }))).toEqual({
      ok: false,
      why: "缺少 GOV_DINGTALK_APP_SECRET（应用的 AppSecret）、GOV_DINGTALK_TENANT_ID（租户 ID，例如 196729）（在政务钉钉开放平台的应用详情中复制）",
    });
  });

  test("a full set: defaults for host, port and path; callbacks signed by the app secret unless a robot token is given", () => {
    const env = {
      GOV_DINGTALK_APP_KEY: "ak",
      GOV_DINGTALK_APP_SECRET: "sk",
      GOV_DINGTALK_TENANT_ID: "196729",
    };
    expect(govDingTalkSettings(config(env))).toEqual({
      ok: true,
      settings: {
        apiHost: "https://openplatform.dg-work.cn",
        appKey: "ak",
        appSecret: "sk",
        tenantId: "196729",
        callbackPort: 3100,
        callbackPath: "/govdingtalk/callback",
        callbackSecret: "sk",
      },
    });
    const own = govDingTalkSettings(
      config({
        ...env,
        GOV_DINGTALK_CALLBACK_TOKEN: "tok",
        GOV_DINGTALK_API_HOST: "https://zwdd.example.gov.cn/",
      }),
    );
    expect(own.ok && [own.settings.apiHost, own.settings.callbackSecret]).toEqual([
      "https://zwdd.example.gov.cn",
      "tok",
    ]);
  });

  test("encrypted callbacks need the token beside the AES key; the owner key defaults to the app key", () => {
    const env = {
      GOV_DINGTALK_APP_KEY: "ak",
      GOV_DINGTALK_APP_SECRET: "sk",
      GOV_DINGTALK_TENANT_ID: "196729",
      GOV_DINGTALK_CALLBACK_AES_KEY: "o1w0aum42yaptlz8alnhwikjd3jenzt9cb9wmzptgus",
    };
    expect(govDingTalkSettings(config(env))).toEqual({
      ok: false,
      why: "已设置 GOV_DINGTALK_CALLBACK_AES_KEY（加密回调），还需要同一处配置的 GOV_DINGTALK_CALLBACK_TOKEN（回调的签名 Token）",
    });
    const full = govDingTalkSettings(config({ ...env, GOV_DINGTALK_CALLBACK_TOKEN: "tok" }));
    expect(full.ok && full.settings.callbackCrypto).toEqual({
      token: "tok",
      aesKey: "o1w0aum42yaptlz8alnhwikjd3jenzt9cb9wmzptgus",
      ownerKey: "ak",
    });
  });

  test("a bad value is a Chinese message naming the variable and an example", () => {
    const read = readConfig({ GOV_DINGTALK_TENANT_ID: "浙江", GOV_DINGTALK_API_HOST: "https://h.cn/api" });
    expect(read.ok ? "" : read.message).toContain(
      "GOV_DINGTALK_TENANT_ID：GOV_DINGTALK_TENANT_ID 应为租户 ID（数字），例如 196729",
    );
    expect(read.ok ? "" : read.message).toContain(
      "GOV_DINGTALK_API_HOST：GOV_DINGTALK_API_HOST 只写到主机名（不带路径），例如 https://openplatform.dg-work.cn",
    );
  });
});

describe("starting and stopping the 政务钉钉 channel", () => {
  test("a refused app key stops the start with the reason: exit 3, the secret never printed", async () => {
    nock.disableNetConnect();
    const gov = new FakeGov();
    gov.install();
    gov.refuse("/gettoken.json");
    const err: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => err.push(String(chunk)) > 0);
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const app = testApp();
    const code = await startGovDingTalk(app.ziping, config({}), SETTINGS);
    expect(code).toBe(3);
    expect(err).toEqual([`${REFUSED}\n数据没有受影响。\n`]);
    expect(err.join("")).not.toContain(APP_SECRET);
  });

  test("a port already taken is said in Chinese with the setting to change", async () => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    new FakeGov().install();
    const taken = http.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    const app = testApp();
    try {
      const started = await startGovChannel(
        app.ziping,
        { ...SETTINGS, callbackPort: port },
        {
          log: { info: () => {}, error: () => {} },
          listenHost: "127.0.0.1",
          ip: "10.1.2.3",
          mac: "02:00:0a:01:02:03",
        },
      );
      expect(started).toEqual({
        ok: false,
        error: {
          code: "govdingtalk.port_in_use",
          message: `端口 ${port} 已被占用：请换一个 GOV_DINGTALK_CALLBACK_PORT（例如 3101），或先停止占用该端口的程序。`,
        },
      });
    } finally {
      app.close();
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  test("a draft asked for but never handed over is delivered at the next start, once", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "ziping.db");
      const before = testApp(path);
      const chat = new Chat(before, "govdingtalk:196729:10001", "govdingtalk:196729:u:10001");
      const turns = await chat.sendAll(script("real-43-anhui-project.txt"));
      expect(turns.at(-1)?.deliveries.map((d) => d.reportId)).toEqual(["r1"]);
      before.close();

      const after = await govTestbed(path);
      // The turn said 正在生成 before the restart: the worker that resumes the job sends no second notice.
      expect(after.gov.paths()).toEqual([
        "GET /gettoken.json",
        "POST /media/upload",
        "POST /robot/message/sendoto",
        "POST /media/upload",
        "POST /robot/message/sendoto",
        "POST /robot/message/sendoto",
      ]);
      expect(after.gov.messages().map((m) => m.body.fileName ?? m.body.title)).toEqual([
        `${BASE}.docx`,
        `${BASE}.md`,
        "张庄寨镇人民政府 2023年度绩效自评报…",
      ]);
      expect(
        after.gov.calls.every((c) => c.params.accountId === undefined || c.params.accountId === "10001"),
      ).toBe(true);
      expect(after.logs).toEqual(["继续交付上次未完成的报告 r1（govdingtalk:196729:u:10001）"]);
      await after.close();
      nock.cleanAll();

      const again = await govTestbed(path);
      expect(again.gov.paths()).toEqual(["GET /gettoken.json"]);
      await again.close();
    } finally {
      cleanup();
    }
  }, 60_000);

  test("conversation keys map back to their place; other channels' keys are not 政务钉钉's", () => {
    expect(govPlaceOfKey("govdingtalk:196729:u:10001")).toEqual({
      tenant: "196729",
      kind: "user",
      accountId: "10001",
    });
    expect(govPlaceOfKey("govdingtalk:196729:g:cid:x==")).toEqual({
      tenant: "196729",
      kind: "group",
      chatId: "cid:x==",
    });
    expect(govPlaceOfKey("slack:T1:D1")).toBeNull();
    expect(govPlaceOfKey("govdingtalk:196729:x:1")).toBeNull();
  });
});
