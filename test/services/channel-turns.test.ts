import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { composeApp } from "../../src/app/open-app.ts";
import type { Json } from "../../src/conversation/patch.ts";
import { fail, ok, type Result } from "../../src/core/result.ts";
import type { ChannelOutbound, OutboundMessage } from "../../src/services/channel-port.ts";
import { deliverThrough, resumeDeliveries, runFiles, runTurn } from "../../src/services/channel-turns.ts";
import { Chat, REPORTS, script, testApp } from "./chat-harness.ts";
import { ANHUI, quiet, recordingChannel } from "./draft-channel.ts";

/** Issue 17 items 2 and 5: one delivery path and a channel port any chat platform can implement. */

const now = () => new Date("2026-12-03T08:00:00Z");
const seed000 = JSON.parse(readFileSync(join(REPORTS, "seed-000.json"), "utf8")) as Json;
const BASE = "郑州市金水区电子政务中心2021年度绩效自评报告";

describe("deliverDraft: the one delivery path", () => {
  it("drafts seed 000 to a checked Word and Markdown file named after the unit and year, with the one summary", async () => {
    const app = testApp();
    const result = await app.ziping.deliverDraft({ reportId: "r1", doc: seed000 }, { now: now() });
    if (!result.ok) throw new Error(result.error.message);
    const { files, summary } = result.value;
    expect(files.map((f) => [f.kind, f.name])).toEqual([
      ["docx", `${BASE}.docx`],
      ["markdown", `${BASE}.md`],
    ]);
    expect(new TextDecoder().decode(files[1]?.bytes).split("\n")[0]).toBe(
      "# 郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告",
    );
    expect([summary.title, summary.score, summary.grade, summary.files]).toEqual([
      `郑州市金水区电子政务中心 2021年度绩效自评报告`,
      92.71,
      "优",
      [`${BASE}.docx`, `${BASE}.md`],
    ]);
    app.close();
  }, 60_000);

  it("an incomplete report is refused with what is missing, and nothing is drafted", async () => {
    const app = testApp();
    const result = await app.ziping.deliverDraft({ reportId: "r1", doc: { year: 2021 } }, { now: now() });
    expect(result.ok ? "" : result.error.code).toBe("delivery.incomplete");
    app.close();
  });
});

describe("a delivery's job ends only when its files are handed over (issue 16 item 3)", () => {
  it("an upload that crashes leaves the job pending; the next start hands the files over once", async () => {
    const app = testApp();
    const chat = new Chat(app, "u1", "test:c1");
    const asked = (await chat.sendAll(script("real-43-anhui-project.txt"))).at(-1)?.deliveries ?? [];
    expect(asked.map((d) => d.reportId)).toEqual(["r1"]);
    const crashing = recordingChannel(true);
    crashing.out.upload = async () => {
      throw new Error("connection reset while uploading");
    };
    await deliverThrough(app.ziping, crashing.out, asked[0] ?? { reportId: "", doc: {} }, now, quiet);
    expect(crashing.calls).toEqual([
      "send drafting",
      "update m1 failed:生成或上传报告时出错。报告数据已保存，请稍后再说一次“生成报告”。",
    ]);
    expect((await app.ziping.pendingDeliveriesUnder("test:")).map((p) => p.delivery.reportId)).toEqual([
      "r1",
    ]);

    const restarted = recordingChannel(true);
    expect(await resumeDeliveries(app.ziping, "test:", () => restarted.out, now, quiet)).toBe(1);
    // The officer was told 正在生成 (and the failure) before: the resumed job sends the result alone.
    expect(restarted.calls).toEqual([
      `upload docx:${ANHUI}.docx markdown:${ANHUI}.md`,
      "send delivered:90:here/docx,here/markdown",
    ]);
    expect(await app.ziping.pendingDeliveriesUnder("test:")).toEqual([]);
    expect(await resumeDeliveries(app.ziping, "test:", () => restarted.out, now, quiet)).toBe(0);
    app.close();
  }, 60_000);
});

describe("the channel port: a turn and a delivery through any channel", () => {
  it("a channel with message updates gets the drafting notice replaced by the summary", async () => {
    const app = testApp();
    const { out, calls } = recordingChannel(true);
    await deliverThrough(app.ziping, out, { reportId: "r1", doc: seed000 }, now, quiet);
    expect(calls).toEqual([
      "send drafting",
      `upload docx:${BASE}.docx markdown:${BASE}.md`,
      "update m1 delivered:92.71:here/docx,here/markdown",
    ]);
    app.close();
  }, 60_000);

  it("a channel without updates gets the summary as a new message; a failure says why", async () => {
    const app = testApp();
    const { out, calls } = recordingChannel(false);
    await deliverThrough(app.ziping, out, { reportId: "r1", doc: seed000 }, now, quiet);
    await deliverThrough(app.ziping, out, { reportId: "r2", doc: {} }, now, quiet);
    expect(calls).toEqual([
      "send drafting",
      `upload docx:${BASE}.docx markdown:${BASE}.md`,
      "send delivered:92.71:here/docx,here/markdown",
      "send drafting",
      "send failed:报告还不完整，暂不能起草：",
    ]);
    app.close();
  }, 60_000);

  it("a turn sends its replies once; the same event id again sends only 'duplicate'", async () => {
    const app = testApp();
    const { out, calls } = recordingChannel(false);
    const event = { id: "E1", conversation: "test:c1", user: "u1", text: "新建报告" };
    const first = await runTurn(app.ziping, out, event, now, quiet);
    const again = await runTurn(app.ziping, out, event, now, quiet);
    expect([first.duplicate, again.duplicate]).toEqual([false, true]);
    expect(calls).toEqual(["send replies:text,question", "send duplicate"]);
    app.close();
  });
});

