import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  CorpusRepository,
  DeliveryJobRepository,
  LeaseRepository,
  LlmCallRepository,
  ReportArchiveRepository,
  ReportRepository,
} from "../../src/storage/index.ts";
import { StorageError } from "../../src/storage/index.ts";
import { prng, randomText } from "../checks/copy/random-text.ts";

/** Every repository over one fresh, empty, migrated database. */
export interface Repositories {
  store: ReportRepository;
  jobs: DeliveryJobRepository;
  log: LlmCallRepository;
  corpus: CorpusRepository;
  archives: ReportArchiveRepository;
  leases: LeaseRepository;
  /** The job and lease repositories over a second connection (pool) to the same database. */
  twin(): Promise<{ jobs: DeliveryJobRepository; leases: LeaseRepository; close(): Promise<void> }>;
  close(): Promise<void>;
}

const t0 = new Date("2025-03-01T08:00:00.000Z");
const t1 = new Date("2025-03-01T09:30:00.000Z");
const t2 = new Date("2025-03-02T10:00:00.000Z");

const random = prng(1234);
const shared = randomText(random, 90);
const textA = `${randomText(random, 400)}。${shared}。${randomText(random, 200)}`;
const textB = `${randomText(random, 300)}。${shared}`;

const summary = (unitName: string | null, done: number) => ({
  unitName,
  year: 2021,
  kind: "department",
  progressDone: done,
  progressTotal: 16,
  score: 91.5,
  grade: "优",
});

/**
 * The behaviour every storage engine must have, with exact values: run by
 * sqlite-repositories.test.ts and postgres-repositories.test.ts with their factories.
 */
