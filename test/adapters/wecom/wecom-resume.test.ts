import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, test } from "vitest";
import { weComPlaceOfKey } from "../../../src/adapters/wecom/wecom-place.ts";
import { Chat, script, testApp } from "../../services/chat-harness.ts";
import { tempDir } from "../../storage/temp-db.ts";
import { FakeWeCom } from "./fake-wecom.ts";
import { BOT, SECRET, type WeComTestbed, weComTestbed } from "./wecom-testbed.ts";

const BASE = "张庄寨镇人民政府河西村特色种养补贴到户2023年度绩效自评报告";
let t: WeComTestbed | undefined;
afterEach(async () => {
  await t?.close();
  await t?.fake.close();
  t = undefined;
  nock.cleanAll();
});

describe("a WeCom draft that was never handed over is delivered at the next start", () => {
  test("the turn was committed, the process died before the upload: the start sends both files once", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "ziping.db");
      const before = testApp(path);
      const chat = new Chat(before, `wecom:${BOT}:liuyy`, `wecom:${BOT}:liuyy`);
      const turns = await chat.sendAll(script("real-43-anhui-project.txt"));
      expect(turns.at(-1)?.deliveries.map((d) => d.reportId)).toEqual(["r1"]);
      before.close();

      const fake = await FakeWeCom.start(BOT, SECRET);
      t = await weComTestbed(path, fake);
      // The turn said 正在生成 before the process died: the start sends the files and summary only.
      expect(fake.sent().map((f) => f.cmd)).toEqual([
        "aibot_subscribe",
        "aibot_upload_media_init",
        "aibot_upload_media_chunk",
        "aibot_upload_media_finish",
        "aibot_send_msg",
        "aibot_upload_media_init",
        "aibot_upload_media_chunk",
        "aibot_upload_media_finish",
        "aibot_send_msg",
        "aibot_send_msg",
      ]);
      expect(fake.uploads.map((u) => u.filename)).toEqual([`${BASE}.docx`, `${BASE}.md`]);
      expect(fake.sent().every((f) => f.body?.chatid === undefined || f.body.chatid === "liuyy")).toBe(true);
      expect(await t.app.ziping.pendingDeliveriesUnder("wecom:")).toEqual([]);

      // Done is done: the next start sends nothing but its subscription.
      await t.channel.stop();
      t.app.close();
      fake.clear();
      t = await weComTestbed(path, fake);
      expect(fake.sent().map((f) => f.cmd)).toEqual(["aibot_subscribe"]);
    } finally {
      cleanup();
    }
  });

  test("conversation keys map back to their chat; other channels' keys are not WeCom's", () => {
    expect(weComPlaceOfKey(`wecom:${BOT}:liuyy`)).toEqual({ scope: BOT, chat: "liuyy", group: false });
    expect(weComPlaceOfKey(`wecom:${BOT}:group:wrgroup1`)).toEqual({
      scope: BOT,
      chat: "wrgroup1",
      group: true,
    });
    expect(weComPlaceOfKey("slack:T1:D1")).toBeNull();
    expect(weComPlaceOfKey(`wecom:${BOT}:`)).toBeNull();
    expect(weComPlaceOfKey(`wecom:${BOT}:a:b`)).toBeNull();
  });
});
