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

beforeEach(() => {
  db = openDatabase(":memory:");
  store = new Store(db);
  store.ensureUser("U1", "张三", t0);
});
afterEach(() => store.close());

/** Creates report `id` by `createdBy` and sets its unit name, updated at `now`. */
function reportOf(id: string, createdBy: string, unitName: string | null, now: Date): void {
  store.ensureUser(createdBy, undefined, t0);
  store.createReport({ id, createdBy, doc: {}, now: t0 });
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
  store.saveReport(update);
}

describe("unit membership", () => {
  it("adds a member, recording a new user without a name and keeping an existing user's name", () => {
    store.addUnitMember(JINSHUI, ALICE, "member", t0);
    store.addUnitMember(JINSHUI, "U1", "admin", t1);
    expect(db.prepare("SELECT * FROM users ORDER BY id").all()).toEqual([
      { id: "U1", display_name: "张三", created_at: "2025-03-01T08:00:00.000Z" },
      { id: ALICE, display_name: null, created_at: "2025-03-01T08:00:00.000Z" },
    ]);
    expect(store.unitMembers(JINSHUI)).toEqual([
      { userId: "U1", role: "admin", addedAt: "2025-03-01T09:30:00.000Z" },
      { userId: ALICE, role: "member", addedAt: "2025-03-01T08:00:00.000Z" },
    ]);
    expect(store.unitsOf(ALICE)).toEqual([JINSHUI]);
  });

  it("changes the role of a second add and keeps the first joining time", () => {
    store.addUnitMember(JINSHUI, ALICE, "member", t0);
    store.addUnitMember(JINSHUI, ALICE, "admin", t2);
    expect(store.unitMembers(JINSHUI)).toEqual([
      { userId: ALICE, role: "admin", addedAt: "2025-03-01T08:00:00.000Z" },
    ]);
  });

  it("trims the unit name when adding, removing and listing", () => {
    store.addUnitMember(`  ${JINSHUI}\n`, ALICE, "member", t0);
    expect(store.unitsOf(ALICE)).toEqual([JINSHUI]);
    expect(store.unitMembers(` ${JINSHUI} `).map((m) => m.userId)).toEqual([ALICE]);
    expect(store.removeUnitMember(` ${JINSHUI}`, ALICE)).toBe(true);
    expect(store.unitsOf(ALICE)).toEqual([]);
  });

  it("refuses a blank unit name and records nothing, not even the user", () => {
    expect(() => store.addUnitMember("   ", ALICE, "member", t0)).toThrow("CHECK constraint failed");
    expect(db.prepare("SELECT count(*) FROM unit_members").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM users WHERE id = ?").pluck().get(ALICE)).toBe(0);
  });

  it("lists a user's units sorted, and every membership by unit then user", () => {
    store.addUnitMember(JINSHUI, ALICE, "member", t0);
    store.addUnitMember(FINANCE, ALICE, "admin", t1);
    store.addUnitMember(FINANCE, BOB, "member", t2);
    // 某 (U+67D0) sorts before 郑 (U+90D1).
    expect(store.unitsOf(ALICE)).toEqual([FINANCE, JINSHUI]);
    expect(store.unitsOf(BOB)).toEqual([FINANCE]);
    expect(store.unitsOf("nobody")).toEqual([]);
    expect(store.unitMembers("没有的单位")).toEqual([]);
    expect(store.listUnitMembers()).toEqual([
      { unitName: FINANCE, userId: ALICE, role: "admin", addedAt: "2025-03-01T09:30:00.000Z" },
      { unitName: FINANCE, userId: BOB, role: "member", addedAt: "2025-03-02T10:00:00.000Z" },
      { unitName: JINSHUI, userId: ALICE, role: "member", addedAt: "2025-03-01T08:00:00.000Z" },
    ]);
  });

  it("removes a membership once: true, then false; other units stay", () => {
    store.addUnitMember(JINSHUI, ALICE, "member", t0);
    store.addUnitMember(FINANCE, ALICE, "member", t0);
    expect(store.removeUnitMember(JINSHUI, ALICE)).toBe(true);
    expect(store.removeUnitMember(JINSHUI, ALICE)).toBe(false);
    expect(store.removeUnitMember(JINSHUI, "nobody")).toBe(false);
    expect(store.unitsOf(ALICE)).toEqual([FINANCE]);
    expect(store.unitMembers(JINSHUI)).toEqual([]);
  });

  it("names the table when a stored role is not one it knows", () => {
    store.addUnitMember(JINSHUI, ALICE, "member", t0);
    db.exec("PRAGMA ignore_check_constraints = ON; UPDATE unit_members SET role = 'boss'");
    expect(() => store.unitMembers(JINSHUI)).toThrow(
      `数据库表 unit_members 中的行（unit_name = ${JINSHUI}）已损坏：`,
    );
  });
});

describe("canAccess and listReports", () => {
  // Listed newest first: a2 (t2), then n1 and b1 (both t1; n1 was created later), then a1 (t0).
  beforeEach(() => {
    reportOf("a1", "creatorA", JINSHUI, t0);
    reportOf("b1", "creatorB", FINANCE, t1);
    reportOf("a2", "creatorA", JINSHUI, t2);
    reportOf("n1", "creatorA", null, t1);
  });

  it("lets a unit member open the reports of their unit and not another unit's", () => {
    store.addUnitMember(JINSHUI, ALICE, "member", t0);
    expect(store.canAccess("a1", ALICE)).toBe(true);
    expect(store.canAccess("a2", ALICE)).toBe(true);
    expect(store.canAccess("b1", ALICE)).toBe(false);
    expect(store.canAccess("n1", ALICE)).toBe(false);
    expect(store.isMember("a1", ALICE)).toBe(false);
    expect(store.listReports(ALICE).map((r) => r.id)).toEqual(["a2", "a1"]);
  });

  it("takes the unit's reports away again when the membership is removed", () => {
    store.addUnitMember(FINANCE, ALICE, "admin", t0);
    expect(store.listReports(ALICE).map((r) => r.id)).toEqual(["b1"]);
    expect(store.canAccess("b1", ALICE)).toBe(true);
    expect(store.removeUnitMember(FINANCE, ALICE)).toBe(true);
    expect(store.listReports(ALICE)).toEqual([]);
    expect(store.canAccess("b1", ALICE)).toBe(false);
  });

  it("still shows the creator their own report whose unit is another unit", () => {
    store.addUnitMember(FINANCE, "creatorA", "member", t0);
    expect(store.canAccess("a1", "creatorA")).toBe(true);
    expect(store.canAccess("n1", "creatorA")).toBe(true);
    expect(store.listReports("creatorA").map((r) => r.id)).toEqual(["a2", "n1", "b1", "a1"]);
    expect(store.listReports("creatorB").map((r) => r.id)).toEqual(["b1"]);
  });

  it("lists a report reachable both as member and through the unit once", () => {
    store.addUnitMember(JINSHUI, "creatorA", "admin", t0);
    store.addUnitMember(JINSHUI, ALICE, "member", t0);
    store.addMember("a1", ALICE, "editor");
    expect(store.listReports("creatorA").map((r) => r.id)).toEqual(["a2", "n1", "a1"]);
    expect(store.listReports(ALICE).map((r) => r.id)).toEqual(["a2", "a1"]);
  });

  it("grants a report by member role alone to a user in no unit", () => {
    store.ensureUser(BOB, undefined, t0);
    store.addMember("b1", BOB, "viewer");
    expect(store.canAccess("b1", BOB)).toBe(true);
    expect(store.canAccess("a1", BOB)).toBe(false);
    expect(store.listReports(BOB).map((r) => r.id)).toEqual(["b1"]);
  });

  it("follows a report to its new unit when its unit name changes", () => {
    store.addUnitMember(JINSHUI, ALICE, "member", t0);
    reportOf("x", "creatorB", FINANCE, t0);
    expect(store.canAccess("x", ALICE)).toBe(false);
    store.saveReport({
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
    expect(store.getReport("x")?.unitName).toBe(JINSHUI);
    expect(store.canAccess("x", ALICE)).toBe(true);
    expect(store.listReports(ALICE).map((r) => r.id)).toEqual(["x", "a2", "a1"]);
  });

  it("is false for a report that does not exist and keeps listReports() as all reports", () => {
    store.addUnitMember(JINSHUI, ALICE, "member", t0);
    expect(store.canAccess("nope", ALICE)).toBe(false);
    expect(store.listReports().map((r) => r.id)).toEqual(["a2", "n1", "b1", "a1"]);
  });
});
