import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { restoreCommand } from "../../../src/adapters/cli/backup-command.ts";
import { openDatabase, Store } from "../../../src/storage/index.ts";
import { run } from "./cli-harness.ts";

/** `ziping backup` and `ziping restore` from the command line. */

const dir = mkdtempSync(join(tmpdir(), "ziping-backup-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = new Date("2026-12-03T16:10:00.000Z");

async function seed(path: string, reports: number): Promise<void> {
  const store = new Store(openDatabase(path));
  await store.ensureUser("liu", "刘", now);
  for (let i = 1; i <= reports; i += 1) {
    await store.createReport({ id: `r0000000${i}`, createdBy: "liu", doc: {}, now });
    await store.appendEvent({
      reportId: `r0000000${i}`,
      userId: "liu",
      messageId: null,
      at: now,
      kind: "answer",
      summary: "年度目标",
      changes: [],
    });
  }
  store.close();
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe("ziping backup", () => {
  it("writes a checked copy with its counts, and refuses to overwrite it without --force", async () => {
    const db = join(dir, "b.db");
    await seed(db, 2);
    const copy = join(dir, "b-copy.db");
    expect(await run("backup", copy, "--db", db)).toEqual({
      code: 0,
      out: `已备份 ${db} 到 ${copy}，并核对备份可以打开：报告 2 份，事件 2 条，语料库文档 0 篇。`,
      err: "",
    });
    expect(await run("backup", copy, "--db", db)).toEqual({
      code: 2,
      out: "",
      err: `备份文件 ${copy} 已存在，未覆盖。请换一个文件名，或加 --force 覆盖，例如 ziping backup ${copy} --force。`,
    });
    expect((await run("backup", copy, "--force", "--db", db)).code).toBe(0);
    expect((await run("backup", "--db", db)).err.split("\n")[0]).toBe(
      "ziping backup 需要备份文件的路径，例如 ziping backup 备份/ziping-2026-12-03.db",
    );
    expect((await run("backup", "--help")).out.split("\n")[3]).toBe(
      "  ziping backup <备份文件> [--force] [--db 路径]",
    );
  });
});

describe("ziping restore", () => {
  it("needs --yes without a terminal, asks with the counts on one, and keeps the old database", async () => {
    const db = join(dir, "r.db");
    await seed(db, 3);
    const copy = join(dir, "r-copy.db");
    await seed(join(dir, "r-source.db"), 1);
    await run("backup", copy, "--db", join(dir, "r-source.db"));

    const script = capture();
    expect(await restoreCommand(script.io, copy, { db, yes: false, now })).toBe(2);
    expect(script.err).toEqual([
      `恢复会替换数据库 ${db}。不在终端中运行时须加 --yes 确认，例如 ziping restore ${copy} --yes。`,
    ]);

    const asked: string[] = [];
    const declined = capture();
    const no = async (q: string) => {
      asked.push(q);
      return false;
    };
    expect(await restoreCommand(declined.io, copy, { db, yes: false, now, confirm: no })).toBe(0);
    expect(asked).toEqual([
      `将用 ${copy}（报告 1 份，事件 1 条，语料库文档 0 篇）替换数据库 ${db}（现有报告 3 份，事件 3 条，语料库文档 0 篇）；当前数据库会先另存一份。确认恢复请输入“是”：`,
    ]);
    expect(declined.out).toEqual(["已取消，数据库没有改动。"]);

    const accepted = capture();
    expect(await restoreCommand(accepted.io, copy, { db, yes: false, now, confirm: async () => true })).toBe(
      0,
    );
    expect(accepted.out).toEqual([
      `已恢复：数据库 ${db} 现在是 ${copy} 的内容（报告 1 份，事件 1 条，语料库文档 0 篇）。原数据库已保存为 ${db}.before-restore-20261203T161000Z。`,
    ]);
    // From the command line with --yes, back to the kept database (the time is the real clock's).
    const kept = `${db}.before-restore-20261203T161000Z`;
    const r = await run("restore", kept, "--yes", "--db", db);
    expect(r.code).toBe(0);
    expect(r.out.replace(/before-restore-\d{8}T\d{6}Z。$/u, "before-restore-时间。")).toBe(
      `已恢复：数据库 ${db} 现在是 ${kept} 的内容（报告 3 份，事件 3 条，语料库文档 0 篇）。原数据库已保存为 ${db}.before-restore-时间。`,
    );
  });

  it("refuses a file that is not a ziping database", async () => {
    const r = await run("restore", join(dir, "missing.db"), "--yes", "--db", join(dir, "x.db"));
    expect(r).toEqual({ code: 2, out: "", err: `文件 ${join(dir, "missing.db")} 不存在。` });
  });
});
