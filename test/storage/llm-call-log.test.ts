import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LlmCallRecord } from "../../src/drafting/llm-port.ts";
import { type Database, openDatabase, StorageError } from "../../src/storage/index.ts";
import { LlmCallLog } from "../../src/storage/llm-call-log.ts";

let db: Database;
let log: LlmCallLog;
beforeEach(() => {
  db = openDatabase(":memory:");
  log = new LlmCallLog(db);
});
afterEach(() => db.close());

const first: LlmCallRecord = {
  reportId: "r1",
  family: "problems_measures",
  model: "deepseek-chat",
  promptHash: "a".repeat(64),
  promptTokens: 1200,
  completionTokens: 300,
  latencyMs: 812.6,
  outcome: "rejected",
  detail: "数字 120 不在事实表中",
  attempt: 1,
  at: "2025-03-01T08:00:00.000Z",
};
const repair: LlmCallRecord = {
  ...first,
  promptHash: "b".repeat(64),
  promptTokens: 1600,
  completionTokens: 280,
  latencyMs: 700,
  outcome: "repaired",
  attempt: 2,
  at: "2025-03-01T08:00:01.000Z",
};
const failedCall: LlmCallRecord = {
  family: "process",
  model: "deepseek-chat",
  promptHash: "c".repeat(64),
  latencyMs: 3,
  outcome: "failed",
  detail: "llm.unreachable",
  attempt: 1,
  at: "2025-03-01T08:00:02.000Z",
};
const otherModel: LlmCallRecord = {
  reportId: "r2",
  family: "experience",
  model: "qwen-plus",
  promptHash: "d".repeat(64),
  promptTokens: 900,
  completionTokens: 150,
  latencyMs: 450,
  outcome: "ok",
  attempt: 1,
  at: "2025-03-01T08:00:03.000Z",
};

describe("LlmCallLog", () => {
  it("records calls and lists them back in order, latency rounded, absent fields left out", async () => {
    expect(await log.record(first)).toBe(1);
    expect(await log.record(failedCall)).toBe(2);
    expect(log.list()).toEqual([
      { ...first, id: 1, latencyMs: 813 },
      {
        id: 2,
        family: "process",
        model: "deepseek-chat",
        promptHash: "c".repeat(64),
        latencyMs: 3,
        outcome: "failed",
        detail: "llm.unreachable",
        attempt: 1,
        at: "2025-03-01T08:00:02.000Z",
      },
    ]);
  });

  it("lists only the calls of one report when asked", async () => {
    await log.record(first);
    await log.record(failedCall);
    await log.record(repair);
    await log.record(otherModel);
    expect(log.list("r1").map((c) => [c.id, c.attempt, c.outcome])).toEqual([
      [1, 1, "rejected"],
      [3, 2, "repaired"],
    ]);
    expect(log.list("r9")).toEqual([]);
  });

  it("totals calls, outcomes and tokens per model; calls without usage add no tokens", async () => {
    await log.record(first);
    await log.record(repair);
    await log.record(failedCall);
    await log.record(otherModel);
    expect(log.totals()).toEqual([
      {
        model: "deepseek-chat",
        calls: 3,
        ok: 0,
        repaired: 1,
        rejected: 1,
        failed: 1,
        promptTokens: 2800,
        completionTokens: 580,
      },
      {
        model: "qwen-plus",
        calls: 1,
        ok: 1,
        repaired: 0,
        rejected: 0,
        failed: 0,
        promptTokens: 900,
        completionTokens: 150,
      },
    ]);
  });

  it("has no totals before the first call", async () => {
    expect(log.totals()).toEqual([]);
  });

  it("refuses an outcome outside ok / repaired / rejected / failed (CHECK constraint)", async () => {
    const bad = { ...first, outcome: "maybe" } as unknown as LlmCallRecord;
    await expect(log.record(bad)).rejects.toThrow("CHECK constraint failed");
    expect(log.list()).toEqual([]);
  });

  it("reports a corrupted row with the table and row named", async () => {
    await log.record(first);
    db.prepare("UPDATE llm_calls SET attempt = 0 WHERE id = 1").run();
    expect(() => log.list()).toThrow(StorageError);
    expect(() => log.list()).toThrow("数据库表 llm_calls 中的行（id 1）已损坏");
  });
});
