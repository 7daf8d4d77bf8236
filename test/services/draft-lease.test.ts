import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { App } from "../../src/app/open-app.ts";
import { DraftWorker } from "../../src/services/draft-worker.ts";
import { type DeliveryJobRepository, DeliveryJobs, openDatabase } from "../../src/storage/index.ts";
import { tempDir } from "../storage/temp-db.ts";
import { Chat, script, testApp } from "./chat-harness.ts";
import { ANHUI, movableClock, quiet, recordingChannel } from "./draft-channel.ts";

/** Issue 20 item 3: a draft that runs longer than its lease keeps it, and is delivered once. */

const UPLOAD = `upload docx:${ANHUI}.docx markdown:${ANHUI}.md`;
const DELIVERED = "send delivered:90:here/docx,here/markdown";
const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `body` over a database file holding one draft job (id 1, report r1) asked for by 生成报告
 * in instance `a`, with the jobs table and a second instance `b`; everything is closed after.
 */
async function withOneJob(body: (job: { a: App; b: App; jobs: DeliveryJobs }) => Promise<void>) {
  const { dir, cleanup } = tempDir();
  const path = join(dir, "ziping.db");
  const a = testApp(path);
  const db = openDatabase(path);
  const b = testApp(path);
  try {
    const chat = new Chat(a, "u1", "test:c1");
    expect((await chat.sendAll(script("real-43-anhui-project.txt"))).at(-1)?.deliveries.length).toBe(1);
    await body({ a, b, jobs: new DeliveryJobs(db) });
  } finally {
    db.close();
    b.close();
    a.close();
    cleanup();
  }
}

describe("the lease of a draft in hand", () => {
  it("is renewed every third of the lease while the job runs, so another instance never takes it: one delivery, one attempt", async () => {
    await withOneJob(async ({ a, b, jobs }) => {
      const clock = movableClock();
      let release = () => {};
      const slow = recordingChannel(true, () => new Promise<void>((resolve) => (release = resolve)));
      a.ziping.drafts.setLease(60_000, 5);
      a.ziping.drafts.serve("test:", { outboundOf: () => slow.out, now: clock.now, log: quiet });
      const running = a.ziping.drafts.runDue();
      while (!slow.calls.includes(UPLOAD)) await tick();
      const renewedTo = async (until: string) => {
        while ((await jobs.status(1))?.lockedUntil !== `2026-12-03T${until}Z`) await tick();
      };
      // Claimed at 08:00 until 08:01; the renewals follow the clock: 08:00:50 → 08:01:50, 08:01:40 → 08:02:40.
      clock.set("08:00:50.000");
      await renewedTo("08:01:50.000");
      clock.set("08:01:40.000");
      await renewedTo("08:02:40.000");
      const other = recordingChannel();
      b.ziping.drafts.serve("test:", { outboundOf: () => other.out, now: clock.now, log: quiet });
      clock.set("08:02:00.000");
      expect(await b.ziping.drafts.runDue()).toBe(0);
      release();
      expect(await running).toBe(1);
      expect(slow.calls).toEqual([UPLOAD, DELIVERED]);
      expect(other.calls).toEqual([]);
      expect(await jobs.status(1)).toMatchObject({
        state: "done",
        attempts: 1,
        lockedBy: null,
        lockedUntil: null,
      });
      clock.set("09:00:00.000");
      expect(await b.ziping.drafts.runDue()).toBe(0);
    });
  }, 120_000);

  it("once lost to another instance (this one stalled past it), hands nothing over: the report is delivered once, by the other", async () => {
    await withOneJob(async ({ a, b, jobs }) => {
      const clock = movableClock();
      // Instance A stalls at its renewal (a long pause, a lost connection) until the gate opens.
      let open = () => {};
      const gate = new Promise<void>((resolve) => (open = resolve));
      let asked = 0;
      const stalled: DeliveryJobRepository = {
        add: (job) => jobs.add(job),
        pending: (key) => jobs.pending(key),
        pendingUnder: (prefix) => jobs.pendingUnder(prefix),
        finish: (id, now) => jobs.finish(id, now),
        claim: (request) => jobs.claim(request),
        retry: (id, worker, error, at) => jobs.retry(id, worker, error, at),
        fail: (id, worker, error, now) => jobs.fail(id, worker, error, now),
        status: (id) => jobs.status(id),
        setNotice: (id, ref) => jobs.setNotice(id, ref),
        counts: () => jobs.counts(),
        renew: async (id, worker, until) => {
          asked += 1;
          await gate;
          return jobs.renew(id, worker, until);
        },
      };
      const worker = new DraftWorker(a.ziping, stalled);
      worker.setLease(60_000, 3_600_000);
      const lines: string[] = [];
      const first = recordingChannel();
      worker.serve("test:", {
        outboundOf: () => first.out,
        now: clock.now,
        log: { info: (line) => lines.push(line), error: (line) => lines.push(line) },
      });
      const running = worker.runDue();
      while (asked === 0) await tick();
      // A drafted and asks, before uploading, whether the job is still its own; meanwhile B takes it.
      const second = recordingChannel();
      b.ziping.drafts.serve("test:", { outboundOf: () => second.out, now: clock.now, log: quiet });
      clock.set("08:01:00.000");
      expect(await b.ziping.drafts.runDue()).toBe(0);
      clock.set("08:01:00.001");
      expect(await b.ziping.drafts.runDue()).toBe(1);
      open();
      expect(await running).toBe(0);
      expect(first.calls).toEqual([]);
      expect(second.calls).toEqual([UPLOAD, DELIVERED]);
      expect(lines).toEqual([
        "继续交付上次未完成的报告 r1（test:c1）",
        "报告 r1 的起草任务已由另一个实例接手，本实例不再交付",
      ]);
      expect(await jobs.status(1)).toMatchObject({
        state: "done",
        attempts: 2,
        lockedBy: null,
        lastError: null,
      });
    });
  }, 120_000);
});
