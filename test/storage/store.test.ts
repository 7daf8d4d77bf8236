import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, StorageError, Store } from "../../src/storage/index.ts";

const t0 = new Date("2025-03-01T08:00:00.000Z");
const t1 = new Date("2025-03-01T09:30:00.000Z");
const t2 = new Date("2025-03-02T10:00:00.000Z");

let db: Database;
let store: Store;

beforeEach(async () => {
  db = openDatabase(":memory:");
  store = new Store(db);
  await store.ensureUser("U1", "张三", t0);
  await store.ensureUser("U2", "李四", t0);
});
afterEach(() => store.close());

async function errorOf(pending: Promise<unknown>): Promise<StorageError> {
  try {
    await pending;
  } catch (error) {
    if (error instanceof StorageError) return error;
    throw error;
  }
  throw new Error("expected a StorageError");
}

const emptyReport = {
  id: "r1",
  unitName: null,
  year: null,
  kind: null,
  doc: { sections: [] },
  progressDone: 0,
  progressTotal: 0,
  score: null,
  grade: null,
  createdBy: "U1",
  createdAt: "2025-03-01T08:00:00.000Z",
  updatedAt: "2025-03-01T08:00:00.000Z",
};

describe("users", () => {
  it("keeps the first creation time and the old name when a later call has none", async () => {
    await store.ensureUser("U1", undefined, t1);
    expect(db.prepare("SELECT * FROM users WHERE id = 'U1'").get()).toEqual({
      id: "U1",
      display_name: "张三",
      created_at: "2025-03-01T08:00:00.000Z",
    });
    await store.ensureUser("U1", "张三丰", t2);
    expect(db.prepare("SELECT display_name FROM users WHERE id = 'U1'").pluck().get()).toBe("张三丰");
  });
});

describe("conversations", () => {
  it("returns undefined for a chat never saved", async () => {
    expect(await store.getConversation("slack:D1")).toBeUndefined();
  });

  it("inserts, then replaces the same key instead of adding a row", async () => {
    await store.saveConversation({
      key: "slack:D1",
      userId: "U1",
      reportId: null,
      state: { step: "ask" },
      now: t0,
    });
    expect(await store.getConversation("slack:D1")).toEqual({
      key: "slack:D1",
      userId: "U1",
      reportId: null,
      state: { step: "ask" },
      updatedAt: "2025-03-01T08:00:00.000Z",
    });
    await store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    await store.saveConversation({
      key: "slack:D1",
      userId: "U1",
      reportId: "r1",
      state: { step: "budget" },
      now: t1,
    });
    expect(await store.getConversation("slack:D1")).toEqual({
      key: "slack:D1",
      userId: "U1",
      reportId: "r1",
      state: { step: "budget" },
      updatedAt: "2025-03-01T09:30:00.000Z",
    });
    expect(db.prepare("SELECT count(*) FROM conversations").pluck().get()).toBe(1);
  });

  it("refuses a state with no JSON form, naming the column", async () => {
    const error = await errorOf(
      store.saveConversation({ key: "k", userId: "U1", reportId: null, state: undefined, now: t0 }),
    );
    expect(error.code).toBe("storage.not_json");
    expect(error.message).toBe("数据库表 conversations 的字段 state 只能保存可写成 JSON 的值");
  });

  it("refuses a user that was never recorded (foreign keys are on)", async () => {
    await expect(
      store.saveConversation({ key: "k", userId: "U9", reportId: null, state: {}, now: t0 }),
    ).rejects.toThrow("FOREIGN KEY constraint failed");
  });
});

