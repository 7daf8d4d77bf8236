import { spawnSync } from "node:child_process";
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { adminRequired, cliAccess } from "../../../src/adapters/cli/cli-access.ts";
import { openDatabase, Store } from "../../../src/storage/index.ts";
import { run, runAs, writeIn } from "./cli-harness.ts";

/**
 * Several OS accounts on one county server sharing one database: each acts as their login name,
 * sees and exports only their own reports (or their unit's), and only an administrator (root, the
 * database file's owner, ZIPING_ADMINS) speaks for another user or runs `units`, `backup`,
 * `restore`, `import-report`. The suite itself runs as root or as the owner of its temp files: an
 * administrator, so every other CLI test keeps its `--user`.
 */

const dir = mkdtempSync(join(tmpdir(), "ziping-shared-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** Two ordinary accounts: neither root nor the owner of the databases this process creates. */
const ALICE = { name: "alice", uid: 4201 };
const BOB = { name: "bob", uid: 4202 };
const JINSHUI = "郑州市金水区电子政务中心";
const t = new Date("2026-12-01T09:00:00.000Z");

let dbCount = 0;
/** A database with alice's report r0000000a (金水区, 2021, 3/16) and bob's report r0000000b. */
async function sharedDb(): Promise<string> {
  dbCount += 1;
  const db = join(dir, `shared-${dbCount}.db`);
  const store = new Store(openDatabase(db));
  for (const [user, id, unit] of [
    ["alice", "r0000000a", JINSHUI],
    ["bob", "r0000000b", "南县财政局"],
  ] as const) {
    await store.ensureUser(user, undefined, t);
    await store.createReport({ id, createdBy: user, doc: { unit: { name: unit } }, now: t });
    await store.saveReport({
      id,
      doc: { unit: { name: unit }, year: 2021 },
      unitName: unit,
      year: 2021,
      kind: "department",
      progressDone: 3,
      progressTotal: 16,
      score: null,
      grade: null,
      now: t,
    });
  }
  store.close();
  return db;
}

/** The refusal of a report id bob may not open; the same for one that does not exist. */
function notFoundForBob(id: string, db: string): string {
  return [
    `没有找到您（bob）可以打开的报告“${id}”。用 ziping reports --db ${db} 查看您可以打开的报告的编号。`,
    "别的单位的报告要由管理员授权：ziping units add 〈单位名称〉 bob",
  ].join("\n");
}

describe("ziping chat on a shared machine", () => {
  it("refuses --user for another user to an ordinary account and writes nothing", async () => {
    const db = await sharedDb();
    const script = writeIn(dir, "hello.txt", "你好");
    const r = await runAs(ALICE, "chat", "--script", script, "--db", db, "--user", "bob", "--llm", "off");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      [
        "选项 --user bob：只有管理员可以用别人的身份对话，您以登录名 alice 运行。",
        `请去掉 --user，以您自己的身份填写，例如：npx ziping chat --db ${db}`,
        "要与同事合写一份报告，请管理员把您加入报告所属的单位：ziping units add 〈单位名称〉 alice",
      ].join("\n"),
    );
    const store = new Store(openDatabase(db));
    expect(await store.getConversation("cli:bob")).toBeUndefined();
    expect(await store.getProcessedMessage("script:bob:hello.txt:1")).toBeUndefined();
    store.close();
  });

  it("talks as the OS login name without --user (and with --user naming it)", async () => {
    const db = await sharedDb();
    const script = writeIn(dir, "hi.txt", "你好");
    const r = await runAs(ALICE, "chat", "--script", script, "--db", db, "--llm", "off");
    expect(r.code).toBe(0);
    expect(r.out).toContain(">>> [1/1] alice：");
    const same = await runAs(
      ALICE,
      "chat",
      "--script",
      script,
      "--db",
      db,
      "--user",
      "alice",
      "--llm",
      "off",
    );
    expect(same.code).toBe(0);
    const store = new Store(openDatabase(db));
    expect((await store.getConversation("cli:alice"))?.userId).toBe("alice");
    expect((await store.getProcessedMessage("script:alice:hi.txt:1"))?.conversationKey).toBe("cli:alice");
    store.close();
  });

  it("lets root speak for another user", async () => {
    const db = await sharedDb();
    const script = writeIn(dir, "hey.txt", "你好");
    const r = await run("chat", "--script", script, "--db", db, "--user", "bob", "--llm", "off");
    expect(r.code).toBe(0);
    expect(r.out).toContain(">>> [1/1] bob：");
  });
});

describe("ziping reports / export / draft on a shared machine", () => {
  it("lists only the caller's reports; an administrator sees all with their creator", async () => {
    const db = await sharedDb();
    const alice = await runAs(ALICE, "reports", "--db", db);
    expect(alice.code).toBe(0);
    expect(alice.out.split("\n")).toEqual([
      "【我的报告（回复“切换到报告 序号”继续填写）】",
      "序号  编号       单位                      年度  进度  得分",
      "────  ─────────  ────────────────────────  ────  ────  ────",
      `1     r0000000a  ${JINSHUI}  2021  3/16  —`,
    ]);
    const json = await runAs(BOB, "reports", "--db", db, "--json");
    expect(JSON.parse(json.out).map((row: { id: string }) => row.id)).toEqual(["r0000000b"]);
    const root = await run("reports", "--db", db);
    expect(root.out.split("\n")).toEqual([
      "【全部报告（管理员）】",
      "序号  编号       单位                      年度  进度  得分  创建人",
      "────  ─────────  ────────────────────────  ────  ────  ────  ──────",
      `1     r0000000b  南县财政局                2021  3/16  —     bob`,
      `2     r0000000a  ${JINSHUI}  2021  3/16  —     alice`,
    ]);
  });

  it("answers export, export --with-events and draft of another's report exactly as a missing one", async () => {
    const db = await sharedDb();
    for (const argv of [
      ["export", "r0000000a", "--db", db],
      ["export", "r0000000a", "--with-events", "--db", db],
      ["draft", "r0000000a", "--db", db, "--llm", "off", "--out", join(dir, "stolen.md")],
    ]) {
      const r = await runAs(BOB, ...argv);
      expect([r.code, r.out, r.err]).toEqual([2, "", notFoundForBob("r0000000a", db)]);
    }
    const missing = await runAs(BOB, "export", "r0000000z", "--db", db);
    expect(missing.err).toBe(notFoundForBob("r0000000z", db));
    expect(() => statSync(join(dir, "stolen.md"))).toThrow();
    const own = await runAs(BOB, "export", "r0000000b", "--db", db);
    expect([own.code, JSON.parse(own.out)]).toEqual([0, { unit: { name: "南县财政局" }, year: 2021 }]);
  });

  it("opens a unit's report to a member the administrator added", async () => {
    const db = await sharedDb();
    expect((await runAs(BOB, "export", "r0000000a", "--db", db)).code).toBe(2);
    const added = await run("units", "add", JINSHUI, "bob", "--db", db);
    expect(added.out).toBe(`已将 bob 加入单位“${JINSHUI}”，角色：成员。`);
    const r = await runAs(BOB, "export", "r0000000a", "--db", db);
    expect([r.code, JSON.parse(r.out)]).toEqual([0, { unit: { name: JINSHUI }, year: 2021 }]);
    const listed = await runAs(BOB, "reports", "--db", db, "--json");
    expect(JSON.parse(listed.out).map((row: { id: string }) => row.id)).toEqual(["r0000000b", "r0000000a"]);
  });
});

describe("administrator commands on a shared machine", () => {
  it("refuses units, backup, restore and import-report to an ordinary account, changing nothing", async () => {
    const db = await sharedDb();
    const cases: [string[], string][] = [
      [
        ["units", "add", JINSHUI, "bob"],
        `npx ziping units add 郑州市金水区电子政务中心 〈登录名〉 --db ${db}`,
      ],
      [["units", "list"], `npx ziping units add 郑州市金水区电子政务中心 〈登录名〉 --db ${db}`],
      [["backup", join(dir, "copy.db")], `npx ziping backup 备份/ziping-2026-12-03.db --db ${db}`],
      [["restore", join(dir, "copy.db"), "--yes"], `npx ziping restore 备份/ziping-2026-12-03.db --db ${db}`],
      [["import-report", join(dir, "r.json")], `npx ziping import-report r1a2b3c4d.json --db ${db}`],
    ];
    for (const [argv, example] of cases) {
      const r = await runAs(BOB, ...argv, "--db", db);
      expect([r.code, r.out]).toEqual([2, ""]);
      expect(r.err).toBe(
        [
          `ziping ${argv[0]} 只有管理员可以运行：root、数据库文件 ${db} 的所有者，或环境变量 ZIPING_ADMINS 中列出的登录名（您是 bob）。`,
          `请管理员代为运行，例如：${example}`,
        ].join("\n"),
      );
    }
    expect(() => statSync(join(dir, "copy.db"))).toThrow();
    const store = new Store(openDatabase(db));
    expect(await store.unitsOf("bob")).toEqual([]);
    store.close();
  });

  it("takes the login names in ZIPING_ADMINS as administrators", async () => {
    const db = await sharedDb();
    vi.stubEnv("ZIPING_ADMINS", "root, bob，carol");
    const r = await runAs(BOB, "units", "add", JINSHUI, "alice", "--db", db);
    expect([r.code, r.out]).toEqual([0, `已将 alice 加入单位“${JINSHUI}”，角色：成员。`]);
    expect((await runAs(BOB, "export", "r0000000a", "--db", db)).code).toBe(0);
    expect((await runAs(ALICE, "units", "list", "--db", db)).code).toBe(2);
  });

  it("refuses a ZIPING_ADMINS that is not a list of login names", async () => {
    vi.stubEnv("ZIPING_ADMINS", "root,张 三");
    const r = await runAs(BOB, "reports", "--db", await sharedDb());
    expect(r.code).toBe(2);
    expect(r.err.split("\n").slice(0, 3)).toEqual([
      "环境变量设置有误：",
      "  - ZIPING_ADMINS：ZIPING_ADMINS 应为逗号分隔的系统登录名（字母、数字、. _ -），例如 root,zhangsan",
      "请检查 .env 或 shell 中的设置（参见 .env.example）。",
    ]);
  });
});

describe("cliAccess", () => {
  it("makes root, the database file's owner and a listed name administrators, and nobody else", async () => {
    const db = await sharedDb();
    // The file's owner: this process, or (as root) an account the file is handed to.
    const ownerUid = process.getuid?.() === 0 ? 4203 : (process.getuid?.() ?? 4203);
    if (ownerUid === 4203) chownSync(db, 4203, 4203);
    expect(cliAccess({ name: "carol", uid: ownerUid }, db, [])).toEqual({ user: "carol", admin: true });
    expect(cliAccess({ name: "root", uid: 0 }, db, [])).toEqual({ user: "root", admin: true });
    expect(cliAccess(BOB, db, ["bob"])).toEqual({ user: "bob", admin: true });
    expect(cliAccess(BOB, db, ["alice"])).toEqual({ user: "bob", admin: false });
    // No user ids (Windows): the file's ACL alone decides who opens it.
    expect(cliAccess({ name: "officer", uid: -1 }, db, [])).toEqual({ user: "officer", admin: true });
    // No file yet: the caller creates it, so it is theirs.
    expect(cliAccess(BOB, join(dir, "not-yet.db"), [])).toEqual({ user: "bob", admin: true });
  });

  it("on PostgreSQL (DATABASE_URL) makes only root and listed names administrators: no file owner, no file yet", async () => {
    const db = await sharedDb();
    const ownerUid = process.getuid?.() === 0 ? 4203 : (process.getuid?.() ?? 4203);
    if (ownerUid === 4203) chownSync(db, 4203, 4203);
    expect(cliAccess({ name: "carol", uid: ownerUid }, db, [], true)).toEqual({
      user: "carol",
      admin: false,
      postgres: true,
    });
    expect(cliAccess(BOB, join(dir, "not-yet.db"), [], true)).toEqual({
      user: "bob",
      admin: false,
      postgres: true,
    });
    expect(cliAccess(BOB, db, ["bob"], true)).toEqual({ user: "bob", admin: true, postgres: true });
    expect(cliAccess({ name: "root", uid: 0 }, db, [], true)).toEqual({
      user: "root",
      admin: true,
      postgres: true,
    });
    expect(adminRequired("units", cliAccess(BOB, db, [], true), db).split("\n")[0]).toBe(
      "ziping units 只有管理员可以运行：root，或环境变量 ZIPING_ADMINS 中列出的登录名（数据在 PostgreSQL 中，没有可以看所有者的数据库文件）（您是 bob）。",
    );
  });
});

// A child process, so that the default out/ is under a folder of the test's own and the umask is
// the usual 022 (under which a file written without a mode is 0644, readable by every account).
describe("files ziping draft writes", { timeout: 60_000 }, () => {
  it("creates out/ 0700 and the drafts in it 0600 under umask 022", async () => {
    const cwd = join(dir, "draft-cwd");
    mkdirSync(cwd);
    const root = resolve(import.meta.dirname, "../../..");
    const r = spawnSync(
      "sh",
      ["-c", 'umask 022 && exec "$0" "$@"', process.execPath, join(root, "bin/ziping.js"), "draft"].concat([
        join(root, "fixtures/reports/seed-000.json"),
        "--llm",
        "off",
      ]),
      { cwd, encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual([
      "已写入：out/seed-000.md",
      "已写入：out/seed-000.docx",
    ]);
    expect(statSync(join(cwd, "out")).mode & 0o777).toBe(0o700);
    const files = readdirSync(join(cwd, "out")).sort();
    expect(files).toEqual(["seed-000.docx", "seed-000.md"]);
    expect(files.map((f) => statSync(join(cwd, "out", f)).mode & 0o777)).toEqual([0o600, 0o600]);
  });
});
