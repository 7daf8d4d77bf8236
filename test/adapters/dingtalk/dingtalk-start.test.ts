import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, test, vi } from "vitest";
import { dingtalkSettings } from "../../../src/adapters/dingtalk/dingtalk-settings.ts";
import { startDingTalk } from "../../../src/adapters/dingtalk/start-dingtalk.ts";
import { readConfig } from "../../../src/config.ts";
import { Chat, script, testApp } from "../../services/chat-harness.ts";
import { tempDir } from "../../storage/temp-db.ts";
import { CORP, settings, testbed } from "./dingtalk-testbed.ts";
import { FakeDingTalkGateway } from "./fake-dingtalk.ts";

/** The file name the draft of fixtures/conversations/real-43-anhui-project.txt gets. */
const BASE = "张庄寨镇人民政府河西村特色种养补贴到户2023年度绩效自评报告";

afterEach(() => {
  vi.restoreAllMocks();
  nock.cleanAll();
  nock.enableNetConnect();
});

function config(env: Record<string, string>) {
  const read = readConfig(env);
  if (!read.ok) throw new Error(read.message);
  return read.config;
}

describe("DingTalk settings", () => {
  test("none at all is not DingTalk; a partial set says what is missing in Chinese", () => {
    expect(dingtalkSettings(config({}))).toEqual({ ok: false });
    expect(dingtalkSettings(config({ DINGTALK_CLIENT_SECRET: "s3cret-value" }))).toEqual({
      ok: false,
      why: "缺少 DINGTALK_CLIENT_ID（钉钉开发者后台 → 应用 → 凭证与基础信息 → Client ID，例如 dingabcdefg123456）",
    });
    expect(dingtalkSettings(config({ DINGTALK_CLIENT_ID: "dingabc" }))).toEqual({
      ok: false,
      why: "缺少 DINGTALK_CLIENT_SECRET（钉钉开发者后台 → 应用 → 凭证与基础信息 → Client Secret）",
    });
  });

  test("the robot code defaults to the Client ID, the hosts to DingTalk's; private hosts are taken", () => {
    expect(
      dingtalkSettings(config({ DINGTALK_CLIENT_ID: "dingabc", DINGTALK_CLIENT_SECRET: "s3cret-value" })),
    ).toEqual({
      ok: true,
      settings: {
        clientId: "dingabc",
        clientSecret: "s3cret-value",
        robotCode: "dingabc",
        gatewayUrl: "https://api.dingtalk.com",
        apiUrl: "https://api.dingtalk.com",
        oapiUrl: "https://oapi.dingtalk.com",
      },
    });
    const own = dingtalkSettings(
      config({
        DINGTALK_CLIENT_ID: "dingabc",
        DINGTALK_CLIENT_SECRET: "s3cret-value",
        DINGTALK_ROBOT_CODE: "dingrobot",
        DINGTALK_GATEWAY_URL: "https://gw.example.gov.cn/",
      }),
    );
    expect(own.ok && [own.settings.robotCode, own.settings.gatewayUrl]).toEqual([
      "dingrobot",
      "https://gw.example.gov.cn",
    ]);
  });

  test("a bad address is refused naming the variable and an example", () => {
    expect(readConfig({ DINGTALK_GATEWAY_URL: "api.dingtalk.com" })).toEqual({
      ok: false,
      message:
        "环境变量设置有误：\n  - DINGTALK_GATEWAY_URL：DINGTALK_GATEWAY_URL 应为 http(s) 网址，例如 https://api.dingtalk.com\n请检查 .env 或 shell 中的设置（参见 .env.example）。",
    });
  });
});

describe("npm start with DingTalk settings stops with exit 3 and a Chinese reason", () => {
  test("a refused secret names the settings to copy again; the secret is not printed", async () => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    const gateway = new FakeDingTalkGateway();
    await gateway.listen();
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((s) => written.push(String(s)) > 0);
    vi.spyOn(process.stdout, "write").mockImplementation((s) => written.push(String(s)) > 0);
    const app = testApp();
    const wrong = { ...settings(gateway), clientSecret: "wrong-secret-987654321" };
    const code = await startDingTalk(app.ziping, config({}), wrong);
    await gateway.close();
    expect(code).toBe(3);
    expect(written.at(-1)).toBe(
      "钉钉拒绝了应用凭证（HTTP 401）：请在钉钉开发者后台 → 凭证与基础信息 重新复制 DINGTALK_CLIENT_ID 和 DINGTALK_CLIENT_SECRET。放入 .env 后重新运行 npm start。\n",
    );
    expect(written.join("")).not.toContain("wrong-secret-987654321");
  });

  test("an unreachable gateway says what to check", async () => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    const gateway = new FakeDingTalkGateway();
    const base = await gateway.listen();
    await gateway.close(); // nothing listens there any more
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((s) => written.push(String(s)) > 0);
    vi.spyOn(process.stdout, "write").mockImplementation((s) => written.push(String(s)) > 0);
    const code = await startDingTalk(testApp().ziping, config({}), settings(gateway));
    expect(code).toBe(3);
    expect(written.at(-1)).toBe(
      `无法访问钉钉 Stream 网关 ${base}（网络错误或超时）。请检查本机能否访问 https://api.dingtalk.com（Stream 模式只需要对外的 HTTPS/WSS 连接），或 DINGTALK_GATEWAY_URL 是否正确，然后重新运行 npm start。数据没有受影响。\n`,
    );
  });
});

describe("a DingTalk draft that was never handed over is delivered at the next start", () => {
  test("the turn was committed, the process died before the upload: the start sends it through the OpenAPI, once", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "ziping.db");
      const key = `dingtalk:${CORP}:S1`;
      const before = testApp(path);
      const chat = new Chat(before, key, key);
      const turns = await chat.sendAll(script("real-43-anhui-project.txt"));
      expect(turns.at(-1)?.deliveries.map((d) => d.reportId)).toEqual(["r1"]);
      before.close();

      const t = await testbed(path);
      try {
        // The turn said 正在生成 before the process died: the start sends the files and summary only.
        expect(t.api.lines()).toEqual([
          "POST api.dingtalk.com/v1.0/oauth2/accessToken",
          "POST oapi.dingtalk.com/media/upload?access_token=…&type=file",
          "POST api.dingtalk.com/v1.0/robot/oToMessages/batchSend",
          "POST oapi.dingtalk.com/media/upload?access_token=…&type=file",
          "POST api.dingtalk.com/v1.0/robot/oToMessages/batchSend",
          "POST api.dingtalk.com/v1.0/robot/oToMessages/batchSend",
        ]);
        expect(t.api.calls.at(-1)?.body).toMatchObject({ robotCode: "dingfakeclient", userIds: ["S1"] });
        expect([...t.api.uploads.values()].map((u) => u.name)).toEqual([`${BASE}.docx`, `${BASE}.md`]);
        expect(await t.app.ziping.pendingDeliveriesUnder("dingtalk:")).toEqual([]);
        // Done is done: another start sends nothing.
        t.api.clear();
        expect(await t.channel.bot.resumeDeliveries()).toBe(0);
        expect(t.api.calls).toEqual([]);
      } finally {
        await t.close();
        await t.gateway.close();
      }
    } finally {
      cleanup();
    }
  });
});
