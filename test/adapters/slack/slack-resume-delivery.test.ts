import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, test } from "vitest";
import { placeOfKey } from "../../../src/adapters/slack/slack-place.ts";
import { Chat, script } from "../../services/chat-harness.ts";
import { tempDir } from "../../storage/temp-db.ts";
import { FakeSlack } from "./fake-slack.ts";
import { type Testbed, testbed } from "./slack-testbed.ts";

/** The file name the draft of fixtures/conversations/real-43-anhui-project.txt gets. */
const BASE = "张庄寨镇人民政府河西村特色种养补贴到户2023年度绩效自评报告";
const open: Testbed[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) t.close();
  nock.cleanAll();
});

describe("a Slack draft that was never handed over is delivered at the next start (issue 16 item 3)", () => {
  test("the turn was committed, the process died before the upload: the restart uploads it once", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "ziping.db");
      // The conversation in the DM, committed turn by turn; the delivery never runs (the crash).
      const before = testbed(path, new FakeSlack({ U1: "D1" }));
      open.push(before);
      const chat = new Chat(before.app, "slack:T1:U1", "slack:T1:D1");
      const turns = await chat.sendAll(script("real-43-anhui-project.txt"));
      expect(turns.at(-1)?.deliveries.map((d) => d.reportId)).toEqual(["r1"]);
      before.close();
      open.splice(0);
      nock.cleanAll();

      const after = testbed(path, new FakeSlack({ U1: "D1" }));
      after.slack.install();
      open.push(after);
      expect(await after.turns.resumeDeliveries(after.client)).toBe(1);
      // The turn said 正在生成 before the crash: the restart uploads and posts the summary only.
      expect(after.slack.methods()).toEqual([
        "files.getUploadURLExternal",
        "files.getUploadURLExternal",
        "files.completeUploadExternal",
        "chat.postMessage",
      ]);
      const [urlDocx, urlMd, , summary] = after.slack.calls.map((c) => c.args);
      expect(summary?.channel).toBe("D1");
      expect([urlDocx?.filename, urlMd?.filename]).toEqual([`${BASE}.docx`, `${BASE}.md`]);
      expect(await after.app.chat.pendingDeliveriesUnder("slack:")).toEqual([]);

      // Done is done: a second start uploads nothing.
      after.slack.clear();
      expect(await after.turns.resumeDeliveries(after.client)).toBe(0);
      expect(after.slack.methods()).toEqual([]);
    } finally {
      for (const t of open.splice(0)) t.close();
      cleanup();
    }
  });

  test("conversation keys map back to their place; other channels' keys are not Slack's", async () => {
    expect(placeOfKey("slack:T1:D123")).toEqual({ team: "T1", channel: "D123", dm: true });
    expect(placeOfKey("slack:T1:C9:1700000000.000100")).toEqual({
      team: "T1",
      channel: "C9",
      dm: false,
      threadTs: "1700000000.000100",
    });
    expect(placeOfKey("cli:liu")).toBeNull();
    expect(placeOfKey("slack:T1")).toBeNull();
  });
});
