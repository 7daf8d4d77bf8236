import { describe, expect, it } from "vitest";
import { Chat, fixture, lastQuestion, script, testApp } from "./chat-harness.ts";

const SEEDS = [{ script: "seed-000.txt", report: "seed-000.json", maxMessages: 12 }];

describe("scripted conversations rebuild the seed reports from nothing", () => {
  it.each(SEEDS)("$script rebuilds $report", ({ script: name, report, maxMessages }) => {
    const chat = new Chat(testApp());
    const messages = script(name);
    for (const m of messages) chat.send(m);
    const end = chat.resume();
    expect(lastQuestion(end.replies)?.slot).toBe("review");
    expect(chat.doc()).toEqual(fixture(report));
    console.log(`${name}: ${messages.length} user messages to a complete report`);
    expect(messages.length).toBeLessThanOrEqual(maxMessages);
  });
});
