import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { weComEncrypt } from "../../../src/adapters/wecom/wecom-aes.ts";
import { contentOf, md5 } from "./fake-wecom.ts";
import { BOT, click, file, text, type WeComTestbed, weComTestbed } from "./wecom-testbed.ts";

const DOCX = readFileSync(join(import.meta.dirname, "../../../fixtures/converted/000_0839647822e00506.docx"));
const FILES = "https://ww-file.work.weixin.qq.com";
/** The per-message key WeCom sends with a file (32 bytes, base64). */
const AESKEY = Buffer.alloc(32, 7);
const K = `wecom:${BOT}:liuyy`;
const REPORT = "郑州市金水区电子政务中心2021年度绩效自评报告";

let t: WeComTestbed;
beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  t = await weComTestbed();
  t.fake.clear();
});
afterEach(async () => {
  await t.close();
  await t.fake.close();
  nock.cleanAll();
});

const markdown = (content: string) => ({
  cmd: "aibot_send_msg",
  body: { chatid: "liuyy", msgtype: "markdown", markdown: { content } },
});
const skipCard = (desc: string, taskId: string) => ({
  cmd: "aibot_send_msg",
  body: {
    chatid: "liuyy",
    msgtype: "template_card",
    template_card: {
      card_type: "button_interaction",
      main_title: { title: "请直接回复，或跳过此项", desc },
      button_list: [{ text: "跳过", style: 2, key: JSON.stringify({ k: K, a: "skip" }) }],
      task_id: taskId,
    },
  },
});

