import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { robotMessage, START, type Testbed, testbed } from "./dingtalk-testbed.ts";
import { TOKEN } from "./fake-dingtalk-api.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";
const TITLE = "已记录：单位名称：郑州市金水区电子政务中…";

let t: Testbed;
beforeEach(async () => {
  t = await testbed();
});
afterEach(async () => {
  await t.close();
  await t.gateway.close();
  nock.cleanAll();
});

function param(i: number): { title: string; text: string } {
  return JSON.parse(((t.api.calls[i]?.body ?? {}) as { msgParam: string }).msgParam) as {
    title: string;
    text: string;
  };
}

describe("replies go through the robot OpenAPI once a sessionWebhook is no longer usable", () => {
  test("an expired sessionWebhook is not tried: the reply is a sampleMarkdown to the person", async () => {
    await t.send(robotMessage(FIRST, { msgId: "msgE1", expiresAt: START - 1000 }));
    expect(t.api.lines()).toEqual([
      "POST api.dingtalk.com/v1.0/oauth2/accessToken",
      "POST api.dingtalk.com/v1.0/robot/oToMessages/batchSend",
    ]);
    expect(t.api.calls[1]).toMatchObject({
      token: TOKEN,
      body: { robotCode: "dingfakeclient", userIds: ["S1"], msgKey: "sampleMarkdown" },
    });
    expect(param(1).title).toBe(TITLE);
    expect(param(1).text.split("\n\n")[2]).toBe("**填表人的姓名和联系电话是？**");
  });

  test("a sessionWebhook DingTalk refuses (session gone) falls back to the OpenAPI", async () => {
    t.api.refusedSessions.add("s-msgE2");
    await t.send(robotMessage(FIRST, { msgId: "msgE2" }));
    expect(t.api.lines()).toEqual([
      "POST oapi.dingtalk.com/robot/sendBySession?session=s-msgE2",
      "POST api.dingtalk.com/v1.0/oauth2/accessToken",
      "POST api.dingtalk.com/v1.0/robot/oToMessages/batchSend",
    ]);
    expect(param(2).title).toBe(TITLE);
  });

  test("in a group, the fallback sends to the group's openConversationId", async () => {
    await t.send(robotMessage(FIRST, { msgId: "msgE3", group: "cidGroup01==", expiresAt: START - 1000 }));
    expect(t.api.lines()).toEqual([
      "POST api.dingtalk.com/v1.0/oauth2/accessToken",
      "POST api.dingtalk.com/v1.0/robot/groupMessages/send",
    ]);
    expect(t.api.calls[1]?.body).toMatchObject({
      robotCode: "dingfakeclient",
      openConversationId: "cidGroup01==",
      msgKey: "sampleMarkdown",
    });
  });
});
