import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, StorageError, Store } from "../../src/storage/index.ts";

const t0 = new Date("2025-03-01T08:00:00.000Z");
const t1 = new Date("2025-03-01T09:30:00.000Z");
const t2 = new Date("2025-03-02T10:00:00.000Z");

let db: Database;
let store: Store;

beforeEach(() => {
  db = openDatabase(":memory:");
  store = new Store(db);
  store.ensureUser("U1", "张三", t0);
  store.ensureUser("U2", "李四", t0);
});
afterEach(() => store.close());

function errorOf(fn: () => unknown): StorageError {
  try {
    fn();
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
  it("keeps the first creation time and the old name when a later call has none", () => {
    store.ensureUser("U1", undefined, t1);
    expect(db.prepare("SELECT * FROM users WHERE id = 'U1'").get()).toEqual({
      id: "U1",
      display_name: "张三",
      created_at: "2025-03-01T08:00:00.000Z",
    });
    store.ensureUser("U1", "张三丰", t2);
    expect(db.prepare("SELECT display_name FROM users WHERE id = 'U1'").pluck().get()).toBe("张三丰");
  });
});

describe("conversations", () => {
  it("returns undefined for a chat never saved", () => {
    expect(store.getConversation("slack:D1")).toBeUndefined();
  });

  it("inserts, then replaces the same key instead of adding a row", () => {
    store.saveConversation({
      key: "slack:D1",
      userId: "U1",
      reportId: null,
      state: { step: "ask" },
      now: t0,
    });
    expect(store.getConversation("slack:D1")).toEqual({
      key: "slack:D1",
      userId: "U1",
      reportId: null,
      state: { step: "ask" },
      updatedAt: "2025-03-01T08:00:00.000Z",
    });
    store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    store.saveConversation({
      key: "slack:D1",
      userId: "U1",
      reportId: "r1",
      state: { step: "budget" },
      now: t1,
    });
    expect(store.getConversation("slack:D1")).toEqual({
      key: "slack:D1",
      userId: "U1",
      reportId: "r1",
      state: { step: "budget" },
      updatedAt: "2025-03-01T09:30:00.000Z",
    });
    expect(db.prepare("SELECT count(*) FROM conversations").pluck().get()).toBe(1);
  });

  it("refuses a state with no JSON form, naming the column", () => {
    const error = errorOf(() =>
      store.saveConversation({ key: "k", userId: "U1", reportId: null, state: undefined, now: t0 }),
    );
    expect(error.code).toBe("storage.not_json");
    expect(error.message).toBe("数据库表 conversations 的字段 state 只能保存可写成 JSON 的值");
  });

  it("refuses a user that was never recorded (foreign keys are on)", () => {
    expect(() =>
      store.saveConversation({ key: "k", userId: "U9", reportId: null, state: {}, now: t0 }),
    ).toThrow("FOREIGN KEY constraint failed");
  });
});

