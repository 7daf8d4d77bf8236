import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { RunningChannel } from "../../../src/adapters/wecom/aibot-channel.ts";
import { fetchDownload } from "../../../src/adapters/wecom/aibot-file.ts";
import { startCallback } from "../../../src/adapters/wecom/callback-channel.ts";
import { weComLogger } from "../../../src/adapters/wecom/wecom-logger.ts";
import { msgCrypt } from "../../../src/adapters/wecom/wx-biz-msg-crypt.ts";
import type { App } from "../../../src/app/open-app.ts";
import { testApp } from "../../services/chat-harness.ts";

const API = "https://zwwx.example.gov.cn";
const SETTINGS = {
  mode: "callback" as const,
  corpId: "wwcorp0001",
  agentId: 1000002,
  corpSecret: "corp-secret-0123456789",
  token: "hJ8sK2mQ",
  encodingAesKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
  apiUrl: API,
  port: 0,
};
const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";
const SEED = readFileSync(
  join(import.meta.dirname, "../../../fixtures/seeds/000_0839647822e00506.txt"),
  "utf8",
);
const contentOf = (body: unknown) => (body as { markdown?: { content?: string } }).markdown?.content ?? "";
const crypt = msgCrypt(SETTINGS.token, SETTINGS.encodingAesKey, SETTINGS.corpId);

let app: App;
let channel: RunningChannel & { port: number };
let logs: string[];
/** The JSON bodies posted to message/send, in order. */
let sent: unknown[];

async function start(): Promise<void> {
  const started = await startCallback(SETTINGS, {
    ziping: app.ziping,
    clock: () => new Date("2026-11-21T02:00:00Z"),
    download: fetchDownload,
    log: weComLogger(
      () => [SETTINGS.corpSecret, SETTINGS.encodingAesKey],
      (l) => logs.push(l),
    ),
    taskId: () => "unused",
  });
  if (!started.ok) throw new Error(started.error.message);
  channel = started.value;
}

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  app = testApp();
  logs = [];
  sent = [];
  nock(API)
    .get("/cgi-bin/gettoken")
    .query({ corpid: SETTINGS.corpId, corpsecret: SETTINGS.corpSecret })
    .reply(200, { errcode: 0, errmsg: "ok", access_token: "TOKEN1", expires_in: 7200 });
  nock(API)
    .persist()
    .post("/cgi-bin/message/send")
    .query({ access_token: "TOKEN1" })
    .reply(async (request: Request) => {
      sent.push(await request.json());
      return [200, { errcode: 0, errmsg: "ok" }];
    });
  await start();
});
afterEach(async () => {
  await channel.stop();
  app.close();
  nock.cleanAll();
});

