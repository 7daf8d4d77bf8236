import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { App } from "../../src/app/open-app.ts";
import { runTurn } from "../../src/services/channel-turns.ts";
import { tempDir } from "../storage/temp-db.ts";
import { Chat, script, testApp } from "./chat-harness.ts";
import { ANHUI, quiet, recordingChannel } from "./draft-channel.ts";

/** Issue 20 item 3: one 正在生成 notice and one pending job per report, whoever runs the draft. */

const UPLOAD = `upload docx:${ANHUI}.docx markdown:${ANHUI}.md`;
const REPLIES = "send replies:notice,text,table";
const now = () => new Date("2026-12-03T08:00:00.000Z");
const tick = () => new Promise((resolve) => setImmediate(resolve));
const ask = (id: string) => ({ id, conversation: "test:c1", user: "u1", text: "生成报告" });

/** An app whose conversation test:c1 has every answer of the Anhui script but the final 生成报告. */
async function readyApp(path = ":memory:"): Promise<App> {
  const app = testApp(path);
  const messages = script("real-43-anhui-project.txt");
  expect(messages.at(-1)).toBe("生成报告");
  await new Chat(app, "u1", "test:c1").sendAll(messages.slice(0, -1));
  return app;
}

/** Starts `app`'s draft worker on test: keys (its own loop never fires during a test) through `out`. */
function serve(app: App, channel: ReturnType<typeof recordingChannel>): void {
  app.ziping.drafts.serve("test:", { outboundOf: () => channel.out, now, log: quiet });
  app.ziping.drafts.start(3_600_000);
}

/** Holds `channel`'s messages of `kind` (the drafting notice) back until the returned function is called. */
function holdNotices(channel: ReturnType<typeof recordingChannel>, kind = "drafting"): () => void {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const send = channel.out.send;
  channel.out.send = async (m) => {
    if (m.kind === kind) await gate;
    return send(m);
  };
  return open;
}

/** Two instances on one database file, each with its worker serving test: keys through its own channel. */
async function withTwoInstances(
  test: (i: {
    a: App;
    here: ReturnType<typeof recordingChannel>;
    b: App;
    there: ReturnType<typeof recordingChannel>;
  }) => Promise<void>,
): Promise<void> {
  const { dir, cleanup } = tempDir();
  const path = join(dir, "ziping.db");
  const a = await readyApp(path);
  const b = testApp(path);
  try {
    const here = recordingChannel(true);
    const there = recordingChannel(true);
    serve(a, here);
    serve(b, there);
    await test({ a, here, b, there });
    await b.ziping.drafts.stop();
    await a.ziping.drafts.stop();
  } finally {
    b.close();
    a.close();
    cleanup();
  }
}

describe("the drafting notice", () => {
  // The worker's loop comes round while the turn is still sending: its drafting notice (the
  // platform has not answered yet), or its replies (the job is committed, no notice is out).
  it.each([
    ["is sent once when the worker claims the job while the turn is still sending it", "drafting"],
    ["comes after the turn's replies when the worker claims the job while they are being sent", "replies"],
  ])(
    "%s; the result replaces it",
    async (_, held) => {
      const app = await readyApp();
      const channel = recordingChannel(true);
      serve(app, channel);
      const open = holdNotices(channel, held);
      const turn = runTurn(app.ziping, channel.out, ask("E1"), now, quiet);
      while ((await app.ziping.pendingDeliveries("test:c1")).length === 0) await tick();
      if (held === "drafting") while (!channel.calls.includes(REPLIES)) await tick();
      const run = app.ziping.drafts.runDue();
      for (let i = 0; i < 20; i++) await tick();
      expect(channel.calls).toEqual(held === "drafting" ? [REPLIES] : []);
      open();
      await turn;
      expect(await run).toBe(1);
      expect(channel.calls).toEqual([
        REPLIES,
        "send drafting",
        UPLOAD,
        "update m2 delivered:90:here/docx,here/markdown",
      ]);
      await app.ziping.drafts.stop();
      app.close();
    },
    60_000,
  );

  it("is sent once, by the turn, when another instance's worker runs the job", async () => {
    await withTwoInstances(async ({ a, here, b, there }) => {
      // A's turn commits the job and is saying 正在生成; B's worker, polling, takes the job first.
      const open = holdNotices(here);
      const turn = runTurn(a.ziping, here.out, ask("E1"), now, quiet);
      while (!here.calls.includes(REPLIES)) await tick();
      expect(await b.ziping.drafts.runDue()).toBe(1);
      open();
      await turn;
      await a.ziping.drafts.idle();
      expect(here.calls).toEqual([REPLIES, "send drafting"]);
      expect(there.calls).toEqual([UPLOAD, "send delivered:90:here/docx,here/markdown"]);
    });
  }, 60_000);
});

describe("the drafting notice, recorded with the job", () => {
  it("is replaced by the result when a worker of another instance runs the job (this one stopped after saying 正在生成)", async () => {
    await withTwoInstances(async ({ a, here, b, there }) => {
      // A's worker never comes round (the instance dies right after its turn).
      a.ziping.drafts.poke = () => undefined;
      await runTurn(a.ziping, here.out, ask("E1"), now, quiet);
      expect(here.calls).toEqual([REPLIES, "send drafting"]);
      expect(await b.ziping.drafts.runDue()).toBe(1);
      expect(there.calls).toEqual([UPLOAD, "update m2 delivered:90:here/docx,here/markdown"]);
      expect(here.calls).toEqual([REPLIES, "send drafting"]);
    });
  }, 60_000);
});

describe("生成报告 while the report is being drafted", () => {
  it("answers that it is on its way and enqueues no second job; once delivered, it may be asked again", async () => {
    const app = await readyApp();
    const channel = recordingChannel(true);
    serve(app, channel);
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const upload = channel.out.upload;
    channel.out.upload = async (files, reportId) => {
      await gate;
      return upload(files, reportId);
    };
    const first = await runTurn(app.ziping, channel.out, ask("E1"), now, quiet);
    expect(first.deliveries.map((d) => d.jobId)).toEqual([1]);
    const again = await runTurn(app.ziping, channel.out, ask("E2"), now, quiet);
    expect(again.deliveries).toEqual([]);
    expect(again.replies.at(-1)).toEqual({
      type: "notice",
      level: "info",
      text: "这份报告正在生成中，生成好后会发到这里，不用再说“生成报告”。如果在那之后又修改了内容，请收到报告后再说一次“生成报告”。",
    });
    expect((await app.ziping.pendingDeliveries("test:c1")).map((d) => d.jobId)).toEqual([1]);
    open();
    await app.ziping.drafts.idle();
    expect(channel.calls).toEqual([
      REPLIES,
      "send drafting",
      "send replies:notice,text,table,notice",
      UPLOAD,
      "update m2 delivered:90:here/docx,here/markdown",
    ]);
    expect(await app.ziping.pendingDeliveries("test:c1")).toEqual([]);
    const third = await runTurn(app.ziping, channel.out, ask("E3"), now, quiet);
    expect(third.deliveries.map((d) => d.jobId)).toEqual([2]);
    await app.ziping.drafts.stop();
    app.close();
  }, 60_000);
});