describe("files shared through any channel (the port's inbound files)", () => {
  const file = (name: string, size: number, bytes: Result<Uint8Array>) => ({
    id: `F-${name}`,
    name,
    size,
    platform: "钉钉",
    fetch: async () => bytes,
  });

  it("each file is checked, read and given to the conversation; one that cannot be read is named", async () => {
    const app = testApp();
    const { out, calls } = recordingChannel(false);
    const notices: string[] = [];
    const send = out.send.bind(out);
    out.send = async (m) => {
      if (m.kind === "replies") for (const r of m.replies) if (r.type === "notice") notices.push(r.text);
      return send(m);
    };
    const text = new TextEncoder().encode("郑州市金水区电子政务中心，2021年度部门整体绩效自评");
    await runFiles(
      app.ziping,
      out,
      {
        id: "E9",
        conversation: "test:c9",
        user: "u9",
        text: "",
        files: [
          file("旧报告.xls.exe", 10, ok(text)),
          file("说明.txt", 10, fail("file.too_large", "too large")),
          file("单位.txt", text.length, ok(text)),
        ],
      },
      now,
      quiet,
    );
    expect(calls).toEqual(["send replies:notice", "send replies:notice", "send replies:text,question"]);
    expect(notices[1]).toBe(
      "文件 说明.txt 实际大小超过文本文件的上限 5 MB（与 钉钉 标注的大小不符），未读取。请删去与报告无关的内容后重新上传，例如 自评报告.txt",
    );
    expect(notices[0]).toMatch(/^文件 旧报告\.xls\.exe /);
    expect(await app.store.getProcessedMessage("E9:file:F-单位.txt")).toBeDefined();
    app.close();
  });
});

describe("a redelivered message whose answer was never sent", () => {
  /** An app whose redeliveries wait 50 ms (not 10 s) for the first delivery's answer. */
  const shortWait = () => {
    let n = 0;
    const app = composeApp(":memory:", { newId: () => `r${++n}`, answerWaitMs: 50 });
    if (!app.ok) throw new Error(app.error.message);
    return app.value;
  };
  const event = (id: string, text: string) => ({ id, conversation: "test:c", user: "liu", text });
  /** The first message of seed 000: unit, year and region in one line (it writes events). */
  const FIRST = script("seed-000.txt")[0] ?? "";

  it("is silent when the first delivery's replies were sent", async () => {
    const app = shortWait();
    const { out, calls } = recordingChannel(false);
    await runTurn(app.ziping, out, event("E1", "新建报告"), now, quiet);
    expect(calls).toEqual(["send replies:text,question"]);
    expect((await app.store.getProcessedMessage("E1"))?.answered).toBe(true);
    await runTurn(app.ziping, out, event("E1", "新建报告"), now, quiet);
    expect(calls).toEqual(["send replies:text,question", "send duplicate"]);
  });

  it("sends the recorded answer once when the turn was committed but its replies never went out", async () => {
    const app = shortWait();
    // The turn committed by an instance that died before replying: handled, never sent.
    const first = await app.chat.handle({
      conversationKey: "test:c",
      userId: "liu",
      messageId: "E1",
      text: FIRST,
      now: now(),
    });
    expect((await app.store.getProcessedMessage("E1"))?.answered).toBe(false);
    const events = (await app.store.listEvents(first.reportId ?? "")).map((e) => e.messageId);
    expect(events.length).toBeGreaterThan(0);
    const { out, calls } = recordingChannel(false);
    const sent: OutboundMessage[] = [];
    const recording: ChannelOutbound = {
      ...out,
      send: async (m) => {
        sent.push(m);
        return out.send(m);
      },
    };
    // Two redeliveries at once (two instances): exactly one sends it, the other stays silent.
    await Promise.all([
      runTurn(app.ziping, recording, event("E1", FIRST), now, quiet),
      runTurn(app.ziping, recording, event("E1", FIRST), now, quiet),
    ]);
    expect(calls.sort()).toEqual(["send duplicate", "send replies:text,question"]);
    expect(sent.find((m) => m.kind === "replies")).toEqual({ kind: "replies", replies: first.replies });
    await runTurn(app.ziping, out, event("E1", FIRST), now, quiet);
    expect(calls.at(-1)).toBe("send duplicate");
    // Nothing was applied again: the events are the first turn's.
    expect((await app.store.listEvents(first.reportId ?? "")).map((e) => e.messageId)).toEqual(events);
  });
});
