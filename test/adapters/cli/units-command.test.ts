import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UNITS_USAGE } from "../../../src/adapters/cli/units-command.ts";
import { openDatabase, Store } from "../../../src/storage/index.ts";
import { run } from "./cli-harness.ts";

/**
 * `ziping units add | remove | list` on temp databases: what each prints, that a membership added
 * here opens the unit's reports to the user, and the Chinese usage errors (exit 2).
 */

const JINSHUI = "郑州市金水区电子政务中心";
const FINANCE = "某某区财政局";
const ALICE = "slack:T0123:U0456";
const BOB = "slack:T0123:U0789";

const dir = mkdtempSync(join(tmpdir(), "ziping-units-"));
let dbCount = 0;
/** A fresh database path in the temp dir (not created until a command opens it). */
function newDb(): string {
  dbCount += 1;
  return join(dir, `units-${dbCount}.db`);
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `ziping units …` on `db` and expects it to succeed. */
async function units(db: string, ...args: string[]): Promise<string[]> {
  const r = await run("units", ...args, "--db", db);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return r.out.split("\n");
}

describe("ziping units add", () => {
  it("adds a member, then says so when the same add changes nothing", async () => {
    const db = newDb();
    expect(await units(db, "add", JINSHUI, ALICE)).toEqual([
      `已将 ${ALICE} 加入单位“${JINSHUI}”，角色：成员。`,
    ]);
    expect(await units(db, "add", JINSHUI, ALICE)).toEqual([
      `${ALICE} 已是单位“${JINSHUI}”的成员，未作改动。`,
    ]);
  });

  it("adds an admin with --admin and changes a member's role both ways", async () => {
    const db = newDb();
    expect(await units(db, "add", "--admin", JINSHUI, "liu")).toEqual([
      `已将 liu 加入单位“${JINSHUI}”，角色：管理员。`,
    ]);
    expect(await units(db, "add", JINSHUI, "liu")).toEqual([
      `已将 liu 在单位“${JINSHUI}”的角色由管理员改为成员。`,
    ]);
    expect(await units(db, "add", JINSHUI, "liu", "--admin")).toEqual([
      `已将 liu 在单位“${JINSHUI}”的角色由成员改为管理员。`,
    ]);
  });

  it("trims the unit name and gives the member the reports of that unit", async () => {
    const db = newDb();
    const store = new Store(openDatabase(db));
    const now = new Date("2025-03-01T08:00:00.000Z");
    await store.ensureUser("liu", undefined, now);
    await store.createReport({ id: "r1", createdBy: "liu", doc: {}, now });
    await store.saveReport({
      id: "r1",
      doc: {},
      unitName: JINSHUI,
      year: 2024,
      kind: "department",
      progressDone: 0,
      progressTotal: 0,
      score: null,
      grade: null,
      now,
    });
    store.close();

    expect(await units(db, "add", `  ${JINSHUI} `, ALICE)).toEqual([
      `已将 ${ALICE} 加入单位“${JINSHUI}”，角色：成员。`,
    ]);
    const after = new Store(openDatabase(db));
    expect(await after.canAccess("r1", ALICE)).toBe(true);
    expect((await after.listReports(ALICE)).map((r) => r.id)).toEqual(["r1"]);
    after.close();
  });
});

describe("ziping units remove", () => {
  it("removes a membership and refuses, exit 2, to remove it twice", async () => {
    const db = newDb();
    await units(db, "add", JINSHUI, ALICE);
    expect(await units(db, "remove", JINSHUI, ALICE)).toEqual([`已将 ${ALICE} 移出单位“${JINSHUI}”。`]);
    const again = await run("units", "remove", JINSHUI, ALICE, "--db", db);
    expect(again).toEqual({
      code: 2,
      out: "",
      err: `${ALICE} 不是单位“${JINSHUI}”的成员，没有可移除的成员关系。用 ziping units list ${ALICE} 查看该用户所属的单位。`,
    });
    expect(await units(db, "list", ALICE)).toEqual([
      `${ALICE} 不属于任何单位。加入单位：ziping units add ${JINSHUI} ${ALICE}`,
    ]);
  });
});

describe("ziping units list", () => {
  it("says so when there are no unit members", async () => {
    expect(await units(newDb(), "list")).toEqual([
      `还没有单位成员。例如：ziping units add ${JINSHUI} ${ALICE}`,
    ]);
  });

  it("lists a user's units, and every unit with its members as a table", async () => {
    const db = newDb();
    await units(db, "add", JINSHUI, ALICE);
    await units(db, "add", FINANCE, ALICE, "--admin");
    await units(db, "add", FINANCE, BOB);
    expect(await units(db, "list", ALICE)).toEqual([
      `${ALICE} 属于 2 个单位：`,
      `  ${FINANCE}`,
      `  ${JINSHUI}`,
    ]);
    expect(await units(db, "list", BOB)).toEqual([`${BOB} 属于 1 个单位：`, `  ${FINANCE}`]);
    expect(await units(db, "list")).toEqual([
      "【单位成员】",
      "单位                      用户编号           角色",
      "────────────────────────  ─────────────────  ──────",
      "某某区财政局              slack:T0123:U0456  管理员",
      "某某区财政局              slack:T0123:U0789  成员",
      "郑州市金水区电子政务中心  slack:T0123:U0456  成员",
      "共 2 个单位，3 条成员关系。",
    ]);
  });
});

describe("ziping units usage errors (exit 2, nothing written)", () => {
  const EXAMPLE = `例如：ziping units add ${JINSHUI} ${ALICE}`;
  const cases: [string[], string][] = [
    [[], `ziping units 需要 add、remove 或 list。${EXAMPLE}`],
    [["join"], `ziping units 需要 add、remove 或 list（读到“join”）。${EXAMPLE}`],
    [["add"], `ziping units add 缺少 <单位名称>：应为报告中填写的单位全称。${EXAMPLE}`],
    [["add", "  "], `ziping units add 缺少 <单位名称>：应为报告中填写的单位全称。${EXAMPLE}`],
    [
      ["add", JINSHUI],
      `ziping units add 缺少 <用户编号>：应为 slack:团队编号:用户编号 或终端登录名。${EXAMPLE}`,
    ],
    [
      ["add", JINSHUI, "slack:T0123"],
      `<用户编号>“slack:T0123”不是 Slack 用户编号的写法：应为 slack:团队编号:用户编号（大写字母和数字）。${EXAMPLE}`,
    ],
    [
      ["add", "郑州市", "金水区电子政务中心", ALICE],
      `ziping units add 多了参数“${ALICE}”：<单位名称> 中有空格时请加引号。${EXAMPLE}`,
    ],
    [
      ["remove", JINSHUI],
      `ziping units remove 缺少 <用户编号>：应为 slack:团队编号:用户编号 或终端登录名。例如：ziping units remove ${JINSHUI} ${ALICE}`,
    ],
    [
      ["remove", JINSHUI, ALICE, "--admin"],
      `--admin 只能用于 ziping units add。例如：ziping units add ${JINSHUI} ${ALICE} --admin`,
    ],
    [
      ["list", ALICE, BOB],
      `ziping units list 多了参数“${BOB}”：最多写一个 <用户编号>。例如：ziping units list ${ALICE}`,
    ],
    [
      ["list", "slack:t0123:u0456"],
      `<用户编号>“slack:t0123:u0456”不是 Slack 用户编号的写法：应为 slack:团队编号:用户编号（大写字母和数字）。例如：ziping units list ${ALICE}`,
    ],
  ];

  it.each(cases)("ziping units %j", async (args, message) => {
    const db = newDb();
    expect(await run("units", ...args, "--db", db)).toEqual({
      code: 2,
      out: "",
      err: `${message}\n\n${UNITS_USAGE}`,
    });
  });

  it("leaves the database as it was after a refused add", async () => {
    const db = newDb();
    await units(db, "add", JINSHUI, ALICE);
    expect((await run("units", "add", JINSHUI, "slack:U1", "--db", db)).code).toBe(2);
    expect(await units(db, "list")).toEqual([
      "【单位成员】",
      "单位                      用户编号           角色",
      "────────────────────────  ─────────────────  ────",
      `${JINSHUI}  ${ALICE}  成员`,
      "共 1 个单位，1 条成员关系。",
    ]);
  });

  it("is listed in ziping --help", async () => {
    const r = await run("--help");
    expect(r.out.split("\n")).toEqual(
      expect.arrayContaining([
        "  ziping units   add <单位名称> <用户编号> [--admin] | remove <单位名称> <用户编号> | list [用户编号] [--db 路径]",
        "  npx ziping units add 郑州市金水区电子政务中心 slack:T0123:U0456",
      ]),
    );
  });
});
