import nock from "nock";
import { afterEach, describe, expect, test } from "vitest";
import { Chat, script } from "../../services/chat-harness.ts";
import { CORP, robotMessage, type Testbed, testbed } from "./dingtalk-testbed.ts";

/** The draft of fixtures/conversations/real-43-anhui-project.txt, which ends with 生成报告. */
const BASE = "张庄寨镇人民政府河西村特色种养补贴到户2023年度绩效自评报告";
const WEBHOOK = "POST oapi.dingtalk.com/robot/sendBySession?session=";

let t: Testbed | undefined;
afterEach(async () => {
  await t?.app.ziping.drafts.stop();
  await t?.close();
  await t?.gateway.close();
  nock.cleanAll();
});

describe("生成报告 on DingTalk with the draft worker running (issue 20 item 3)", () => {
  test("the turn is answered and says 正在生成 before any file exists; the worker then sends the files and the summary", async () => {
    t = await testbed();
    const key = `dingtalk:${CORP}:S1`;
    const messages = script("real-43-anhui-project.txt");
    expect(messages.at(-1)).toBe("生成报告");
    // Everything but 生成报告, committed straight through the service.
    await new Chat(t.app, key, key).sendAll(messages.slice(0, -1));
    t.app.ziping.drafts.start();
    // Uploads are held back: nothing the worker does can reach DingTalk's media API yet.
    let open: () => void = () => undefined;
    t.api.uploadsWait = new Promise<void>((resolve) => {
      open = resolve;
    });
    t.api.clear();

    await t.send(robotMessage("生成报告", { msgId: "msgW1" }));
    // The turn is done: its replies and the drafting notice went out; no file has been uploaded or
    // sent (the worker may already have fetched its access token: that is not a message).
    expect(t.api.lines().filter((line) => !line.includes("/oauth2/accessToken"))).toEqual([
      `${WEBHOOK}s-msgW1`,
      `${WEBHOOK}s-msgW1`,
    ]);
    expect(t.api.texts()[1]).toBe("⏳ 正在生成报告（Markdown 与 Word）……");

    open();
    await t.app.ziping.drafts.idle();
    expect(t.api.lines()).toEqual([
      `${WEBHOOK}s-msgW1`,
      `${WEBHOOK}s-msgW1`,
      "POST api.dingtalk.com/v1.0/oauth2/accessToken",
      "POST oapi.dingtalk.com/media/upload?access_token=…&type=file",
      "POST api.dingtalk.com/v1.0/robot/oToMessages/batchSend",
      "POST oapi.dingtalk.com/media/upload?access_token=…&type=file",
      "POST api.dingtalk.com/v1.0/robot/oToMessages/batchSend",
      `${WEBHOOK}s-msgW1`,
    ]);
    expect([...t.api.uploads.values()].map((u) => u.name)).toEqual([`${BASE}.docx`, `${BASE}.md`]);
    expect(t.api.texts().at(-1)?.split("\n")[0]).toBe("### 张庄寨镇人民政府 2023年度绩效自评报告");
    expect(await t.app.ziping.pendingDeliveriesUnder("dingtalk:")).toEqual([]);
  }, 120_000);
});