describe("reports", () => {
  it("creates a report with empty listing columns and makes the creator its owner", async () => {
    await store.createReport({ id: "r1", createdBy: "U1", doc: { sections: [] }, now: t0 });
    expect(await store.getReport("r1")).toEqual(emptyReport);
    expect(db.prepare("SELECT * FROM report_members").all()).toEqual([
      { report_id: "r1", user_id: "U1", role: "owner" },
    ]);
    expect(await store.isMember("r1", "U1")).toBe(true);
    expect(await store.isMember("r1", "U2")).toBe(false);
    expect(await store.getReport("r2")).toBeUndefined();
  });

  it("saves the document and listing columns and moves updatedAt only", async () => {
    await store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    await store.saveReport({
      id: "r1",
      doc: { unit: "某某区财政局", total: 561.41 },
      unitName: "某某区财政局",
      year: 2024,
      kind: "department",
      progressDone: 12,
      progressTotal: 30,
      score: 91.5,
      grade: "优",
      now: t1,
    });
    expect(await store.getReport("r1")).toEqual({
      id: "r1",
      unitName: "某某区财政局",
      year: 2024,
      kind: "department",
      doc: { unit: "某某区财政局", total: 561.41 },
      progressDone: 12,
      progressTotal: 30,
      score: 91.5,
      grade: "优",
      createdBy: "U1",
      createdAt: "2025-03-01T08:00:00.000Z",
      updatedAt: "2025-03-01T09:30:00.000Z",
    });
  });

  it("throws when saving a report that does not exist", async () => {
    const update = { doc: {}, unitName: null, year: null, kind: null, progressDone: 0, progressTotal: 0 };
    const error = await errorOf(
      store.saveReport({ id: "nope", ...update, score: null, grade: null, now: t0 }),
    );
    expect(error.code).toBe("storage.report_missing");
    expect(error.message).toBe("报告 nope 不存在，无法保存");
  });

  it("lists a user's reports by membership, most recently updated first; all without a user", async () => {
    await store.ensureUser("U3", undefined, t0);
    await store.createReport({ id: "a", createdBy: "U1", doc: {}, now: t0 });
    await store.createReport({ id: "b", createdBy: "U2", doc: {}, now: t1 });
    await store.createReport({ id: "c", createdBy: "U2", doc: {}, now: t0 });
    await store.addMember("c", "U1", "viewer");
    await store.saveReport({ ...emptyReport, id: "a", doc: {}, now: t2 });

    expect((await store.listReports("U1")).map((r) => r.id)).toEqual(["a", "c"]);
    expect((await store.listReports("U2")).map((r) => r.id)).toEqual(["b", "c"]);
    expect(await store.listReports("U3")).toEqual([]);
    expect((await store.listReports()).map((r) => r.id)).toEqual(["a", "b", "c"]);
  });

  it("changes a member's role instead of adding a second membership", async () => {
    await store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    await store.addMember("r1", "U2", "viewer");
    await store.addMember("r1", "U2", "editor");
    expect(db.prepare("SELECT user_id, role FROM report_members ORDER BY user_id").all()).toEqual([
      { user_id: "U1", role: "owner" },
      { user_id: "U2", role: "editor" },
    ]);
  });
});

describe("events", () => {
  const event = { userId: "U1", messageId: null, at: t1, kind: "answer", summary: "填写", changes: [] };

  beforeEach(async () => {
    await store.createReport({ id: "a", createdBy: "U1", doc: {}, now: t0 });
    await store.createReport({ id: "b", createdBy: "U1", doc: {}, now: t0 });
  });

  it("numbers events 1, 2, 3 per report, independently", async () => {
    expect(await store.appendEvent({ ...event, reportId: "a" })).toBe(1);
    expect(await store.appendEvent({ ...event, reportId: "a" })).toBe(2);
    expect(await store.appendEvent({ ...event, reportId: "b" })).toBe(1);
    expect(await store.appendEvent({ ...event, reportId: "a" })).toBe(3);
    expect((await store.listEvents("a")).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await store.listEvents("b")).map((e) => e.seq)).toEqual([1]);
  });

  it("reads events back in order with their changes parsed", async () => {
    const changes = [{ path: "budget.executed", from: null, to: "561.41万元" }];
    await store.appendEvent({
      reportId: "a",
      userId: "U2",
      messageId: "m1",
      at: t1,
      kind: "answer",
      summary: "预算",
      changes,
    });
    await store.appendEvent({
      reportId: "a",
      userId: "U1",
      messageId: null,
      at: t2,
      kind: "import",
      summary: "导入",
      changes: {},
    });
    expect(await store.listEvents("a")).toEqual([
      {
        reportId: "a",
        seq: 1,
        userId: "U2",
        messageId: "m1",
        at: "2025-03-01T09:30:00.000Z",
        kind: "answer",
        summary: "预算",
        changes,
      },
      {
        reportId: "a",
        seq: 2,
        userId: "U1",
        messageId: null,
        at: "2025-03-02T10:00:00.000Z",
        kind: "import",
        summary: "导入",
        changes: {},
      },
    ]);
    expect(await store.listEvents("b")).toEqual([]);
  });

  it("refuses to change or delete a logged event", async () => {
    await store.appendEvent({ ...event, reportId: "a" });
    expect(() => db.exec("UPDATE events SET summary = 'x'")).toThrow("事件日志只能追加，不能修改");
    expect(() => db.exec("DELETE FROM events")).toThrow("事件日志只能追加，不能删除");
  });
});

