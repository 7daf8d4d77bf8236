import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, type ReportUpdate, Store } from "../../src/storage/index.ts";

/**
 * Units and who can open a report: unit membership (add, change role, remove, list), and
 * canAccess / listReports granting a report to its members and to the members of its unit.
 */

const t0 = new Date("2025-03-01T08:00:00.000Z");
const t1 = new Date("2025-03-01T09:30:00.000Z");
const t2 = new Date("2025-03-02T10:00:00.000Z");

const JINSHUI = "郑州市金水区电子政务中心";
const FINANCE = "某某区财政局";
const ALICE = "slack:T0123:U0456";
const BOB = "slack:T0123:U0789";

let db: Database;
let store: Store;

beforeEach(async () => {
  db = openDatabase(":memory:");
  store = new Store(db);
  await store.ensureUser("U1", "张三", t0);
});
afterEach(() => store.close());

/** Creates report `id` by `createdBy` and sets its unit name, updated at `now`. */
async function reportOf(id: string, createdBy: string, unitName: string | null, now: Date): Promise<void> {
  await store.ensureUser(createdBy, undefined, t0);
  await store.createReport({ id, createdBy, doc: {}, now: t0 });
  const update: ReportUpdate = {
    id,
    doc: {},
    unitName,
    year: 2024,
    kind: "department",
    progressDone: 0,
    progressTotal: 0,
    score: null,
    grade: null,
    now,
  };
  await store.saveReport(update);
}