describe("reports", () => {
  it("creates a report with empty listing columns and makes the creator its owner", () => {
    store.createReport({ id: "r1", createdBy: "U1", doc: { sections: [] }, now: t0 });
    expect(store.getReport("r1")).toEqual(emptyReport);
    expect(db.prepare("SELECT * FROM report_members").all()).toEqual([
      { report_id: "r1", user_id: "U1", role: "owner" },
    ]);
    expect(store.isMember("r1", "U1")).toBe(true);
    expect(store.isMember("r1", "U2")).toBe(false);
    expect(store.getReport("r2")).toBeUndefined();
  });

  it("saves the document and listing columns and moves updatedAt only", () => {
    store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    store.saveReport({
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
    expect(store.getReport("r1")).toEqual({
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

  it("throws when saving a report that does not exist", () => {
    const update = { doc: {}, unitName: null, year: null, kind: null, progressDone: 0, progressTotal: 0 };
    const error = errorOf(() =>
      store.saveReport({ id: "nope", ...update, score: null, grade: null, now: t0 }),
    );
    expect(error.code).toBe("storage.report_missing");
    expect(error.message).toBe("报告 nope 不存在，无法保存");
  });

  it("lists a user's reports by membership, most recently updated first; all without a user", () => {
    store.ensureUser("U3", undefined, t0);
    store.createReport({ id: "a", createdBy: "U1", doc: {}, now: t0 });
    store.createReport({ id: "b", createdBy: "U2", doc: {}, now: t1 });
    store.createReport({ id: "c", createdBy: "U2", doc: {}, now: t0 });
    store.addMember("c", "U1", "viewer");
    store.saveReport({ ...emptyReport, id: "a", doc: {}, now: t2 });

    expect(store.listReports("U1").map((r) => r.id)).toEqual(["a", "c"]);
    expect(store.listReports("U2").map((r) => r.id)).toEqual(["b", "c"]);
    expect(store.listReports("U3")).toEqual([]);
    expect(store.listReports().map((r) => r.id)).toEqual(["a", "b", "c"]);
  });

  it("changes a member's role instead of adding a second membership", () => {
    store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    store.addMember("r1", "U2", "viewer");
    store.addMember("r1", "U2", "editor");
    expect(db.prepare("SELECT user_id, role FROM report_members ORDER BY user_id").all()).toEqual([
      { user_id: "U1", role: "owner" },
      { user_id: "U2", role: "editor" },
    ]);
  });
});

describe("events", () => {
  const event = { userId: "U1", messageId: null, at: t1, kind: "answer", summary: "填写", changes: [] };

  beforeEach(() => {
    store.createReport({ id: "a", createdBy: "U1", doc: {}, now: t0 });
    store.createReport({ id: "b", createdBy: "U1", doc: {}, now: t0 });
  });

  it("numbers events 1, 2, 3 per report, independently", () => {
    expect(store.appendEvent({ ...event, reportId: "a" })).toBe(1);
    expect(store.appendEvent({ ...event, reportId: "a" })).toBe(2);
    expect(store.appendEvent({ ...event, reportId: "b" })).toBe(1);
    expect(store.appendEvent({ ...event, reportId: "a" })).toBe(3);
    expect(store.listEvents("a").map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(store.listEvents("b").map((e) => e.seq)).toEqual([1]);
  });

  it("reads events back in order with their changes parsed", () => {
    const changes = [{ path: "budget.executed", from: null, to: "561.41万元" }];
    store.appendEvent({
      reportId: "a",
      userId: "U2",
      messageId: "m1",
      at: t1,
      kind: "answer",
      summary: "预算",
      changes,
    });
    store.appendEvent({
      reportId: "a",
      userId: "U1",
      messageId: null,
      at: t2,
      kind: "import",
      summary: "导入",
      changes: {},
    });
    expect(store.listEvents("a")).toEqual([
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
    expect(store.listEvents("b")).toEqual([]);
  });

  it("refuses to change or delete a logged event", () => {
    store.appendEvent({ ...event, reportId: "a" });
    expect(() => db.exec("UPDATE events SET summary = 'x'")).toThrow("事件日志只能追加，不能修改");
    expect(() => db.exec("DELETE FROM events")).toThrow("事件日志只能追加，不能删除");
  });
});

describe("transaction", () => {
  it("returns the function's result and commits", () => {
    const seq = store.transaction(() => {
      store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
      return store.appendEvent({
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
    expect(store.listEvents("r1").length).toBe(1);
  });

  it("leaves nothing written when the function throws", () => {
    const boom = new Error("boom");
    expect(() =>
      store.transaction(() => {
        store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
        store.appendEvent({
          reportId: "r1",
          userId: "U1",
          messageId: "m1",
          at: t0,
          kind: "k",
          summary: "s",
          changes: 1,
        });
        store.saveConversation({ key: "c", userId: "U1", reportId: "r1", state: {}, now: t0 });
        store.recordProcessedMessage({ messageId: "m1", conversationKey: "c", replies: ["好的"], now: t0 });
        throw boom;
      }),
    ).toThrow(boom);
    expect(store.getReport("r1")).toBeUndefined();
    expect(store.isMember("r1", "U1")).toBe(false);
    expect(store.listEvents("r1")).toEqual([]);
    expect(store.getConversation("c")).toBeUndefined();
    expect(store.getProcessedMessage("m1")).toBeUndefined();
    expect(db.inTransaction).toBe(false);
  });

  it("rolls back only the inner part of a nested transaction that throws", () => {
    store.transaction(() => {
      store.saveConversation({ key: "outer", userId: "U1", reportId: null, state: 1, now: t0 });
      expect(() =>
        store.transaction(() => {
          store.saveConversation({ key: "inner", userId: "U1", reportId: null, state: 2, now: t0 });
          throw new Error("inner");
        }),
      ).toThrow("inner");
    });
    expect(store.getConversation("outer")?.state).toBe(1);
    expect(store.getConversation("inner")).toBeUndefined();
  });

  it("refuses an async function and rolls back what it wrote before awaiting", () => {
    expect(() =>
      store.transaction(async () => {
        store.saveConversation({ key: "c", userId: "U1", reportId: null, state: {}, now: t0 });
      }),
    ).toThrow("Store.transaction needs a synchronous function; it returned a promise");
    expect(store.getConversation("c")).toBeUndefined();
  });
});

describe("processed messages", () => {
  it("finds nothing for a new message, then the recorded replies", () => {
    expect(store.getProcessedMessage("m1")).toBeUndefined();
    store.recordProcessedMessage({
      messageId: "m1",
      conversationKey: "slack:D1",
      replies: [{ text: "好的" }],
      now: t0,
    });
    expect(store.getProcessedMessage("m1")).toEqual({
      conversationKey: "slack:D1",
      replies: [{ text: "好的" }],
    });
  });

  it("throws when the same message is recorded twice", () => {
    store.recordProcessedMessage({ messageId: "m1", conversationKey: "c", replies: [], now: t0 });
    expect(() =>
      store.recordProcessedMessage({ messageId: "m1", conversationKey: "c", replies: [], now: t1 }),
    ).toThrow("UNIQUE constraint failed: processed_messages.message_id");
  });
});

describe("corrupt rows", () => {
  it("names the table, the row and the column holding bad JSON", () => {
    store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    db.exec("UPDATE reports SET doc = '{oops' WHERE id = 'r1'");
    const error = errorOf(() => store.getReport("r1"));
    expect(error.code).toBe("storage.corrupt_row");
    expect(error.message).toBe("数据库表 reports 中的行（id = r1）已损坏：\n  - 字段 doc：不是有效的 JSON");
    expect(() => store.listReports("U1")).toThrow(error.message);
  });

  it("reports every bad column of a row, not only the first", () => {
    store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    db.exec("UPDATE reports SET doc = 'x', progress_done = -1 WHERE id = 'r1'");
    expect(
      errorOf(() => store.getReport("r1"))
        .message.split("\n")
        .slice(1),
    ).toEqual(["  - 字段 doc：不是有效的 JSON", "  - 字段 progress_done：数值过小：期望 number >=0"]);
  });

  it("names the conversation whose state is unreadable", () => {
    store.saveConversation({ key: "slack:D1", userId: "U1", reportId: null, state: {}, now: t0 });
    db.exec("UPDATE conversations SET state = '' WHERE key = 'slack:D1'");
    expect(errorOf(() => store.getConversation("slack:D1")).message).toBe(
      "数据库表 conversations 中的行（key = slack:D1）已损坏：\n  - 字段 state：不是有效的 JSON",
    );
  });
});
