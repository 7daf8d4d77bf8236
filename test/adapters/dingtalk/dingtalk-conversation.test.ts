import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { contentText } from "../../../src/importing/files/document-content.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { robotMessage, type Testbed, testbed } from "./dingtalk-testbed.ts";
import { TOKEN } from "./fake-dingtalk-api.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";
const BASE = "郑州市金水区电子政务中心2021年度绩效自评报告";
const SEED_DOCX = join(import.meta.dirname, "../../../fixtures/converted/000_0839647822e00506.docx");
const WEBHOOK = "POST oapi.dingtalk.com/robot/sendBySession?session=";
const SKIP_LINK = "[跳过](dtmd://dingtalkclient/sendMessage?content=%E8%B7%B3%E8%BF%87)";

/** The acknowledgement the Stream client owes a CALLBACK frame. */
function ackOf(messageId: string) {
  return {
    code: 200,
    headers: { contentType: "application/json", messageId },
    message: "OK",
    data: '{"response":{}}',
  };
}

/** The words a dtmd link named `label` sends back when tapped. */
function linkWords(text: string, label: string): string {
  const match = new RegExp(`\\[${label}\\]\\((dtmd://[^)]+)\\)`).exec(text);
  if (match?.[1] === undefined) throw new Error(`no link ${label}`);
  const url = new URL(match[1]);
  expect(`${url.protocol}//${url.host}${url.pathname}`).toBe("dtmd://dingtalkclient/sendMessage");
  return url.searchParams.get("content") ?? "";
}

let t: Testbed;
beforeEach(async () => {
  t = await testbed();
});
afterEach(async () => {
  await t.close();
  await t.gateway.close();
  nock.cleanAll();
});