describe("unit membership", () => {
  it("adds a member, recording a new user without a name and keeping an existing user's name", async () => {
    await store.addUnitMember(JINSHUI, ALICE, "member", t0);
    await store.addUnitMember(JINSHUI, "U1", "admin", t1);
    expect(db.prepare("SELECT * FROM users ORDER BY id").all()).toEqual([
      { id: "U1", display_name: "张三", created_at: "2025-03-01T08:00:00.000Z" },
      { id: ALICE, display_name: null, created_at: "2025-03-01T08:00:00.000Z" },
    ]);
    expect(await store.unitMembers(JINSHUI)).toEqual([
      { userId: "U1", role: "admin", addedAt: "2025-03-01T09:30:00.000Z" },
      { userId: ALICE, role: "member", addedAt: "2025-03-01T08:00:00.000Z" },
    ]);
    expect(await store.unitsOf(ALICE)).toEqual([JINSHUI]);
  });

  it("changes the role of a second add and keeps the first joining time", async () => {
    await store.addUnitMember(JINSHUI, ALICE, "member", t0);
    await store.addUnitMember(JINSHUI, ALICE, "admin", t2);
    expect(await store.unitMembers(JINSHUI)).toEqual([
      { userId: ALICE, role: "admin", addedAt: "2025-03-01T08:00:00.000Z" },
    ]);
  });

  it("trims the unit name when adding, removing and listing", async () => {
    await store.addUnitMember(`  ${JINSHUI}\n`, ALICE, "member", t0);
    expect(await store.unitsOf(ALICE)).toEqual([JINSHUI]);
    expect((await store.unitMembers(` ${JINSHUI} `)).map((m) => m.userId)).toEqual([ALICE]);
    expect(await store.removeUnitMember(` ${JINSHUI}`, ALICE)).toBe(true);
    expect(await store.unitsOf(ALICE)).toEqual([]);
  });

  it("refuses a blank unit name and records nothing, not even the user", async () => {
    await expect(store.addUnitMember("   ", ALICE, "member", t0)).rejects.toThrow("CHECK constraint failed");
    expect(db.prepare("SELECT count(*) FROM unit_members").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM users WHERE id = ?").pluck().get(ALICE)).toBe(0);
  });

  it("lists a user's units sorted, and every membership by unit then user", async () => {
    await store.addUnitMember(JINSHUI, ALICE, "member", t0);
    await store.addUnitMember(FINANCE, ALICE, "admin", t1);
    await store.addUnitMember(FINANCE, BOB, "member", t2);
    // 某 (U+67D0) sorts before 郑 (U+90D1).
    expect(await store.unitsOf(ALICE)).toEqual([FINANCE, JINSHUI]);
    expect(await store.unitsOf(BOB)).toEqual([FINANCE]);
    expect(await store.unitsOf("nobody")).toEqual([]);
    expect(await store.unitMembers("没有的单位")).toEqual([]);
    expect(await store.listUnitMembers()).toEqual([
      { unitName: FINANCE, userId: ALICE, role: "admin", addedAt: "2025-03-01T09:30:00.000Z" },
      { unitName: FINANCE, userId: BOB, role: "member", addedAt: "2025-03-02T10:00:00.000Z" },
      { unitName: JINSHUI, userId: ALICE, role: "member", addedAt: "2025-03-01T08:00:00.000Z" },
    ]);
  });

  it("removes a membership once: true, then false; other units stay", async () => {
    await store.addUnitMember(JINSHUI, ALICE, "member", t0);
    await store.addUnitMember(FINANCE, ALICE, "member", t0);
    expect(await store.removeUnitMember(JINSHUI, ALICE)).toBe(true);
    expect(await store.removeUnitMember(JINSHUI, ALICE)).toBe(false);
    expect(await store.removeUnitMember(JINSHUI, "nobody")).toBe(false);
    expect(await store.unitsOf(ALICE)).toEqual([FINANCE]);
    expect(await store.unitMembers(JINSHUI)).toEqual([]);
  });

  it("names the table when a stored role is not one it knows", async () => {
    await store.addUnitMember(JINSHUI, ALICE, "member", t0);
    db.exec("PRAGMA ignore_check_constraints = ON; UPDATE unit_members SET role = 'boss'");
    await expect(store.unitMembers(JINSHUI)).rejects.toThrow(
      `数据库表 unit_members 中的行（unit_name = ${JINSHUI}）已损坏：`,
    );
  });
});

describe("canAccess and listReports", () => {
  // Listed newest first: a2 (t2), then n1 and b1 (both t1; n1 was created later), then a1 (t0).
  beforeEach(async () => {
    await reportOf("a1", "creatorA", JINSHUI, t0);
    await reportOf("b1", "creatorB", FINANCE, t1);
    await reportOf("a2", "creatorA", JINSHUI, t2);
    await reportOf("n1", "creatorA", null, t1);
  });

  it("lets a unit member open the reports of their unit and not another unit's", async () => {
    await store.addUnitMember(JINSHUI, ALICE, "member", t0);
    expect(await store.canAccess("a1", ALICE)).toBe(true);
    expect(await store.canAccess("a2", ALICE)).toBe(true);
    expect(await store.canAccess("b1", ALICE)).toBe(false);
    expect(await store.canAccess("n1", ALICE)).toBe(false);
    expect(await store.isMember("a1", ALICE)).toBe(false);
    expect((await store.listReports(ALICE)).map((r) => r.id)).toEqual(["a2", "a1"]);
  });

  it("takes the unit's reports away again when the membership is removed", async () => {
    await store.addUnitMember(FINANCE, ALICE, "admin", t0);
    expect((await store.listReports(ALICE)).map((r) => r.id)).toEqual(["b1"]);
    expect(await store.canAccess("b1", ALICE)).toBe(true);
    expect(await store.removeUnitMember(FINANCE, ALICE)).toBe(true);
    expect(await store.listReports(ALICE)).toEqual([]);
    expect(await store.canAccess("b1", ALICE)).toBe(false);
  });

  it("still shows the creator their own report whose unit is another unit", async () => {
    await store.addUnitMember(FINANCE, "creatorA", "member", t0);
    expect(await store.canAccess("a1", "creatorA")).toBe(true);
    expect(await store.canAccess("n1", "creatorA")).toBe(true);
    expect((await store.listReports("creatorA")).map((r) => r.id)).toEqual(["a2", "n1", "b1", "a1"]);
    expect((await store.listReports("creatorB")).map((r) => r.id)).toEqual(["b1"]);
  });

  it("lists a report reachable both as member and through the unit once", async () => {
    await store.addUnitMember(JINSHUI, "creatorA", "admin", t0);
    await store.addUnitMember(JINSHUI, ALICE, "member", t0);
    await store.addMember("a1", ALICE, "editor");
    expect((await store.listReports("creatorA")).map((r) => r.id)).toEqual(["a2", "n1", "a1"]);
    expect((await store.listReports(ALICE)).map((r) => r.id)).toEqual(["a2", "a1"]);
  });

  it("grants a report by member role alone to a user in no unit", async () => {
    await store.ensureUser(BOB, undefined, t0);
    await store.addMember("b1", BOB, "viewer");
    expect(await store.canAccess("b1", BOB)).toBe(true);
    expect(await store.canAccess("a1", BOB)).toBe(false);
    expect((await store.listReports(BOB)).map((r) => r.id)).toEqual(["b1"]);
  });

  it("follows a report to its new unit when its unit name changes", async () => {
    await store.addUnitMember(JINSHUI, ALICE, "member", t0);
    await reportOf("x", "creatorB", FINANCE, t0);
    expect(await store.canAccess("x", ALICE)).toBe(false);
    await store.saveReport({
      id: "x",
      doc: {},
      unitName: ` ${JINSHUI}\t`,
      year: null,
      kind: null,
      progressDone: 0,
      progressTotal: 0,
      score: null,
      grade: null,
      now: t2,
    });
    expect((await store.getReport("x"))?.unitName).toBe(JINSHUI);
    expect(await store.canAccess("x", ALICE)).toBe(true);
    expect((await store.listReports(ALICE)).map((r) => r.id)).toEqual(["x", "a2", "a1"]);
  });

  it("is false for a report that does not exist and keeps listReports() as all reports", async () => {
    await store.addUnitMember(JINSHUI, ALICE, "member", t0);
    expect(await store.canAccess("nope", ALICE)).toBe(false);
    expect((await store.listReports()).map((r) => r.id)).toEqual(["a2", "n1", "b1", "a1"]);
  });
});
