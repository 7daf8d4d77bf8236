import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  dingtalkConversationKey,
  dingtalkPlaceOfKey,
} from "../../../src/adapters/dingtalk/dingtalk-place.ts";
import { CORP, robotMessage, type Testbed, testbed } from "./dingtalk-testbed.ts";

const UNIT = "郑州市金水区电子政务中心";
const FIRST = `${UNIT}，2021年度部门整体绩效自评，地区：河南省郑州市金水区`;
const GROUP = "cidGroup01==";
const KEY = `dingtalk:${CORP}:group:${GROUP}`;

let t: Testbed;
beforeEach(async () => {
  t = await testbed();
  // S1 opens a report in the group by @mentioning the robot.
  await t.send(robotMessage(FIRST, { group: GROUP }));
  t.api.clear();
});
afterEach(async () => {
  await t.close();
  await t.gateway.close();
  nock.cleanAll();
});

describe("a group is one report conversation, under the same unit rule as a Slack thread", () => {
  test("the group's conversation holds S1's report", async () => {
    expect(
      (await t.app.ziping.hasConversation(KEY)) && (await t.app.store.getConversation(KEY))?.reportId,
    ).toBe("r1");
  });

  test("an outsider @mentioning the robot in the group is refused, and nothing changes", async () => {
    const before = (await t.app.store.listEvents("r1")).length;
    await t.send(robotMessage("预算执行数改成1万元", { group: GROUP, staff: "S2", msgId: "msgX1" }));
    expect(t.api.lines()).toEqual(["POST oapi.dingtalk.com/robot/sendBySession?session=s-msgX1"]);
    expect(t.api.texts()).toEqual([
      `❌ 这份报告属于您不在其中的单位，您不能查看或修改。如需协作，请管理员为您授权：ziping units add 〈单位名称〉 dingtalk:${CORP}:S2`,
    ]);
    expect(await t.app.store.listEvents("r1")).toHaveLength(before);
  });

  test("group messages that do not @mention the robot are not for ziping", async () => {
    await t.send(robotMessage("刘媛媛 63526383", { group: GROUP, atRobot: false }));
    expect(t.api.calls).toEqual([]);
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer"]);
  });

  test("once an administrator adds the officer to the unit, their answer in the group is saved", async () => {
    await t.app.store.addUnitMember(UNIT, `dingtalk:${CORP}:S2`, "member", new Date("2026-11-21T02:00:00Z"));
    await t.send(robotMessage("刘媛媛 63526383", { group: GROUP, staff: "S2" }));
    expect((await t.app.store.listEvents("r1")).at(-1)).toMatchObject({
      userId: `dingtalk:${CORP}:S2`,
      kind: "answer",
    });
  });

  test("conversation keys map back to their place; other channels' keys are not DingTalk's", () => {
    expect(dingtalkPlaceOfKey(KEY)).toEqual({ kind: "group", corpId: CORP, conversationId: GROUP });
    expect(dingtalkPlaceOfKey(`dingtalk:${CORP}:S1`)).toEqual({ kind: "user", corpId: CORP, staffId: "S1" });
    expect(dingtalkConversationKey({ kind: "user", corpId: CORP, staffId: "S1" })).toBe(
      `dingtalk:${CORP}:S1`,
    );
    expect(dingtalkPlaceOfKey("slack:T1:D1")).toBeNull();
    expect(dingtalkPlaceOfKey("dingtalk:corp")).toBeNull();
  });
});