/** A plain node:http request to the receiver (status and body), outside nock's fetch interception. */
function call(method: "GET" | "POST", target: string, body = ""): Promise<[number, string]> {
  return new Promise((resolve, reject) => {
    const req = request(target, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve([res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")]));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const url = (query: Record<string, string>) =>
  `http://127.0.0.1:${channel.port}/wecom/callback?${new URLSearchParams(query).toString()}`;

/** WeCom's POST of a message from `user`: the inner XML encrypted, the signature over it. */
function post(content: string, msgId: string, user = "liuyy", signature?: string) {
  const xml = `<xml><ToUserName><![CDATA[${SETTINGS.corpId}]]></ToUserName><FromUserName><![CDATA[${user}]]></FromUserName><CreateTime>1764806400</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>${SETTINGS.agentId}</AgentID></xml>`;
  const sealed = crypt.encrypt(xml, "1764806400", "n1");
  return call(
    "POST",
    url({ msg_signature: signature ?? sealed.signature, timestamp: "1764806400", nonce: "n1" }),
    `<xml><ToUserName><![CDATA[${SETTINGS.corpId}]]></ToUserName><AgentID><![CDATA[${SETTINGS.agentId}]]></AgentID><Encrypt><![CDATA[${sealed.encrypted}]]></Encrypt></xml>`,
  );
}

describe("the callback mode (self-built app, 政务微信 without the AI bot)", () => {
  test("URL verification: a signed echostr is answered with its plaintext", async () => {
    const echo = crypt.encrypt("8217301556", "1764806400", "n0");
    expect(
      await call(
        "GET",
        url({ msg_signature: echo.signature, timestamp: "1764806400", nonce: "n0", echostr: echo.encrypted }),
      ),
    ).toEqual([200, "8217301556"]);
  });

  test("a forged signature is refused (403) on verification and on a message, and nothing happens", async () => {
    const echo = crypt.encrypt("8217301556", "1764806400", "n0");
    expect(
      await call(
        "GET",
        url({ msg_signature: "0".repeat(40), timestamp: "1764806400", nonce: "n0", echostr: echo.encrypted }),
      ),
    ).toEqual([403, "forbidden"]);
    expect(await post(FIRST, "9001", "liuyy", "1".repeat(40))).toEqual([403, "forbidden"]);
    await channel.idle();
    expect(sent).toEqual([]);
    expect(await app.ziping.hasConversation(`wecom:${SETTINGS.corpId}:liuyy`)).toBe(false);
    expect(logs).toContain("[INFO] ziping 企业微信: 拒绝了签名不符的企业微信回调");
  });

  test("a message → 'success' at once, then the reply by message/send as markdown; the same MsgId again answers nothing", async () => {
    expect(await post(FIRST, "9002")).toEqual([200, "success"]);
    await channel.idle();
    expect(sent).toEqual([
      {
        touser: "liuyy",
        msgtype: "markdown",
        agentid: 1000002,
        markdown: {
          content:
            "已记录：单位名称：郑州市金水区电子政务中心；所在地区：河南省郑州市金水区；年度：2021；报告类型：部门整体；评分办法：按地区选用《河南郑州区县 部门整体绩效自评》\n\n**已完成 5/16 项（31%）**\n填表人的姓名和联系电话是？\n例如：刘媛媛 63526383",
        },
      },
    ]);
    // WeCom retries an unanswered callback: the same MsgId changes and sends nothing.
    await post(FIRST, "9002");
    await channel.idle();
    expect(sent).toHaveLength(1);
    expect((await app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer"]);
    expect(logs.join("\n")).not.toContain(SETTINGS.corpSecret);
  });

  test("生成报告: both drafts go out by media/upload and file messages, choices are named as words to type", async () => {
    const uploads: string[] = [];
    nock(API)
      .persist()
      .post("/cgi-bin/media/upload")
      .query({ access_token: "TOKEN1", type: "file" })
      .reply(async (request: Request) => {
        const media = (await request.formData()).get("media");
        uploads.push(media instanceof File ? media.name : "");
        return [
          200,
          {
            errcode: 0,
            errmsg: "ok",
            type: "file",
            media_id: `M${uploads.length}`,
            created_at: "1764806400",
          },
        ];
      });
    // The seed report pasted as text: read, shown, and confirmed by typing the word the message names.
    await post(SEED, "9003");
    await channel.idle();
    expect(contentOf(sent.at(-1)).split("\n").slice(-2)).toEqual([
      "以上内容正确吗？回复“确认”保存，“取消”放弃；有错可以先确认再修改。",
      "请回复：确认 / 取消",
    ]);
    await post("确认", "9005");
    await post("河南省郑州市金水区", "9006");
    await channel.idle();
    sent.length = 0;
    await post("生成报告", "9004");
    await channel.idle();
    const report = "郑州市金水区电子政务中心2021年度绩效自评报告";
    expect(uploads).toEqual([`${report}.docx`, `${report}.md`]);
    const types = sent.map((b) => (b as { msgtype: string }).msgtype);
    expect(types.slice(-3)).toEqual(["file", "file", "markdown"]);
    expect(sent.at(-3)).toEqual({
      touser: "liuyy",
      msgtype: "file",
      agentid: 1000002,
      file: { media_id: "M1" },
    });
    expect(sent.at(-2)).toEqual({
      touser: "liuyy",
      msgtype: "file",
      agentid: 1000002,
      file: { media_id: "M2" },
    });
    expect(await app.ziping.pendingDeliveriesUnder("wecom:")).toEqual([]);
  });
});

describe("start-up of the callback mode", () => {
  test("a refused secret is a Chinese reason naming WECOM_CORP_ID and WECOM_CORP_SECRET", async () => {
    nock(API)
      .get("/cgi-bin/gettoken")
      .query(true)
      .reply(200, { errcode: 40001, errmsg: "invalid credential" });
    const other = testApp();
    const started = await startCallback(
      { ...SETTINGS, corpSecret: "wrong-secret-0123456789" },
      {
        ziping: other.ziping,
        clock: () => new Date(),
        download: fetchDownload,
        log: weComLogger(
          () => [],
          () => {},
        ),
        taskId: () => "x",
      },
    );
    other.close();
    expect(started).toEqual({
      ok: false,
      error: {
        code: "wecom.refused",
        message:
          "企业微信拒绝了获取令牌（errcode 40001：invalid credential）：请核对 WECOM_CORP_ID（我的企业 → 企业信息 → 企业ID）和 WECOM_CORP_SECRET（应用管理 → 自建应用 → Secret），放入 .env 后重新运行 npm start。",
      },
    });
  });
});