export function repositorySuite(open: () => Promise<Repositories>): void {
  let r: Repositories;
  beforeEach(async () => {
    r = await open();
    await r.store.ensureUser("U1", "张三", t0);
    await r.store.ensureUser("U2", "李四", t0);
  });
  afterEach(async () => r.close());

  describe("users and conversations", () => {
    it("saves a conversation's state and reads it back; a user never recorded is refused", async () => {
      expect(await r.store.getConversation("slack:D1")).toBeUndefined();
      await r.store.saveConversation({
        key: "slack:D1",
        userId: "U1",
        reportId: null,
        state: { a: [1, "二"] },
        now: t1,
      });
      expect(await r.store.getConversation("slack:D1")).toEqual({
        key: "slack:D1",
        userId: "U1",
        reportId: null,
        state: { a: [1, "二"] },
        updatedAt: "2025-03-01T09:30:00.000Z",
      });
      await expect(
        r.store.saveConversation({ key: "k", userId: "U9", reportId: null, state: {}, now: t0 }),
      ).rejects.toThrow();
      await expect(
        r.store.saveConversation({ key: "k", userId: "U1", reportId: null, state: undefined, now: t0 }),
      ).rejects.toThrow(expect.objectContaining({ code: "storage.not_json" }));
    });
  });

  describe("reports", () => {
    it("creates a report owned by its creator, saves its columns (unit name trimmed) and lists newest first", async () => {
      await r.store.createReport({ id: "r1", createdBy: "U1", doc: { z: 1, a: 2 }, now: t0 });
      await r.store.createReport({ id: "r2", createdBy: "U1", doc: {}, now: t0 });
      expect(await r.store.isMember("r1", "U1")).toBe(true);
      expect(await r.store.isMember("r1", "U2")).toBe(false);
      await r.store.saveReport({ id: "r1", doc: { z: 1, a: 3 }, now: t1, ...summary("  金水区财政局 ", 3) });
      expect(await r.store.getReport("r1")).toEqual({
        id: "r1",
        doc: { z: 1, a: 3 },
        createdBy: "U1",
        createdAt: "2025-03-01T08:00:00.000Z",
        updatedAt: "2025-03-01T09:30:00.000Z",
        ...summary("金水区财政局", 3),
      });
      expect(JSON.stringify((await r.store.getReport("r1"))?.doc)).toBe('{"z":1,"a":3}');
      expect((await r.store.listReports()).map((x) => x.id)).toEqual(["r1", "r2"]);
      await r.store.createReport({ id: "r3", createdBy: "U2", doc: {}, now: t0 });
      expect((await r.store.listReports()).map((x) => x.id)).toEqual(["r1", "r3", "r2"]);
      expect((await r.store.listReports("U2")).map((x) => x.id)).toEqual(["r3"]);
      await expect(r.store.saveReport({ id: "nope", doc: {}, now: t0, ...summary(null, 0) })).rejects.toThrow(
        expect.objectContaining({ code: "storage.report_missing" }),
      );
      expect(await r.store.getReport("nope")).toBeUndefined();
    });

    it("opens a report to its members and to the members of its unit, listing each once", async () => {
      await r.store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
      await r.store.saveReport({ id: "r1", doc: {}, now: t0, ...summary("金水区财政局", 0) });
      expect(await r.store.canAccess("r1", "U2")).toBe(false);
      await r.store.addUnitMember(" 金水区财政局", "U2", "member", t1);
      expect(await r.store.canAccess("r1", "U2")).toBe(true);
      await r.store.addMember("r1", "U2", "editor");
      expect((await r.store.listReports("U2")).map((x) => x.id)).toEqual(["r1"]);
      expect(await r.store.canAccess("missing", "U1")).toBe(false);
    });
  });

  describe("events", () => {
    it("numbers each report's events 1, 2, 3 and reads them back in order", async () => {
      await r.store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
      await r.store.createReport({ id: "r2", createdBy: "U1", doc: {}, now: t0 });
      const event = (reportId: string, summary: string) => ({
        reportId,
        userId: "U1",
        messageId: "m1",
        at: t1,
        kind: "answer",
        summary,
        changes: [{ path: ["budget"], after: 561.41 }],
      });
      expect(await r.store.appendEvent(event("r1", "一"))).toBe(1);
      expect(await r.store.appendEvent(event("r2", "一"))).toBe(1);
      expect(await r.store.appendEvent(event("r1", "二"))).toBe(2);
      expect(await r.store.listEvents("r1")).toEqual([
        { ...event("r1", "一"), seq: 1, at: "2025-03-01T09:30:00.000Z" },
        { ...event("r1", "二"), seq: 2, at: "2025-03-01T09:30:00.000Z" },
      ]);
    });
  });

  describe("transactions", () => {
    it("commits the function's writes and returns its result; a throw leaves nothing", async () => {
      expect(
        await r.store.transaction(async () => {
          await r.store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
          return "done";
        }),
      ).toBe("done");
      await expect(
        r.store.transaction(async () => {
          await r.store.createReport({ id: "r2", createdBy: "U1", doc: {}, now: t0 });
          await r.jobs.add({ conversationKey: "c", reportId: "r2", doc: {}, now: t0 });
          await r.corpus.addDocument({ agency: "甲单位", text: textA }, t0);
          await r.store.recordProcessedMessage({
            messageId: "m1",
            conversationKey: "c",
            replies: [],
            now: t0,
          });
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect((await r.store.listReports()).map((x) => x.id)).toEqual(["r1"]);
      expect(await r.jobs.pending("c")).toEqual([]);
      expect(await r.corpus.documentCount()).toBe(0);
      expect(await r.store.getProcessedMessage("m1")).toBeUndefined();
    });

    it("rolls back only the inner part of a nested transaction that throws", async () => {
      await r.store.transaction(async () => {
        await r.store.saveConversation({ key: "outer", userId: "U1", reportId: null, state: 1, now: t0 });
        await expect(
          r.store.transaction(async () => {
            await r.store.saveConversation({ key: "inner", userId: "U1", reportId: null, state: 2, now: t0 });
            throw new Error("inner");
          }),
        ).rejects.toThrow("inner");
      });
      expect((await r.store.getConversation("outer"))?.state).toBe(1);
      expect(await r.store.getConversation("inner")).toBeUndefined();
    });

    it("runs the turns of one conversation one after the other", async () => {
      const order: string[] = [];
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const first = r.store.transaction(async () => {
        await r.store.lockConversation("cli:liu");
        order.push("first locked");
        await held;
        order.push("first ends");
      });
      // The second turn starts once the first holds the conversation (else either may lock first).
      while (order.length === 0) await new Promise((resolve) => setImmediate(resolve));
      const second = r.store.transaction(async () => {
        await r.store.lockConversation("cli:liu");
        order.push("second locked");
      });
      // Time for the second to take the lock were it free (it must wait for the first to end).
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(order).toEqual(["first locked"]);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(["first locked", "first ends", "second locked"]);
    });
  });

  describe("processed messages and event claims", () => {
    it("records a message's replies once and forgets the old ones", async () => {
      expect(await r.store.getProcessedMessage("m1")).toBeUndefined();
      await r.store.recordProcessedMessage({
        messageId: "m1",
        conversationKey: "c",
        replies: ["好的"],
        now: t0,
      });
      await r.store.recordProcessedMessage({ messageId: "m2", conversationKey: "c", replies: [], now: t2 });
      expect(await r.store.getProcessedMessage("m1")).toEqual({
        conversationKey: "c",
        replies: ["好的"],
        answered: false,
      });
      await expect(
        r.store.recordProcessedMessage({ messageId: "m1", conversationKey: "c", replies: [], now: t1 }),
      ).rejects.toThrow();
      expect(await r.store.pruneProcessedMessages(t1)).toBe(1);
      expect(await r.store.getProcessedMessage("m1")).toBeUndefined();
      expect(await r.store.getProcessedMessage("m2")).toEqual({
        conversationKey: "c",
        replies: [],
        answered: false,
      });
    });

    it("marks a message's answer sent once: the first claim is true, the next false; an unknown id is false", async () => {
      await r.store.recordProcessedMessage({
        messageId: "m1",
        conversationKey: "c",
        replies: ["好的"],
        now: t0,
      });
      expect(await r.store.claimAnswer("m1", t1)).toBe(true);
      expect(await r.store.claimAnswer("m1", t2)).toBe(false);
      expect((await r.store.getProcessedMessage("m1"))?.answered).toBe(true);
      expect(await r.store.claimAnswer("m9", t1)).toBe(false);
    });

    it("claims an event id once and forgets old claims", async () => {
      expect(await r.store.claimEvent("Ev1", t0)).toBe(true);
      expect(await r.store.claimEvent("Ev1", t1)).toBe(false);
      expect(await r.store.claimEvent("Ev2", t2)).toBe(true);
      expect(await r.store.pruneEvents(t1)).toBe(1);
      expect(await r.store.claimEvent("Ev1", t2)).toBe(true);
    });
  });

  describe("units", () => {
    it("adds, re-roles (keeping the joining time), lists and removes unit members", async () => {
      await r.store.addUnitMember("乙单位", "U3", "member", t0);
      await r.store.addUnitMember(" 甲单位 ", "U1", "member", t0);
      await r.store.addUnitMember("甲单位", "U1", "admin", t1);
      expect(await r.store.unitsOf("U1")).toEqual(["甲单位"]);
      expect(await r.store.unitMembers("甲单位 ")).toEqual([
        { userId: "U1", role: "admin", addedAt: "2025-03-01T08:00:00.000Z" },
      ]);
      expect(await r.store.listUnitMembers()).toEqual([
        { unitName: "乙单位", userId: "U3", role: "member", addedAt: "2025-03-01T08:00:00.000Z" },
        { unitName: "甲单位", userId: "U1", role: "admin", addedAt: "2025-03-01T08:00:00.000Z" },
      ]);
      expect(await r.store.removeUnitMember("甲单位", "U1")).toBe(true);
      expect(await r.store.removeUnitMember("甲单位", "U1")).toBe(false);
      await expect(r.store.addUnitMember("  ", "U4", "member", t0)).rejects.toThrow();
      expect(await r.store.unitsOf("U4")).toEqual([]);
    });
  });

  describe("delivery jobs and the model call log", () => {
    it("keeps requested drafts pending until finished, by conversation and by key prefix", async () => {
      await r.store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
      expect(
        await r.jobs.add({ conversationKey: "slack:T1:D1", reportId: "r1", doc: { b: 1, a: 2 }, now: t0 }),
      ).toBe(1);
      expect(await r.jobs.add({ conversationKey: "cli:liu", reportId: "r1", doc: {}, now: t1 })).toBe(2);
      expect(await r.jobs.pending("cli:liu")).toEqual([
        { id: 2, conversationKey: "cli:liu", reportId: "r1", doc: {} },
      ]);
      expect(await r.jobs.pendingUnder("slack:")).toEqual([
        { id: 1, conversationKey: "slack:T1:D1", reportId: "r1", doc: { b: 1, a: 2 } },
      ]);
      await r.jobs.finish(1, t2);
      await r.jobs.finish(1, t2);
      expect(await r.jobs.pendingUnder("slack:")).toEqual([]);
    });

    it("claims a due job for one worker of two connections at once, each job once", async () => {
      await r.store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
      for (const key of ["slack:D1", "slack:D2", "dingtalk:C1", "slack:D3", "cli:liu"])
        await r.jobs.add({ conversationKey: key, reportId: "r1", doc: { key }, now: t0 });
      const other = await r.twin();
      const take = async (jobs: DeliveryJobRepository, worker: string) => {
        const ids: number[] = [];
        for (;;) {
          const job = await jobs.claim({
            prefixes: ["slack:", "dingtalk:"],
            worker,
            now: t1,
            leaseMs: 60_000,
          });
          if (job === undefined) return ids;
          ids.push(job.id);
        }
      };
      const [a, b] = await Promise.all([take(r.jobs, "A"), take(other.jobs, "B")]);
      await other.close();
      expect([...a, ...b].sort()).toEqual([1, 2, 3, 4]);
      expect(a.filter((id) => b.includes(id))).toEqual([]);
      const status = await r.jobs.status(2);
      expect(status).toEqual({
        state: "running",
        attempts: 1,
        nextRunAt: "2025-03-01T08:00:00.000Z",
        lockedBy: a.includes(2) ? "A" : "B",
        lockedUntil: "2025-03-01T09:31:00.000Z",
        lastError: null,
      });
      // A job never tried is due at once, even by a clock behind the one that enqueued it.
      expect(
        (await r.jobs.claim({ prefixes: ["cli:"], worker: "C", now: new Date(t0.getTime() - 1), leaseMs: 1 }))
          ?.id,
      ).toBe(5);
      expect(await r.jobs.claim({ prefixes: ["wecom:"], worker: "C", now: t2, leaseMs: 1 })).toBe(undefined);
    });

    it("gives an expired lease's job to another worker, retries at the time given and fails for good", async () => {
      await r.store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
      await r.jobs.add({ conversationKey: "slack:D1", reportId: "r1", doc: { a: 1 }, now: t0 });
      const claim = (worker: string, at: Date) =>
        r.jobs.claim({ prefixes: ["slack:"], worker, now: at, leaseMs: 60_000 });
      expect(await claim("A", t0)).toEqual({
        id: 1,
        conversationKey: "slack:D1",
        reportId: "r1",
        doc: { a: 1 },
        attempts: 1,
        noticeRef: null,
      });
      // A's turn said 正在生成 (a Slack ts): whoever runs the job next replaces that message.
      await r.jobs.setNotice(1, "1733050800.000200");
      // A holds it until 08:01:00.000; at that very instant it is still A's.
      expect(await claim("B", new Date("2025-03-01T08:01:00.000Z"))).toBe(undefined);
      const taken = await claim("B", new Date("2025-03-01T08:01:00.001Z"));
      expect([taken?.attempts, taken?.noticeRef]).toEqual([2, "1733050800.000200"]);
      // A's lease was lost: its retry changes nothing; B's puts the job back at the time given.
      expect(await r.jobs.retry(1, "A", "too late", t1)).toBe(false);
      expect(await r.jobs.retry(1, "B", "upload refused", new Date("2025-03-01T08:03:00.001Z"))).toBe(true);
      expect(await r.jobs.status(1)).toEqual({
        state: "pending",
        attempts: 2,
        nextRunAt: "2025-03-01T08:03:00.001Z",
        lockedBy: null,
        lockedUntil: null,
        lastError: "upload refused",
      });
      expect(await claim("C", new Date("2025-03-01T08:03:00.000Z"))).toBe(undefined);
      expect((await claim("C", new Date("2025-03-01T08:03:00.001Z")))?.attempts).toBe(3);
      expect(await r.jobs.fail(1, "C", "still refused", t1)).toBe(true);
      expect((await r.jobs.status(1))?.state).toBe("failed");
      expect(await r.jobs.pendingUnder("slack:")).toEqual([]);
      expect(await claim("D", t2)).toBe(undefined);
    });

    it("renews a running job's lease for its holder only, so a long draft is not taken over", async () => {
      await r.store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
      await r.jobs.add({ conversationKey: "slack:D1", reportId: "r1", doc: { a: 1 }, now: t0 });
      const at = (time: string) => new Date(`2025-03-01T${time}Z`);
      const claim = (worker: string, time: string) =>
        r.jobs.claim({ prefixes: ["slack:"], worker, now: at(time), leaseMs: 60_000 });
      expect((await claim("A", "08:00:00.000"))?.attempts).toBe(1);
      // A renews at 08:00:40 until 08:01:40: at 08:01:00.001 (its first lease's end) B gets nothing.
      expect(await r.jobs.renew(1, "A", at("08:01:40.000"))).toBe(true);
      expect(await r.jobs.renew(1, "B", at("08:05:00.000"))).toBe(false);
      expect(await claim("B", "08:01:00.001")).toBe(undefined);
      expect(await claim("B", "08:01:40.000")).toBe(undefined);
      expect((await r.jobs.status(1))?.lockedUntil).toBe("2025-03-01T08:01:40.000Z");
      // A stopped renewing: B takes the job after 08:01:40, and A's late renewal is refused.
      expect((await claim("B", "08:01:40.001"))?.attempts).toBe(2);
      expect(await r.jobs.renew(1, "A", at("08:03:00.000"))).toBe(false);
      expect(await r.jobs.status(1)).toEqual({
        state: "running",
        attempts: 2,
        nextRunAt: "2025-03-01T08:00:00.000Z",
        lockedBy: "B",
        lockedUntil: "2025-03-01T08:02:40.001Z",
        lastError: null,
      });
      // A finished job has no lease to renew.
      await r.jobs.finish(1, at("08:02:00.000"));
      expect(await r.jobs.renew(1, "B", at("08:03:00.000"))).toBe(false);
    });

    it("counts jobs by state with the last failure, and lists the leases by name", async () => {
      await r.store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
      for (const key of ["slack:D1", "slack:D2", "slack:D3"])
        await r.jobs.add({ conversationKey: key, reportId: "r1", doc: {}, now: t0 });
      expect(await r.store.reportCount()).toBe(1);
      expect(await r.jobs.counts()).toEqual({
        pending: 3,
        running: 0,
        failed: 0,
        done: 0,
        lastFailure: null,
      });
      const claim = (worker: string) =>
        r.jobs.claim({ prefixes: ["slack:"], worker, now: t0, leaseMs: 60_000 });
      expect((await claim("A"))?.id).toBe(1);
      await r.jobs.finish(1, t0);
      expect((await claim("B"))?.id).toBe(2);
      expect(await r.jobs.fail(2, "B", "upload refused", t1)).toBe(true);
      expect((await claim("C"))?.id).toBe(3);
      expect(await r.jobs.counts()).toEqual({
        pending: 0,
        running: 1,
        failed: 1,
        done: 1,
        lastFailure: { reportId: "r1", at: t1.toISOString(), error: "upload refused" },
      });
      expect(await r.leases.acquire("wecom:bot1", "A", t0, 15_000)).toBe(true);
      expect(await r.leases.acquire("channel:钉钉", "B", t0, 15_000)).toBe(true);
      expect(await r.leases.list()).toEqual([
        { name: "channel:钉钉", holder: "B", expiresAt: "2025-03-01T08:00:15.000Z" },
        { name: "wecom:bot1", holder: "A", expiresAt: "2025-03-01T08:00:15.000Z" },
      ]);
    });

    it("holds a lease for one holder until it expires or is released", async () => {
      const other = await r.twin();
      const at = (s: number) => new Date(t0.getTime() + s * 1000);
      expect(await r.leases.acquire("wecom", "A", at(0), 15_000)).toBe(true);
      expect(await other.leases.acquire("wecom", "B", at(1), 15_000)).toBe(false);
      expect(await r.leases.renew("wecom", "A", at(5), 15_000)).toBe(true);
      expect(await other.leases.acquire("wecom", "B", at(19.999), 15_000)).toBe(false);
      // A stopped renewing at 5 s: at 20 s its lease has run out and B takes it; A cannot renew.
      expect(await other.leases.acquire("wecom", "B", at(20), 15_000)).toBe(true);
      expect(await r.leases.renew("wecom", "A", at(21), 15_000)).toBe(false);
      expect(await other.leases.acquire("wecom", "B", at(22), 15_000)).toBe(true);
      await r.leases.release("wecom", "A");
      expect(await r.leases.acquire("wecom", "A", at(23), 15_000)).toBe(false);
      await other.leases.release("wecom", "B");
      expect(await r.leases.acquire("wecom", "A", at(23), 15_000)).toBe(true);
      await other.close();
    });

    it("records model calls with increasing ids", async () => {
      const call = {
        family: "overview",
        model: "deepseek-chat",
        promptHash: "a".repeat(64),
        latencyMs: 812.4,
        outcome: "ok" as const,
        attempt: 1,
        at: "2025-03-01T08:00:00.000Z",
      };
      expect(await r.log.record(call)).toBe(1);
      expect(await r.log.record({ ...call, reportId: "r1", promptTokens: 10, completionTokens: 5 })).toBe(2);
    });
  });

  describe("copy corpus", () => {
    it("adds documents once by content and finds the passage they share", async () => {
      expect(
        await r.corpus.addDocuments(
          [
            { agency: "郑州市金水区电子政务中心", year: 2020, title: "去年", source: "a.txt", text: textA },
            { agency: "乙单位", year: 2021, source: "b.txt", kind: "project", text: textB },
            { agency: "丙单位", text: textA },
          ],
          t0,
        ),
      ).toEqual([
        { id: 1, added: true },
        { id: 2, added: true },
        { id: 1, added: false },
      ]);
      expect(await r.corpus.documentCount()).toBe(2);
      expect(await r.corpus.documentIdsBySource(["b.txt", "a.txt", "none"])).toEqual([2, 1]);
      expect(await r.corpus.listDocuments()).toEqual([
        {
          id: 1,
          agency: "郑州市金水区电子政务中心",
          year: 2020,
          title: "去年",
          source: "a.txt",
          kind: null,
          chars: [...textA].length,
          addedAt: "2025-03-01T08:00:00.000Z",
        },
        {
          id: 2,
          agency: "乙单位",
          year: 2021,
          title: null,
          source: "b.txt",
          kind: "project",
          chars: [...textB].length,
          addedAt: "2025-03-01T08:00:00.000Z",
        },
      ]);
      const query = `${randomText(prng(1), 200)}\n${shared}`;
      const found = await r.corpus.findPassages(query);
      expect(
        found.map((p) => [p.source, p.queryStart, p.queryEnd, p.sourceStart, p.sourceEnd, p.length]),
      ).toEqual([
        [{ id: 1, agency: "郑州市金水区电子政务中心", year: 2020, title: "去年" }, 201, 291, 401, 491, 90],
        [{ id: 2, agency: "乙单位", year: 2021, title: null }, 201, 291, 301, 391, 90],
      ]);
      expect(found[0]?.queryQuote).toBe(shared);
      expect(
        (await r.corpus.findPassages(query, { excludeAgency: "金水区电子政务中心" })).map((p) => p.source.id),
      ).toEqual([2]);
      expect((await r.corpus.findPassages(query, { excludeDocIds: [2] })).map((p) => p.source.id)).toEqual([
        1,
      ]);
    });

    it("adds none of a batch with a document it refuses", async () => {
      await expect(
        r.corpus.addDocuments(
          [
            { agency: "甲单位", text: textA },
            { agency: "", text: textB },
          ],
          t0,
        ),
      ).rejects.toThrow(StorageError);
      expect(await r.corpus.documentCount()).toBe(0);
    });
  });

  describe("whole-report archives", () => {
    it("exports a report with members and events, refuses it again, and loads it under a new id", async () => {
      await r.store.createReport({ id: "r1", createdBy: "U1", doc: { a: 1 }, now: t0 });
      await r.store.addMember("r1", "U2", "viewer");
      await r.store.appendEvent({
        reportId: "r1",
        userId: "U2",
        messageId: null,
        at: t1,
        kind: "k",
        summary: "s",
        changes: [1],
      });
      const archive = await r.archives.export("r1", t2);
      expect(archive?.members).toEqual([
        { userId: "U1", role: "owner" },
        { userId: "U2", role: "viewer" },
      ]);
      expect(archive?.events).toEqual([
        {
          seq: 1,
          userId: "U2",
          messageId: null,
          at: "2025-03-01T09:30:00.000Z",
          kind: "k",
          summary: "s",
          changes: [1],
        },
      ]);
      expect(archive?.exportedAt).toBe("2025-03-02T10:00:00.000Z");
      if (archive === undefined) throw new Error("no archive");
      const again = await r.archives.import(archive, t2);
      expect(again.ok ? "imported" : again.error.code).toBe("archive.duplicate");
      const copy = { ...archive, report: { ...archive.report, id: "r9", createdBy: "U7" } };
      expect(await r.archives.import(copy, t2)).toEqual({ ok: true, value: { events: 1 } });
      expect(await r.store.listEvents("r9")).toEqual([
        { ...(await r.store.listEvents("r1"))[0], reportId: "r9" },
      ]);
      expect(await r.store.isMember("r9", "U2")).toBe(true);
      expect(await r.archives.export("missing", t2)).toBeUndefined();
    });
  });
}
