import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, test } from "vitest";
import { tempDir } from "../../storage/temp-db.ts";
import { robotMessage, type Testbed, testbed } from "./dingtalk-testbed.ts";
import type { FakeDingTalkGateway } from "./fake-dingtalk.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";
const open: Testbed[] = [];
const gateways: FakeDingTalkGateway[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  for (const g of gateways.splice(0)) await g.close();
  nock.cleanAll();
});

async function bed(path?: string, gateway?: FakeDingTalkGateway): Promise<Testbed> {
  const t = await testbed(path, gateway);
  open.push(t);
  if (!gateways.includes(t.gateway)) gateways.push(t.gateway);
  return t;
}

describe("a message DingTalk pushes again has one effect", () => {
  test("the same msgId twice: acknowledged twice, answered and saved once", async () => {
    const t = await bed();
    const message = robotMessage(FIRST, { msgId: "msgD1" });
    await t.send(message);
    await t.send(robotMessage("刘媛媛 63526383", { msgId: "msgD2" }));
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer", "answer"]);
    t.api.clear();
    // DingTalk pushes msgD2 again (its ack was lost): a new frame, the same msgId.
    const again = t.gateway.push(robotMessage("刘媛媛 63526383", { msgId: "msgD2" }));
    expect((await t.gateway.acked(again)).headers.messageId).toBe(again);
    await t.channel.bot.idle();
    expect(t.api.calls).toEqual([]);
    expect(await t.app.store.listEvents("r1")).toHaveLength(3);
    expect(t.logs).toContain("重复的消息 dingtalk:msgD2，未重复处理");
  });

  test("also after a restart on the same database: the re-pushed message changes and sends nothing", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "ziping.db");
      const before = await bed(path);
      await before.send(robotMessage(FIRST, { msgId: "msgR1" }));
      await before.send(robotMessage("刘媛媛 63526383", { msgId: "msgR2" }));
      await before.close();
      open.splice(0);
      nock.cleanAll();

      const after = await bed(path, before.gateway);
      await after.send(robotMessage("刘媛媛 63526383", { msgId: "msgR2" }));
      expect(after.api.calls).toEqual([]);
      expect((await after.app.store.listEvents("r1")).map((e) => e.kind)).toEqual([
        "create",
        "answer",
        "answer",
      ]);
      // The gateway was asked for a connection once per start.
      expect(after.gateway.opens).toHaveLength(2);
    } finally {
      for (const t of open.splice(0)) await t.close();
      cleanup();
    }
  });
});

describe("a socket dropped mid-conversation", () => {
  test("reconnects with one gateway call, and the conversation goes on where it was", async () => {
    const t = await bed();
    await t.send(robotMessage(FIRST, { msgId: "msgS1" }));
    t.gateway.drop();
    await t.gateway.connected(2);
    expect(t.gateway.opens).toHaveLength(2);
    t.api.clear();
    await t.send(robotMessage("刘媛媛 63526383", { msgId: "msgS2" }));
    expect(t.api.lines()).toEqual(["POST oapi.dingtalk.com/robot/sendBySession?session=s-msgS2"]);
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer", "answer"]);
  });

  test("a message whose ack was lost in the drop is pushed again on the new socket: one effect", async () => {
    const t = await bed();
    await t.send(robotMessage(FIRST, { msgId: "msgL1" }));
    // The message arrives and is handled, the socket drops before DingTalk sees the ack …
    await t.send(robotMessage("刘媛媛 63526383", { msgId: "msgL2" }));
    t.gateway.drop();
    await t.gateway.connected(2);
    t.api.clear();
    // … so DingTalk pushes it again after the reconnect.
    await t.send(robotMessage("刘媛媛 63526383", { msgId: "msgL2" }));
    expect(t.api.calls).toEqual([]);
    expect(await t.app.store.listEvents("r1")).toHaveLength(3);
    expect(t.gateway.opens).toHaveLength(2);
  });
});