describe("a whole seed-000 conversation over the AI bot's long connection", () => {
  test("upload the .docx, 确认 by the card, the region, a correction, 为什么, 生成报告 with both files", async () => {
    // The officer sends the seed's .docx: WeCom pushes an encrypted address and its key.
    nock(FILES)
      .get("/f/seed000")
      .reply(200, weComEncrypt(AESKEY, DOCX), {
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent("000_自评报告.docx")}`,
      });
    await t.say(file(`${FILES}/f/seed000`, AESKEY.toString("base64")));
    const read = t.fake.sent();
    expect(read.map((f) => [f.cmd, f.body?.msgtype])).toEqual([
      ["aibot_send_msg", "markdown"],
      ["aibot_send_msg", "markdown"],
      ["aibot_send_msg", "template_card"],
    ]);
    const first = contentOf(read[0]);
    expect(first.split("\n").slice(0, 6)).toEqual([
      "**从粘贴内容中读到**",
      "- kind：部门整体",
      "- 年度：2021",
      "- 填表人：刘媛媛",
      "- 联系电话：63526383",
      "- 单位名称：郑州市金水区电子政务中心",
    ]);
    // The 32 indicators are a list, not a table WeCom cannot show.
    expect(first).toContain(
      "- 6：一级指标 投入管理指标；三级指标 预算执行率；指标值 ≥97%；实际完成值 97%；分值 2；得分 1",
    );
    expect(contentOf(read[1]).split("\n").at(-1)).toBe(
      "以上内容正确吗？回复“确认”保存，“取消”放弃；有错可以先确认再修改。",
    );
    const confirmKey = JSON.stringify({ k: K, a: "confirm" });
    expect(read[2]).toEqual({
      cmd: "aibot_send_msg",
      body: {
        chatid: "liuyy",
        msgtype: "template_card",
        template_card: {
          card_type: "button_interaction",
          main_title: { title: "请确认，或直接回复" },
          button_list: [
            { text: "确认", style: 1, key: confirmKey },
            { text: "取消", style: 2, key: JSON.stringify({ k: K, a: "choose", v: "取消" }) },
          ],
          task_id: "task-1",
        },
      },
    });
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create"]);

    // 确认 on the card: the clicker's card is updated at once, then the engine saves the paste.
    t.fake.clear();
    await t.say(click(confirmKey, "task-1"), "aibot_event_callback");
    expect(t.fake.sent()).toEqual([
      {
        cmd: "aibot_respond_update_msg",
        body: {
          response_type: "update_template_card",
          template_card: {
            card_type: "button_interaction",
            main_title: { title: "已收到您的选择" },
            sub_title_text: "已选择：确认",
            button_list: [{ text: "已选择：确认", style: 2, key: JSON.stringify({ k: K, a: "done" }) }],
            task_id: "task-1",
          },
          userids: ["liuyy"],
        },
      },
      markdown(
        "已记录：粘贴的内容：kind、年度、填表人、联系电话等 35 项\n\n**已完成 45/48 项（94%）**\n单位在哪个地区？（用于选择当地的评分办法）\n例如：河南省郑州市金水区",
      ),
      skipCard("已完成 45/48 项（94%）", "task-2"),
    ]);
    // The update answers the click event's own req_id (WeCom accepts it only for that event).
    const clickReq = t.fake.frames.find((f) => f.cmd === "aibot_respond_update_msg")?.headers.req_id;
    expect(clickReq).toMatch(/^callback-\d+$/);

    t.fake.clear();
    await t.say(text("河南省郑州市金水区"));
    expect(t.fake.sent()).toEqual([
      markdown(
        "已记录：所在地区：河南省郑州市金水区；评分办法：按地区选用《河南郑州区县 部门整体绩效自评》\n\n**已完成 47/50 项（94%）**\n“三公”经费的年初预算数和实际支出数是多少？（单位：万元；结转结余率也可以一并告诉我）\n例如：三公经费预算12万，实际支出10.5万，结转结余率0%",
      ),
      skipCard("已完成 47/50 项（94%）", "task-3"),
    ]);

    // A correction: recorded, and the figures it contradicts are named.
    t.fake.clear();
    await t.say(text("预算执行数改成540万元"));
    expect(t.fake.sent()).toEqual([
      markdown(
        "已记录：预算执行数：545.06万元 → 540万元\n\n· 由预算数字算出（无需填写）：\n预算执行率：预算执行数540万元 ÷ 调整后预算数561.41万元 = 96.19%\n\n✗ 部门预算总额：资金结构（基本支出+项目支出）的预算执行数合计545.06万元，与部门预算总额540万元（540万元）不符，相差5.06万元。\n\n⚠ 预算执行率：报告所写预算执行率97%与数据不符：预算执行数540万元 ÷ 调整后预算数561.41万元 = 96.19%。请改为96%。\n\n**已完成 47/51 项（92%）**\n“三公”经费的年初预算数和实际支出数是多少？（单位：万元；结转结余率也可以一并告诉我）\n例如：三公经费预算12万，实际支出10.5万，结转结余率0%",
      ),
      skipCard("已完成 47/51 项（92%）", "task-4"),
    ]);

    t.fake.clear();
    await t.say(text("为什么预算执行率得分是1分"));
    const why = t.fake.sent();
    expect(why.map((f) => [f.cmd, f.body?.msgtype])).toEqual([
      ["aibot_send_msg", "markdown"],
      ["aibot_send_msg", "markdown"],
      ["aibot_send_msg", "template_card"],
    ]);
    expect(contentOf(why[0]).split("\n")[0]).toBe(
      "报告填报96分；按评分规则（河南郑州区县 部门整体绩效自评）计算应为91.6分（优）。",
    );

    // 生成报告: the score, a drafting notice, the Word file then the Markdown file uploaded over the
    // socket and sent as file messages, then the summary naming both.
    t.fake.clear();
    await t.say(text("生成报告"));
    const out = t.fake.sent();
    expect(out.map((f) => f.cmd)).toEqual([
      "aibot_send_msg",
      "aibot_send_msg",
      "aibot_upload_media_init",
      "aibot_upload_media_chunk",
      "aibot_upload_media_finish",
      "aibot_send_msg",
      "aibot_upload_media_init",
      "aibot_upload_media_chunk",
      "aibot_upload_media_finish",
      "aibot_send_msg",
      "aibot_send_msg",
      "aibot_send_msg",
    ]);
    expect(out[1]).toEqual(markdown("正在生成报告（Word 与 Markdown）……"));
    const [docx, md] = t.fake.uploads;
    expect(t.fake.uploads.map((u) => u.filename)).toEqual([`${REPORT}.docx`, `${REPORT}.md`]);
    expect(out[2]?.body).toEqual({
      type: "file",
      filename: `${REPORT}.docx`,
      total_size: docx?.bytes.length,
      total_chunks: 1,
      md5: md5(docx?.bytes ?? Buffer.alloc(0)),
    });
    expect(docx?.bytes.subarray(0, 2).toString()).toBe("PK");
    expect(md?.bytes.toString("utf8").split("\n")[0]).toBe(
      "# 郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告",
    );
    expect(out[5]).toEqual({
      cmd: "aibot_send_msg",
      body: { chatid: "liuyy", msgtype: "file", file: { media_id: "media-1" } },
    });
    expect(out[9]).toEqual({
      cmd: "aibot_send_msg",
      body: { chatid: "liuyy", msgtype: "file", file: { media_id: "media-2" } },
    });
    const summary = contentOf(out[10]).split("\n");
    expect(summary.slice(0, 2)).toEqual([
      `**${REPORT.replace("2021", " 2021")}**`,
      "得分（按规则）：91.6 分（优），报告原填 96 分",
    ]);
    expect(summary).toContain(`起草：确定性起草（未配置模型）；文件：${REPORT}.docx、${REPORT}.md`);
    expect(await t.app.ziping.pendingDeliveriesUnder("wecom:")).toEqual([]);
  });
});
