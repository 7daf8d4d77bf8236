import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, Store } from "../../../src/storage/index.ts";
import { run, writeIn } from "./cli-harness.ts";

/** `ziping export <id> --with-events` and `ziping import-report`: a whole report, events included, round-trips. */

const dir = mkdtempSync(join(tmpdir(), "ziping-archive-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const t1 = new Date("2026-11-30T09:00:00.000Z");
const t2 = new Date("2026-12-01T10:30:00.000Z");

async function seed(path: string): Promise<void> {
  const store = new Store(openDatabase(path));
  await store.ensureUser("liu", "刘", t1);
  await store.ensureUser("wang", "王", t1);
  await store.createReport({
    id: "r0000000a",
    createdBy: "liu",
    doc: { unit: { name: "南县财政局" } },
    now: t1,
  });
  await store.addMember("r0000000a", "wang", "editor");
  await store.saveReport({
    id: "r0000000a",
    doc: { unit: { name: "南县财政局" }, year: 2025 },
    unitName: "南县财政局",
    year: 2025,
    kind: "department",
    progressDone: 2,
    progressTotal: 9,
    score: 61.5,
    grade: "差",
    now: t2,
  });
  await store.appendEvent({
    reportId: "r0000000a",
    userId: "liu",
    messageId: "cli:liu:1",
    at: t1,
    kind: "answer",
    summary: "单位名称",
    changes: [{ path: "unit.name", after: "南县财政局" }],
  });
  await store.appendEvent({
    reportId: "r0000000a",
    userId: "wang",
    messageId: null,
    at: t2,
    kind: "answer",
    summary: "年度",
    changes: [{ path: "year", after: 2025 }],
  });
  store.close();
}

async function snapshot(path: string) {
  const store = new Store(openDatabase(path));
  try {
    return {
      report: await store.getReport("r0000000a"),
      events: await store.listEvents("r0000000a"),
      wang: await store.isMember("r0000000a", "wang"),
    };
  } finally {
    store.close();
  }
}

describe("a whole report with its events", () => {
  it("is exported with --with-events and loaded back into another database unchanged", async () => {
    const a = join(dir, "a.db");
    await seed(a);
    const exported = await run("export", "r0000000a", "--with-events", "--db", a);
    expect(exported.code).toBe(0);
    const archive = JSON.parse(exported.out);
    expect([archive.format, archive.report.id, archive.members, archive.events.length]).toEqual([
      "ziping-report-archive",
      "r0000000a",
      [
        { userId: "liu", role: "owner" },
        { userId: "wang", role: "editor" },
      ],
      2,
    ]);
    const file = writeIn(dir, "r0000000a.json", exported.out);
    const b = join(dir, "b.db");
    expect(await run("import-report", file, "--db", b)).toEqual({
      code: 0,
      out: `已导入报告 r0000000a（南县财政局，2025年度）及修改记录 2 条到 ${b}。`,
      err: "",
    });
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect((await snapshot(b)).events.map((e) => [e.seq, e.userId, e.summary, e.at])).toEqual([
      [1, "liu", "单位名称", "2026-11-30T09:00:00.000Z"],
      [2, "wang", "年度", "2026-12-01T10:30:00.000Z"],
    ]);
  });

  it("refuses an id already in the database, in Chinese, and changes nothing", async () => {
    const a = join(dir, "dup.db");
    await seed(a);
    const file = writeIn(dir, "dup.json", (await run("export", "r0000000a", "--with-events", "--db", a)).out);
    const before = await snapshot(a);
    expect(await run("import-report", file, "--db", a)).toEqual({
      code: 2,
      out: "",
      err: "报告编号 r0000000a 已在数据库中（南县财政局，2025年度），未导入，数据库没有改动。同一编号的报告不能导入两次；要查看文件中的版本，可导入另一个数据库，例如 ziping import-report 报告.json --db /tmp/另一个.db。",
    });
    expect(await snapshot(a)).toEqual(before);
  });

  it("tells a plain export, a broken file and a gap in the event log apart", async () => {
    const a = join(dir, "c.db");
    await seed(a);
    const plain = writeIn(dir, "plain.json", (await run("export", "r0000000a", "--db", a)).out);
    expect((await run("import-report", plain, "--db", join(dir, "x.db"))).err).toBe(
      `${plain} 只有报告内容（ziping export 不加 --with-events 的输出），没有编号和修改记录，不能作为整份报告导入。请用 ziping export r1a2b3c4d --with-events > 报告.json 导出后再导入。`,
    );
    const archive = JSON.parse((await run("export", "r0000000a", "--with-events", "--db", a)).out);
    const broken = writeIn(
      dir,
      "broken.json",
      JSON.stringify({ ...archive, events: [{ ...archive.events[0], at: "昨天" }] }),
    );
    expect((await run("import-report", broken, "--db", join(dir, "x.db"))).err).toBe(
      `${broken} 不是完整的报告导出：修改记录的第 1 条的时间不符合要求。请用 ziping export r1a2b3c4d --with-events > 报告.json 导出的文件。`,
    );
    const gap = writeIn(dir, "gap.json", JSON.stringify({ ...archive, events: archive.events.slice(1) }));
    expect((await run("import-report", gap, "--db", join(dir, "x.db"))).err).toBe(
      `${gap} 的修改记录序号应为 1、2、3……连续排列（读到 2）：修改记录不完整，未导入。`,
    );
    expect(readFileSync(plain, "utf8")).toContain('"name": "南县财政局"');
  });
});
