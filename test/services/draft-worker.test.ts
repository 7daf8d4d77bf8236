import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../storage/temp-db.ts";
import { Chat, script, testApp } from "./chat-harness.ts";
import { ANHUI, movableClock, quiet, recordingChannel } from "./draft-channel.ts";

/** Issue 20 item 3: drafting as durable jobs, run by the draft worker with retries and a lease. */

describe("the draft worker", () => {
  it("retries a failing upload after exactly 30 s, 2 min and 10 min; the 4th failure fails the job and tells the officer", async () => {
    const app = testApp();
    const chat = new Chat(app, "u1", "test:c1");
    expect((await chat.sendAll(script("real-43-anhui-project.txt"))).at(-1)?.deliveries.length).toBe(1);
    const clock = movableClock();
    const channel = recordingChannel(true, async () => {
      throw new Error("connection reset while uploading");
    });
    app.ziping.drafts.serve("test:", { outboundOf: () => channel.out, now: clock.now, log: quiet });
    const upload = `upload docx:${ANHUI}.docx markdown:${ANHUI}.md`;

    expect(await app.ziping.drafts.runDue()).toBe(0);
    expect(channel.calls).toEqual([upload]);
    // Attempt 2 is due 30 s after attempt 1 failed, not a millisecond before.
    clock.set("08:00:29.999");
    expect(await app.ziping.drafts.runDue()).toBe(0);
    expect(channel.calls).toEqual([upload]);
    clock.set("08:00:30.000");
    await app.ziping.drafts.runDue();
    expect(channel.calls).toEqual([upload, upload]);
    // Attempt 3: 2 min after attempt 2 (08:00:30).
    clock.set("08:02:29.999");
    await app.ziping.drafts.runDue();
    expect(channel.calls.length).toBe(2);
    clock.set("08:02:30.000");
    await app.ziping.drafts.runDue();
    expect(channel.calls.length).toBe(3);
    // Attempt 4: 10 min after attempt 3; it fails too, and that was the last.
    clock.set("08:12:29.999");
    await app.ziping.drafts.runDue();
    expect(channel.calls.length).toBe(3);
    clock.set("08:12:30.000");
    await app.ziping.drafts.runDue();
    expect(channel.calls.slice(3)).toEqual([
      upload,
      "send failed:报告生成失败：已自动重试 4 次仍未成功。已填写的数据都已保存，请稍后再说一次“生成报告”；如果反复出现，请联系管理员查看日志。",
    ]);
    expect(await app.ziping.pendingDeliveriesUnder("test:")).toEqual([]);
    clock.set("09:00:00.000");
    expect(await app.ziping.drafts.runDue()).toBe(0);
    expect(channel.calls.length).toBe(5);
    app.close();
  }, 120_000);

  it("a worker that dies holding a job loses it when its lease ends; another instance's worker delivers it once", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "ziping.db");
      const a = testApp(path);
      const chat = new Chat(a, "u1", "test:c1");
      expect((await chat.sendAll(script("real-43-anhui-project.txt"))).at(-1)?.deliveries.length).toBe(1);
      const clock = movableClock();
      // Instance A takes the job and never comes back from the upload (the process died there).
      const dying = recordingChannel(true, () => new Promise<void>(() => {}));
      a.ziping.drafts.serve("test:", { outboundOf: () => dying.out, now: clock.now, log: quiet });
      void a.ziping.drafts.runDue();
      const b = testApp(path);
      const alive = recordingChannel();
      b.ziping.drafts.serve("test:", { outboundOf: () => alive.out, now: clock.now, log: quiet });
      while (dying.calls.length < 1) await new Promise((resolve) => setImmediate(resolve));
      expect(dying.calls).toEqual([`upload docx:${ANHUI}.docx markdown:${ANHUI}.md`]);
      // A's lease runs 10 minutes from 08:00: until then B leaves the job alone.
      clock.set("08:10:00.000");
      expect(await b.ziping.drafts.runDue()).toBe(0);
      expect(alive.calls).toEqual([]);
      clock.set("08:10:00.001");
      expect(await b.ziping.drafts.runDue()).toBe(1);
      expect(alive.calls).toEqual([
        `upload docx:${ANHUI}.docx markdown:${ANHUI}.md`,
        "send delivered:90:here/docx,here/markdown",
      ]);
      expect(await b.ziping.pendingDeliveriesUnder("test:")).toEqual([]);
      clock.set("09:00:00.000");
      expect(await b.ziping.drafts.runDue()).toBe(0);
      b.close();
      a.close();
    } finally {
      cleanup();
    }
  }, 120_000);
});
