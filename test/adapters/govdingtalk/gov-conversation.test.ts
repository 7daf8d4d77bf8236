import { createHmac } from "node:crypto";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { contentText } from "../../../src/importing/files/document-content.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { wholeSeedDocx } from "../../importing/files/seed-documents.ts";
import {
  APP_KEY,
  APP_SECRET,
  fileMessage,
  type GovTestbed,
  govTestbed,
  TENANT,
  textMessage,
} from "./gov-testbed.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";
const BASE = "郑州市金水区电子政务中心2021年度绩效自评报告";
const hmac = (text: string) => createHmac("sha256", APP_SECRET).update(text, "utf8").digest("base64");

let t: GovTestbed;
beforeEach(async () => {
  t = await govTestbed();
});
afterEach(async () => {
  await t.close();
  nock.cleanAll();
});

describe("a whole seed-000 conversation through the 政务钉钉 callback and the signed REST API", () => {
  test("start: one signed GET /gettoken.json with the app key and secret as parameters", () => {
    expect(t.gov.calls).toEqual([
      {
        method: "GET",
        path: "/gettoken.json",
        params: { appkey: APP_KEY, appsecret: APP_SECRET },
        headers: {
          apikey: APP_KEY,
          "x-hmac-auth-timestamp": "2026-11-21T10:00:01.000+08:00",
          "x-hmac-auth-version": "1.0",
          "x-hmac-auth-nonce": "nonce-1",
          "x-hmac-auth-signature": hmac(
            `GET\n2026-11-21T10:00:01.000+08:00\nnonce-1\n/gettoken.json\nappkey=${APP_KEY}&appsecret=${APP_SECRET}`,
          ),
          "x-hmac-auth-ip": "10.1.2.3",
          "x-hmac-auth-mac": "02:00:0a:01:02:03",
        },
      },
    ]);
  });

  test("first message, the seed's .docx, 确认, a correction, 为什么是…, 生成报告: the exact calls", async () => {
    // 1. The first message: answered 200 at once, then one robot message to the sender.
    t.gov.clear();
    const first = await t.post(textMessage(FIRST));
    expect(first).toEqual({ status: 200, body: "{}" });
    await t.idle();
    expect(t.gov.paths()).toEqual(["POST /robot/message/sendoto"]);
    const welcome = t.gov.calls[0];
    const body = JSON.stringify({
      title: "已记录：单位名称：郑州市金水区电子政务中…",
      text: "已记录：单位名称：郑州市金水区电子政务中心；所在地区：河南省郑州市金水区；年度：2021；报告类型：部门整体；评分办法：按地区选用《河南郑州区县 部门整体绩效自评》\n\n**[已完成 5/16 项]** 填表人的姓名和联系电话是？\n\n> 例如：刘媛媛 63526383",
    });
    expect(welcome?.params).toEqual({
      appKey: APP_KEY,
      tenantId: TENANT,
      accountId: "10001",
      msgType: "markdown",
      msgBody: body,
    });
    const stamp = welcome?.headers["x-hmac-auth-timestamp"] ?? "";
    expect(stamp).toMatch(/^2026-11-21T10:00:\d\d\.000\+08:00$/);
    expect(welcome?.headers["content-type"]).toBe("application/x-www-form-urlencoded; charset=UTF-8");
    expect(welcome?.headers["x-hmac-auth-nonce"]).toBe("nonce-2");
    expect(welcome?.headers["x-hmac-auth-signature"]).toBe(
      hmac(
        `POST\n${stamp}\nnonce-2\n/robot/message/sendoto\naccountId=10001&appKey=${APP_KEY}&msgBody=${body}&msgType=markdown&tenantId=${TENANT}`,
      ),
    );

    // 2. The seed's report as a Word file: downloaded by media id with the token, read, shown for 确认.
    t.gov.clear();
    t.gov.files.set("@lADPin-1", Buffer.from(await wholeSeedDocx()));
    await t.post(fileMessage({ mediaId: "@lADPin-1", fileName: "2021年自评报告.docx", fileSize: 40_000 }));
    await t.idle();
    // The reading is longer than one message (3000 characters): two messages, cut between lines.
    expect(t.gov.paths()).toEqual([
      "GET /media/download",
      "POST /robot/message/sendoto",
      "POST /robot/message/sendoto",
    ]);
    expect(t.gov.calls[0]?.params).toEqual({ access_token: "gov-token-1", media_id: "@lADPin-1" });
    expect(t.gov.texts().map((text) => text.length <= 3000)).toEqual([true, true]);
    const shown = t.gov.texts().join("\n");
    expect(shown.startsWith("**从粘贴内容中读到**\n\n- **填表人**：刘媛媛\n- **联系电话**：63526383\n")).toBe(
      true,
    );
    expect(
      shown.endsWith(
        "以上内容正确吗？回复“确认”保存，“取消”放弃；有错可以先确认再修改。\n\n请回复：**确认** / **取消**",
      ),
    ).toBe(true);

    // 3. 确认 typed back: the paste is saved.
    t.gov.clear();
    await t.post(textMessage("确认"));
    await t.idle();
    expect(t.gov.texts()[0]?.split("\n")[0]).toBe(
      "已记录：粘贴的内容：填表人、联系电话、自评得分、自评结果等 32 项",
    );
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer", "paste"]);

    // 4. A correction, then 为什么是….
    t.gov.clear();
    await t.post(textMessage("把填表人改成王芳"));
    await t.post(textMessage("为什么是96分不是100分"));
    await t.idle();
    const [corrected, why] = t.gov.texts();
    expect(corrected?.split("\n")[0]).toBe("已记录：填表人：刘媛媛 → 王芳");
    expect(why?.split("  \n").slice(0, 2)).toEqual([
      "报告填报96分；按评分规则（河南郑州区县 部门整体绩效自评）计算应为91.71分（优）。",
      "为什么不是100分：共失8.29分，其中规则扣分2.29分、主观评分1分、分值结构问题5分。按失分从大到小：",
    ]);

    // 5. 生成报告: the turn's reply, the drafting notice, both files uploaded and sent, the summary.
    t.gov.clear();
    await t.post(textMessage("生成报告"));
    await t.idle();
    expect(t.gov.paths()).toEqual([
      "POST /robot/message/sendoto",
      "POST /robot/message/sendoto",
      "POST /media/upload",
      "POST /robot/message/sendoto",
      "POST /media/upload",
      "POST /robot/message/sendoto",
      "POST /robot/message/sendoto",
    ]);
    const messages = t.gov.messages();
    expect(messages[1]).toEqual({
      msgType: "markdown",
      body: {
        title: "⏳ 正在生成报告（Markdown 与 …",
        text: "⏳ 正在生成报告（Markdown 与 Word），完成后会把两个文件发给您……",
      },
    });
    expect([messages[2], messages[3]]).toEqual([
      { msgType: "file", body: { mediaId: "@media-1", fileName: `${BASE}.docx`, fileType: "docx" } },
      { msgType: "file", body: { mediaId: "@media-2", fileName: `${BASE}.md`, fileType: "md" } },
    ]);
    const summary = String(messages[4]?.body.text);
    expect(summary.split("\n").slice(0, 2)).toEqual([
      "### 郑州市金水区电子政务中心 2021年度绩效自评报告",
      "**得分（按规则）**：91.71 分（优），报告原填 96 分",
    ]);
    expect(summary).toContain(`起草：确定性起草（未配置模型）；文件：${BASE}.docx、${BASE}.md`);

    // The uploads: multipart "media" with the token and type, the Word file reads back, the Markdown is the draft.
    const [docxCall, mdCall] = t.gov.calls.filter((c) => c.path === "/media/upload");
    expect(docxCall?.params).toEqual({ access_token: "gov-token-1", type: "file" });
    expect(docxCall?.file?.name).toBe(`${BASE}.docx`);
    const read = await readDocument(`${BASE}.docx`, docxCall?.file?.bytes ?? Buffer.alloc(0));
    if (!read.ok) throw new Error(read.error.message);
    expect(contentText(read.value)).toContain("五、发现的主要问题和改进措施");
    expect(mdCall?.file?.bytes.toString("utf8")).toContain("共失8.29分");
    expect(t.logs).toEqual([]);
  }, 60_000);
});
