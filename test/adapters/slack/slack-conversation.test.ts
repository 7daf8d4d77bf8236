import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { contentText } from "../../../src/importing/files/document-content.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { wholeSeedDocx } from "../../importing/files/seed-documents.ts";
import { BOT_TOKEN, buttonPress, dm, envelope, type Testbed, testbed } from "./slack-testbed.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";
const BASE = "郑州市金水区电子政务中心2021年度绩效自评报告";
const DOWNLOAD = "https://files.slack.com/files-pri/T1-F9/download/2021.docx";

type Block = { type: string; elements?: { action_id?: string; value?: string }[]; text?: { text: string } };

function actionIds(blocks: unknown): string[] {
  return (blocks as Block[]).flatMap((b) =>
    b.type === "actions" ? (b.elements ?? []).map((e) => e.action_id ?? "") : [],
  );
}

let t: Testbed;
beforeEach(async () => {
  t = testbed();
  t.slack.install();
});
afterEach(async () => {
  t.close();
  nock.cleanAll();
});

describe("a whole conversation in the DM, from the first message to the uploaded Word draft", () => {
  test("first message, uploaded last year's .docx, 确认 button, 生成报告: the exact Web API calls", async () => {
    // 1. The first message: the unit, year and kind in one line.
    const first = await t.receiver.send(envelope(dm(FIRST)));
    expect(first.ack).toEqual({ body: undefined });
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    const welcome = t.slack.calls[0]?.args ?? {};
    expect(welcome.channel).toBe("D1");
    expect(welcome.thread_ts).toBeUndefined();
    expect(welcome.text).toBe(
      "已记录：单位名称：郑州市金水区电子政务中心；所在地区：河南省郑州市金水区；年度：2021；报告类型：部门整体；评分办法：按地区选用《河南郑州区县 部门整体绩效自评》",
    );
    expect(actionIds(welcome.blocks)).toEqual(["ziping.skip", "ziping.modify"]);

    // 2. Last year's report uploaded as a Word file: downloaded with the bot token, read, shown for 确认.
    t.slack.clear();
    t.slack.files.set("/files-pri/T1-F9/download/2021.docx", Buffer.from(await wholeSeedDocx()));
    const file = { id: "F9", name: "2021年自评报告.docx", size: 40_000, url_private_download: DOWNLOAD };
    await t.receiver.send(envelope(dm("", { files: [file] })));
    expect(t.slack.downloadAuth).toEqual([`Bearer ${BOT_TOKEN}`]);
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    const shown = t.slack.calls[0]?.args ?? {};
    expect(shown.text).toBe("从粘贴内容中读到");
    expect(actionIds(shown.blocks)).toEqual(["ziping.confirm", "ziping.modify", "ziping.choice.1"]);
    const confirm = (shown.blocks as Block[]).at(-1)?.elements?.[0]?.value ?? "";
    expect(JSON.parse(confirm)).toEqual({ k: "slack:T1:D1", t: "确认" });

    // 3. 确认: the paste is saved and said so, then the pressed buttons are replaced by what was chosen.
    t.slack.clear();
    const message = { channel: "D1", ts: "1700000100.000002", blocks: shown.blocks as unknown[] };
    const pressed = await t.receiver.send(buttonPress(message, "ziping.confirm", confirm));
    expect(pressed.ack).toEqual({ body: undefined });
    expect(t.slack.methods()).toEqual(["chat.postMessage", "chat.update"]);
    const update = t.slack.calls[1]?.args ?? {};
    expect([update.channel, update.ts, update.text]).toEqual(["D1", "1700000100.000002", "已选择：确认"]);
    expect(actionIds(update.blocks)).toEqual([]);
    expect(t.slack.calls[0]?.args.text).toBe(
      "已记录：粘贴的内容：填表人、联系电话、自评得分、自评结果等 32 项",
    );
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer", "paste"]);

    // 4. 生成报告: the turn's replies, a placeholder at once, two files uploaded, the placeholder replaced.
    t.slack.clear();
    await t.receiver.send(envelope(dm("生成报告")));
    expect(t.slack.methods()).toEqual([
      "chat.postMessage",
      "chat.postMessage",
      "files.getUploadURLExternal",
      "files.getUploadURLExternal",
      "files.completeUploadExternal",
      "chat.update",
    ]);
    const [replies, placeholder, urlDocx, urlMd, complete, summary] = t.slack.calls.map((c) => c.args);
    expect(replies?.text).toBe("还有 3 项未填写（回复“还差什么”查看），先按现有内容导出。");
    expect(placeholder?.text).toBe("正在生成报告（Markdown 与 Word）……");
    expect(urlDocx?.filename).toBe(`${BASE}.docx`);
    expect(urlMd?.filename).toBe(`${BASE}.md`);
    expect(complete).toEqual({
      team_id: "T1",
      channel_id: "D1",
      files: [
        { id: "F1", title: `${BASE}（Word）` },
        { id: "F2", title: `${BASE}（Markdown）` },
      ],
    });
    // The placeholder was the fifth message posted in this DM.
    expect([summary?.channel, summary?.ts]).toEqual(["D1", "1700000100.000005"]);
    expect(summary?.text).toBe("郑州市金水区电子政务中心 2021年度绩效自评报告：得分 91.71 分（优）");
    const summaryText = ((summary?.blocks ?? []) as Block[]).map((b) => b.text?.text ?? "").join("\n");
    expect(summaryText).toContain("*得分（按规则）*：91.71 分（优），报告原填 96 分");
    expect(summaryText).toContain("· 预算执行（预算执行率） 失 0.29 分");

    // The uploaded bytes are the draft: a Word file that reads back, and the Markdown.
    const docx = t.slack.uploads.get("F1") ?? Buffer.alloc(0);
    expect(Number(urlDocx?.length)).toBe(docx.length);
    const read = await readDocument(`${BASE}.docx`, docx);
    if (!read.ok) throw new Error(read.error.message);
    const text = contentText(read.value);
    expect(text).toContain("郑州市金水区电子政务中心");
    expect(text).toContain("五、发现的主要问题和改进措施");
    const md = (t.slack.uploads.get("F2") ?? Buffer.alloc(0)).toString("utf8");
    expect(Number(urlMd?.length)).toBe(Buffer.byteLength(md));
    expect(md).toContain("共失8.29分");
  });
});