describe("transaction", () => {
  it("returns the function's result and commits", async () => {
    const seq = await store.transaction(async () => {
      await store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
      return await store.appendEvent({
        reportId: "r1",
        userId: "U1",
        messageId: null,
        at: t0,
        kind: "k",
        summary: "s",
        changes: 1,
      });
    });
    expect(seq).toBe(1);
    expect((await store.listEvents("r1")).length).toBe(1);
  });

  it("leaves nothing written when the function throws", async () => {
    const boom = new Error("boom");
    await expect(
      store.transaction(async () => {
        await store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
        await store.appendEvent({
          reportId: "r1",
          userId: "U1",
          messageId: "m1",
          at: t0,
          kind: "k",
          summary: "s",
          changes: 1,
        });
        await store.saveConversation({ key: "c", userId: "U1", reportId: "r1", state: {}, now: t0 });
        await store.recordProcessedMessage({
          messageId: "m1",
          conversationKey: "c",
          replies: ["好的"],
          now: t0,
        });
        throw boom;
      }),
    ).rejects.toThrow(boom);
    expect(await store.getReport("r1")).toBeUndefined();
    expect(await store.isMember("r1", "U1")).toBe(false);
    expect(await store.listEvents("r1")).toEqual([]);
    expect(await store.getConversation("c")).toBeUndefined();
    expect(await store.getProcessedMessage("m1")).toBeUndefined();
    expect(db.inTransaction).toBe(false);
  });

  it("rolls back only the inner part of a nested transaction that throws", async () => {
    await store.transaction(async () => {
      await store.saveConversation({ key: "outer", userId: "U1", reportId: null, state: 1, now: t0 });
      await expect(
        store.transaction(async () => {
          await store.saveConversation({ key: "inner", userId: "U1", reportId: null, state: 2, now: t0 });
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
    });
    expect((await store.getConversation("outer"))?.state).toBe(1);
    expect(await store.getConversation("inner")).toBeUndefined();
  });

  it("keeps a call from another context out of an open transaction until it ends", async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const turn = store.transaction(async () => {
      await store.saveConversation({ key: "a", userId: "U1", reportId: null, state: 1, now: t0 });
      await held;
      order.push("turn ends");
      throw new Error("rolled back");
    });
    const other = store
      .saveConversation({ key: "b", userId: "U1", reportId: null, state: 2, now: t0 })
      .then(() => order.push("other writes"));
    release();
    await expect(turn).rejects.toThrow("rolled back");
    await other;
    expect(order).toEqual(["turn ends", "other writes"]);
    expect(await store.getConversation("a")).toBeUndefined();
    expect((await store.getConversation("b"))?.state).toBe(2);
  });
});

describe("processed messages", () => {
  it("finds nothing for a new message, then the recorded replies", async () => {
    expect(await store.getProcessedMessage("m1")).toBeUndefined();
    await store.recordProcessedMessage({
      messageId: "m1",
      conversationKey: "slack:D1",
      replies: [{ text: "好的" }],
      now: t0,
    });
    expect(await store.getProcessedMessage("m1")).toEqual({
      conversationKey: "slack:D1",
      replies: [{ text: "好的" }],
      answered: false,
    });
  });

  it("throws when the same message is recorded twice", async () => {
    await store.recordProcessedMessage({ messageId: "m1", conversationKey: "c", replies: [], now: t0 });
    await expect(
      store.recordProcessedMessage({ messageId: "m1", conversationKey: "c", replies: [], now: t1 }),
    ).rejects.toThrow("UNIQUE constraint failed: processed_messages.message_id");
  });
});

describe("corrupt rows", () => {
  it("names the table, the row and the column holding bad JSON", async () => {
    await store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    db.exec("UPDATE reports SET doc = '{oops' WHERE id = 'r1'");
    const error = await errorOf(store.getReport("r1"));
    expect(error.code).toBe("storage.corrupt_row");
    expect(error.message).toBe("数据库表 reports 中的行（id = r1）已损坏：\n  - 字段 doc：不是有效的 JSON");
    await expect(store.listReports("U1")).rejects.toThrow(error.message);
  });

  it("reports every bad column of a row, not only the first", async () => {
    await store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    db.exec("UPDATE reports SET doc = 'x', progress_done = -1 WHERE id = 'r1'");
    expect((await errorOf(store.getReport("r1"))).message.split("\n").slice(1)).toEqual([
      "  - 字段 doc：不是有效的 JSON",
      "  - 字段 progress_done：数值过小：期望 number >=0",
    ]);
  });

  it("names the conversation whose state is unreadable", async () => {
    await store.saveConversation({ key: "slack:D1", userId: "U1", reportId: null, state: {}, now: t0 });
    db.exec("UPDATE conversations SET state = '' WHERE key = 'slack:D1'");
    expect((await errorOf(store.getConversation("slack:D1"))).message).toBe(
      "数据库表 conversations 中的行（key = slack:D1）已损坏：\n  - 字段 state：不是有效的 JSON",
    );
  });
});