describe("a whole seed-000 conversation in a 1:1 chat with the DingTalk robot", () => {
  test("first message, the seed's .docx, 确认 by its link, a correction, 为什么是…, 生成报告: the exact frames and HTTP calls", async () => {
    // 1. The first message: acknowledged by its messageId, answered on its sessionWebhook.
    const push = robotMessage(FIRST, { msgId: "msgA1" });
    const id = t.gateway.push(push);
    expect(await t.gateway.acked(id)).toEqual(ackOf(id));
    await t.channel.bot.idle();
    expect(t.api.lines()).toEqual([`${WEBHOOK}s-msgA1`]);
    expect(t.api.calls[0]?.body).toEqual({
      msgtype: "markdown",
      markdown: {
        title: "已记录：单位名称：郑州市金水区电子政务中…",
        text: [
          "已记录：单位名称：郑州市金水区电子政务中心；所在地区：河南省郑州市金水区；年度：2021；报告类型：部门整体；评分办法：按地区选用《河南郑州区县 部门整体绩效自评》",
          "<font color=#808080>已完成 5/16 项 ▰▰▰▱▱▱▱▱▱▱ 31%</font>",
          "**填表人的姓名和联系电话是？**",
          "> 例如：刘媛媛 63526383",
          SKIP_LINK,
        ].join("\n\n"),
      },
    });

    // 2. Last year's report as a Word file: token, download address, download, shown for 确认.
    t.api.clear();
    t.api.files.set("dc-seed-000", readFileSync(SEED_DOCX));
    const file = {
      downloadCode: "dc-seed-000",
      fileName: "2021年自评报告.docx",
      fileId: "f1",
      spaceId: "sp1",
    };
    await t.send(robotMessage("", { msgId: "msgA2", msgtype: "file", content: file }));
    expect(t.api.lines()).toEqual([
      "POST api.dingtalk.com/v1.0/oauth2/accessToken",
      "POST api.dingtalk.com/v1.0/robot/messageFiles/download",
      "GET down.dingtalk.test/dl/dc-seed-000",
      `${WEBHOOK}s-msgA2`,
    ]);
    const [token, download] = t.api.calls;
    expect(token?.body).toEqual({ appKey: "dingfakeclient", appSecret: "fake-secret-0123456789" });
    expect(download).toMatchObject({
      token: TOKEN,
      body: { downloadCode: "dc-seed-000", robotCode: "dingfakeclient" },
    });
    const shown = t.api.texts()[0] ?? "";
    expect(shown.split("\n").slice(0, 4)).toEqual([
      "**从粘贴内容中读到**",
      "",
      "- **填表人**：刘媛媛",
      "- **联系电话**：63526383",
    ]);
    // The 32 indicators as one list item each (DingTalk's markdown has no reliable tables).
    expect(shown).toContain(
      "- **6**　一级指标：投入管理指标；三级指标：预算执行率；指标值：≥97%；实际完成值：97%；分值：2；得分：1",
    );
    expect(shown.split("\n").slice(-3)).toEqual([
      "以上内容正确吗？回复“确认”保存，“取消”放弃；有错可以先确认再修改。",
      "",
      "[确认](dtmd://dingtalkclient/sendMessage?content=%E7%A1%AE%E8%AE%A4)　[取消](dtmd://dingtalkclient/sendMessage?content=%E5%8F%96%E6%B6%88)",
    ]);

    // 3. Tapping 确认 sends its words as the officer's message: the paste is saved.
    t.api.clear();
    await t.send(robotMessage(linkWords(shown, "确认"), { msgId: "msgA3" }));
    expect(t.api.lines()).toEqual([`${WEBHOOK}s-msgA3`]);
    expect(t.api.texts()[0]?.split("\n")[0]).toBe(
      "已记录：粘贴的内容：填表人、联系电话、自评得分、自评结果等 32 项",
    );
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer", "paste"]);

    // 4. A correction.
    t.api.clear();
    await t.send(robotMessage("预算执行数改成550万元", { msgId: "msgA4" }));
    expect(t.api.lines()).toEqual([`${WEBHOOK}s-msgA4`]);
    expect(t.api.texts()[0]?.split("\n\n").slice(0, 2)).toEqual([
      "已记录：预算执行数：545.06万元 → 550万元",
      "ℹ️ 由预算数字算出（无需填写）：  \n预算执行率：预算执行数550万元 ÷ 调整后预算数561.41万元 = 97.97%",
    ]);

    // 5. "为什么是…": 550 ÷ 561.41 = 97.97% → 9.8 of 10 points, so 91.71 + 0.09 = 91.8.
    t.api.clear();
    await t.send(robotMessage("为什么是96分不是100分", { msgId: "msgA5" }));
    expect(t.api.lines()).toEqual([`${WEBHOOK}s-msgA5`]);
    expect(t.api.texts()[0]?.split("\n")[0]).toBe(
      "报告填报96分；按评分规则（河南郑州区县 部门整体绩效自评）计算应为91.8分（优）。  ",
    );

    // 6. 生成报告: the turn's replies, the drafting notice, each file uploaded and sent, the summary.
    t.api.clear();
    await t.send(robotMessage("生成报告", { msgId: "msgA6" }));
    expect(t.api.lines()).toEqual([
      `${WEBHOOK}s-msgA6`,
      `${WEBHOOK}s-msgA6`,
      "POST oapi.dingtalk.com/media/upload?access_token=…&type=file",
      "POST api.dingtalk.com/v1.0/robot/oToMessages/batchSend",
      "POST oapi.dingtalk.com/media/upload?access_token=…&type=file",
      "POST api.dingtalk.com/v1.0/robot/oToMessages/batchSend",
      `${WEBHOOK}s-msgA6`,
    ]);
    const [replies, drafting, upDocx, sendDocx, upMd, sendMd, summary] = t.api.calls;
    expect(((replies?.body ?? {}) as { markdown: { text: string } }).markdown.text.split("\n")[0]).toBe(
      "⚠️ 还有 3 项未填写（回复“还差什么”查看），先按现有内容导出。",
    );
    expect(drafting?.body).toEqual({
      msgtype: "markdown",
      markdown: { title: "正在生成报告", text: "⏳ 正在生成报告（Markdown 与 Word）……" },
    });
    expect(upDocx?.path).toBe(`/media/upload?access_token=${TOKEN}&type=file`);
    expect(upDocx?.body).toMatchObject({ type: "file", name: `${BASE}.docx` });
    expect(sendDocx).toMatchObject({
      token: TOKEN,
      body: {
        robotCode: "dingfakeclient",
        userIds: ["S1"],
        msgKey: "sampleFile",
        msgParam: JSON.stringify({ mediaId: "@media-1", fileName: `${BASE}.docx`, fileType: "docx" }),
      },
    });
    expect(upMd?.body).toMatchObject({ type: "file", name: `${BASE}.md` });
    expect(sendMd?.body).toEqual({
      robotCode: "dingfakeclient",
      userIds: ["S1"],
      msgKey: "sampleFile",
      msgParam: JSON.stringify({ mediaId: "@media-2", fileName: `${BASE}.md`, fileType: "md" }),
    });
    const summaryText = ((summary?.body ?? {}) as { markdown: { title: string; text: string } }).markdown;
    expect(summaryText.title).toBe("郑州市金水区电子政务中心 2021年度绩效自评报告");
    expect(summaryText.text.split("\n\n").slice(0, 2)).toEqual([
      "### 郑州市金水区电子政务中心 2021年度绩效自评报告",
      "**得分（按规则）**：91.8 分（优），报告原填 96 分",
    ]);
    expect(summaryText.text).toContain(`文件：${BASE}.docx、${BASE}.md`);

    // The uploaded bytes are the draft: a Word file that reads back, and the Markdown.
    const docx = t.api.uploads.get("@media-1")?.bytes ?? Buffer.alloc(0);
    const read = await readDocument(`${BASE}.docx`, docx);
    if (!read.ok) throw new Error(read.error.message);
    expect(contentText(read.value)).toContain("五、发现的主要问题和改进措施");
    expect(t.api.uploads.get("@media-2")?.bytes.toString("utf8")).toContain("共失8.2分");
    // One access token for the whole conversation; the delivery is finished.
    expect(t.api.tokens).toBe(1);
    expect(await t.app.ziping.pendingDeliveriesUnder("dingtalk:")).toEqual([]);
  });
});
