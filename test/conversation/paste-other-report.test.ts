import { describe, expect, it } from "vitest";
import { otherReportConcerns } from "../../src/conversation/paste.ts";
import { Chat, script, testApp } from "../services/chat-harness.ts";

/**
 * A table pasted into a report of another unit (or another year) would silently turn this report
 * into that one: the confirmation says so first, and 取消 keeps the report as it was.
 */

const UNIT_WARNING =
  "粘贴内容的单位是“郑州市金水区电子政务中心”，而这份报告的单位是“郑州市金水区智慧城市管理中心”。确认会把这份报告的单位改为“郑州市金水区电子政务中心”，粘贴的数字也记入这份报告；如果这是另一个单位的报告，请回复“取消”，再说“新建报告”。";

describe("pasting another unit's table into an open report", () => {
  it("warns before the confirmation, and 取消 leaves the report's unit and figures as they were", async () => {
    const chat = new Chat(testApp());
    await chat.sendAll(script("seed-001.txt"));
    const before = await chat.doc();
    // Seed 000's 自评表: another unit (郑州市金水区电子政务中心), pasted into seed 001's open report.
    const table = script("seed-000.txt")[1] ?? "";
    const turn = await chat.send(table);
    const warnings = turn.replies.flatMap((r) => (r.type === "notice" && r.level === "warn" ? [r.text] : []));
    expect(warnings).toContain(UNIT_WARNING);
    expect(turn.replies.at(-1)?.type).toBe("confirm");
    await chat.send("取消");
    expect(await chat.doc()).toEqual(before);
  });

  it("says nothing of the kind when the paste names the report's own unit", async () => {
    const chat = new Chat(testApp());
    const messages = script("seed-000.txt");
    await chat.send(messages[0] ?? "");
    const turn = await chat.send(messages[1] ?? "");
    const texts = turn.replies.map((r) => ("text" in r ? r.text : ""));
    expect(texts.filter((t) => t.startsWith("粘贴内容的单位是"))).toEqual([]);
    expect(texts.filter((t) => t.startsWith("粘贴内容的年度是"))).toEqual([]);
  });
});

describe("otherReportConcerns", () => {
  it("names a changed year, and nothing for a value set for the first time", () => {
    expect(
      otherReportConcerns([
        { path: ["year"], before: 2021, after: 2020 },
        { path: ["unit", "name"], after: "某县统计局" },
        { path: ["budget", "executed"], before: 10, after: 12 },
      ]),
    ).toEqual([
      "粘贴内容的年度是 2020 年，而这份报告是 2021 年度。确认会把这份报告改为 2020 年度；如果粘贴的是往年的报告，请回复“取消”。",
    ]);
  });
});
