import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckedReport } from "../../../src/adapters/cli/check-command.ts";
import type { CorpusDocumentInfo } from "../../../src/storage/corpus-store.ts";
import { writeZip } from "../../importing/files/zip-writer.ts";
import { run, writeIn } from "./cli-harness.ts";
import { plantedReport } from "./planted-report.ts";

/**
 * `ziping corpus seeds | add | list` on temp databases: what the seeds put in, that adding the same
 * text again adds nothing, that one unreadable file leaves the corpus as it was, and that `check`
 * searches a corpus database given by `--corpus` or found at `--db`.
 */

const root = join(import.meta.dirname, "../../..");
const SEED_DIR = join(root, "fixtures/seeds");
const SEED = {
  s000: join(SEED_DIR, "000_0839647822e00506.txt"),
  s001: join(SEED_DIR, "001_ed109474d837ba6d.txt"),
  s003: join(SEED_DIR, "003_3bc036a0d1488051.txt"),
};

const dir = mkdtempSync(join(tmpdir(), "ziping-corpus-"));
let dbCount = 0;
/** A fresh database path in the temp dir (not created until a command opens it). */
function newDb(): string {
  dbCount += 1;
  return join(dir, `corpus-${dbCount}.db`);
}

async function list(db: string): Promise<CorpusDocumentInfo[]> {
  const r = await run("corpus", "list", "--db", db, "--json");
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as CorpusDocumentInfo[];
}

/** A database holding the five seed reports. */
async function seededDb(): Promise<string> {
  const db = newDb();
  const r = await run("corpus", "seeds", "--db", db);
  expect(r.code).toBe(0);
  return db;
}

const write = (name: string, data: string | Uint8Array): string => writeIn(dir, name, data);

/** The report text of seed 001 as another year's report: a readable report no seed holds. */
const goodText = (): string => readFileSync(SEED.s001, "utf8").replaceAll("2021", "2022");

/** A path as a literal in a regular expression. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("corpus seeds and list", () => {
  it("seeds adds the five seed reports (seed 003's annex 自评表 is its own report)", async () => {
    const db = newDb();
    const r = await run("corpus", "seeds", "--db", db);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out.split("\n")).toEqual([
      `已加入：郑州市金水区电子政务中心 2021年度（${SEED.s000}（主报告））`,
      `已加入：金水区智慧城市管理中心 2021年度（${SEED.s001}（主报告））`,
      `已加入：管城回族区政务服务和大数管理局 2022年度（${join(SEED_DIR, "002_65c9de34f8230d6c.txt")}（主报告））`,
      `已加入：浏阳市数据资源中心 2020年度（${SEED.s003}（主报告））`,
      `已加入：浏阳市数据资源中心 2020年度（${SEED.s003}（2020年项目支出绩效自评表））`,
      `语料库（${db}）现有 5 份报告。`,
    ]);
    const docs = await list(db);
    expect(docs.map((d) => [d.id, d.agency, d.year, d.kind, d.chars, basename(d.source ?? "")])).toEqual([
      [1, "郑州市金水区电子政务中心", 2021, "department", 2272, "000_0839647822e00506.txt"],
      [2, "金水区智慧城市管理中心", 2021, "department", 2324, "001_ed109474d837ba6d.txt"],
      [3, "管城回族区政务服务和大数管理局", 2022, "department", 7449, "002_65c9de34f8230d6c.txt"],
      [4, "浏阳市数据资源中心", 2020, "department", 6800, "003_3bc036a0d1488051.txt"],
      [5, "浏阳市数据资源中心", 2020, "project", 240, "003_3bc036a0d1488051.txt"],
    ]);
    expect(docs.map((d) => d.title)).toEqual([
      `${SEED.s000}（主报告）`,
      `${SEED.s001}（主报告）`,
      `${join(SEED_DIR, "002_65c9de34f8230d6c.txt")}（主报告）`,
      `${SEED.s003}（主报告）`,
      `${SEED.s003}（2020年项目支出绩效自评表）`,
    ]);
    for (const d of docs) expect(Number.isNaN(Date.parse(d.addedAt))).toBe(false);
  });

  it("lists as a table in text", async () => {
    const r = await run("corpus", "list", "--db", await seededDb());
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^编号\s+单位\s+年度\s+字数\s+来源$/);
    expect(lines[1]).toMatch(/^1\s+郑州市金水区电子政务中心\s+2021\s+2272\s+\/.*000_0839647822e00506\.txt$/);
    expect(lines.at(-1)).toBe("共 5 份。");
  });

  it("an empty corpus says how to fill it", async () => {
    const r = await run("corpus", "list", "--db", newDb());
    expect([r.code, r.out]).toEqual([
      0,
      "语料库是空的。用 ziping corpus add <报告文件> 加入，或 ziping corpus seeds 加入示例报告。",
    ]);
    expect(await list(newDb())).toEqual([]);
  });

  it("the same texts again add nothing: seeds twice, the seed folder, a renamed copy", async () => {
    const db = await seededDb();
    const before = await list(db);
    const again = await run("corpus", "seeds", "--db", db);
    expect(again.code).toBe(0);
    expect(again.out.match(/^已在语料库中：/gm)).toHaveLength(5);
    expect(again.out).not.toContain("已加入");
    expect(again.out).toContain("现有 5 份报告。");
    const folder = await run("corpus", "add", SEED_DIR, "--db", db);
    expect(folder.code).toBe(0);
    expect(folder.out.match(/^已在语料库中：/gm)).toHaveLength(5);
    const copy = join(dir, "电子政务中心副本.txt");
    copyFileSync(SEED.s000, copy);
    const renamed = await run("corpus", "add", copy, "--db", db);
    expect(renamed.out.split("\n")).toEqual([
      `已在语料库中：郑州市金水区电子政务中心 2021年度（${copy}（主报告））`,
      `语料库（${db}）现有 5 份报告。`,
    ]);
    expect(await list(db)).toEqual(before);
  });

  it("adds a new report, a report JSON, and only once", async () => {
    const db = await seededDb();
    const good = write("good.txt", goodText());
    const json = write("planted.json", plantedReport());
    const r = await run("corpus", "add", good, json, "--db", db);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")).toEqual([
      `已加入：金水区智慧城市管理中心 2022年度（${good}（主报告））`,
      `已加入：某县农业农村局 2021年度（${json}）`,
      `语料库（${db}）现有 7 份报告。`,
    ]);
    const docs = await list(db);
    expect(docs.slice(5).map((d) => [d.id, d.agency, d.year, d.kind, d.source])).toEqual([
      [6, "金水区智慧城市管理中心", 2022, "department", good],
      [7, "某县农业农村局", 2021, "department", json],
    ]);
    const again = await run("corpus", "add", good, json, "--db", db);
    expect(again.out).toContain("现有 7 份报告。");
    expect(again.out).not.toContain("已加入");
  });
});

describe("nothing half-written: one unreadable file leaves the corpus as it was", () => {
  it("corpus add good.txt bad.docx exits 2, names bad.docx, and adds neither", async () => {
    const db = await seededDb();
    const before = await list(db);
    const good = write("good-then-bad.txt", goodText());
    const bad = write("bad.docx", Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) % 256)));
    const r = await run("corpus", "add", good, bad, "--db", db);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^文件 bad\.docx 不是有效的 Word 文件：\.docx 文件应是 zip 压缩包/);
    expect(r.err.split("\n").at(-1)).toBe("语料库没有改动。");
    expect(await list(db)).toEqual(before);
    // The good file alone is added: it was the bad one that stopped it.
    const alone = await run("corpus", "add", good, "--db", db);
    expect([alone.code, alone.out.split("\n")[0]]).toEqual([
      0,
      `已加入：金水区智慧城市管理中心 2022年度（${good}（主报告））`,
    ]);
  });

  it("a folder holding a good and a bad file adds nothing; a fresh database stays empty", async () => {
    const folder = join(dir, "folder");
    mkdirSync(folder);
    write("folder/a-good.txt", goodText());
    write("folder/b-bad.docx", "这不是 Word 文件");
    const db = newDb();
    const r = await run("corpus", "add", folder, "--db", db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^文件 b-bad\.docx 不是有效的 Word 文件/);
    expect(await list(db)).toEqual([]);
  });

  it("a report with no narrative text (tables alone) is read but not added, and said so", async () => {
    const db = newDb();
    const tables = write(
      "tables-only.json",
      JSON.stringify({ kind: "department", unit: { name: "某县统计局" }, year: 2022, narrative: [] }),
    );
    const r = await run("corpus", "add", tables, SEED.s000, "--db", db);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")).toEqual([
      `未加入（没有叙述文字，无从比对）：${tables}`,
      `已加入：郑州市金水区电子政务中心 2021年度（${SEED.s000}（主报告））`,
      `语料库（${db}）现有 1 份报告。`,
    ]);
  });

  it("names every file that cannot be added in one run, and how many could", async () => {
    const folder = join(dir, "several-bad");
    mkdirSync(folder);
    write("several-bad/a-good.txt", goodText());
    write("several-bad/b-bad.docx", "这不是 Word 文件");
    write("several-bad/c-hello.txt", "你好");
    const db = newDb();
    const r = await run("corpus", "add", folder, "--db", db);
    expect(r.code).toBe(2);
    const lines = r.err.split("\n");
    expect(lines[0]).toMatch(/^文件 b-bad\.docx 不是有效的 Word 文件/);
    expect(lines.filter((l) => l.startsWith("c-hello.txt（主报告）读出的内容不符合要求"))).toHaveLength(1);
    expect(lines.slice(-2)).toEqual([
      "共 3 个文件：1 个可以加入，2 个不能（见上）。加入是整批的：请补全或移走上面的文件后重新运行，例如报告缺单位名称时在正文开头写明单位全称；或加 --skip-unreadable 只加入能读的 1 个。",
      "语料库没有改动。",
    ]);
    expect(await list(db)).toEqual([]);
    // --skip-unreadable: the readable one is added, the others are named with their reasons.
    const skip = await run("corpus", "add", folder, "--skip-unreadable", "--db", db);
    expect(skip.code).toBe(0);
    const out = skip.out.split("\n");
    expect(out.filter((l) => l.startsWith("未加入（读不了）："))).toHaveLength(2);
    expect(out.slice(-2)).toEqual([
      `已加入：金水区智慧城市管理中心 2022年度（${join(folder, "a-good.txt")}（主报告））`,
      `语料库（${db}）现有 1 份报告。`,
    ]);
    expect((await list(db)).map((d) => d.agency)).toEqual(["金水区智慧城市管理中心"]);
  });

  it("a folder with no report files is refused with an example", async () => {
    const empty = join(dir, "no-reports");
    mkdirSync(empty);
    write("no-reports/notes.odt", "PK");
    const db = newDb();
    const r = await run("corpus", "add", empty, "--db", db);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "没有找到报告文件（.txt .md .docx .xlsx .pdf .json）。例如：ziping corpus add 报告文件夹/",
    );
    expect(db).not.toSatisfy(existsSync);
  });

  it("corpus without a known subcommand or without files shows the usage", async () => {
    for (const argv of [["corpus"], ["corpus", "add"], ["corpus", "remove", "1"]]) {
      const r = await run(...argv, "--db", newDb());
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^用法：ziping corpus add <报告文件或文件夹\.\.\.> \| ziping corpus list/);
    }
  });
});

describe("bad files given to corpus add: exit 2, the file named, the corpus unchanged", () => {
  const MB = 1024 * 1024;
  let db = "";
  let before: CorpusDocumentInfo[] = [];
  let files: Record<string, string> = {};

  beforeAll(async () => {
    db = await seededDb();
    before = await list(db);
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    files = {
      binary: write("改了扩展名.docx", random),
      bomb: write(
        "炸弹.docx",
        writeZip([
          { name: "[Content_Types].xml", data: "<Types/>" },
          { name: "word/document.xml", data: new Uint8Array(3 * MB), declaredSize: 2048 },
        ]),
      ),
      huge: write("巨大.txt", Buffer.alloc(50 * MB, 0x61)),
      empty: write("空.txt", ""),
      xls: write(
        "旧表.xls",
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random]),
      ),
      hello: write("你好.txt", "你好"),
    };
  });

  afterAll(() => {
    for (const path of Object.values(files)) rmSync(path, { force: true });
  });

  it.each([
    ["a binary file renamed .docx", "binary", /^文件 改了扩展名\.docx 不是有效的 Word 文件/],
    [
      "a zip bomb",
      "bomb",
      /^文件 炸弹\.docx 解压后的内容异常巨大（其中 word\/document\.xml 的压缩比超过 200 倍/,
    ],
    ["a 50 MB .txt", "huge", /^文件 巨大\.txt 有 50 MB，超过文本文件的上限 5 MB/],
    ["an empty file", "empty", /^文件 空\.txt 是空的/],
    ["an .xls", "xls", /^文件 旧表\.xls 是旧版 Excel 97-2003 格式（\.xls），无法读取/],
    [
      "a .txt with no report in it",
      "hello",
      /^你好\.txt（主报告）读出的内容不符合要求：\n {2}- 报告类型应为部门整体或项目支出[\s\S]*\n {2}- 没有单位名称[\s\S]*\n {2}- 年度应为四位年份/,
    ],
  ])("%s", async (_name, key, message) => {
    const r = await run("corpus", "add", SEED.s000, files[key] ?? "", "--db", db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/\n语料库没有改动。$/);
    expect(r.out).toBe("");
    expect(await list(db)).toEqual(before);
  });

  it("a missing file: 找不到文件, nothing added", async () => {
    const missing = join(dir, "不存在.txt");
    const r = await run("corpus", "add", SEED.s000, missing, "--db", db);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain("内部错误");
    expect(r.err).toMatch(new RegExp(`^找不到文件 ${literal(missing)}。请检查路径`));
    expect(r.err).toMatch(/\n语料库没有改动。$/);
    expect(r.out).toBe("");
    expect(await list(db)).toEqual(before);
  });
});

describe("check uses a corpus database", () => {
  it("check --corpus tmp.db finds the planted copy in the seeds, naming the source report", async () => {
    const db = await seededDb();
    const planted = write("planted-check.json", plantedReport());
    const r = await run("check", planted, "--corpus", db, "--json", "--db", join(dir, "none.db"));
    expect(r.code).toBe(0);
    const [checked] = JSON.parse(r.out) as CheckedReport[];
    const copies = checked?.findings.filter((f) => f.code === "copy.cross_report") ?? [];
    expect(copies.map((f) => [f.severity, f.where.path, f.actual])).toEqual([
      ["error", "narrative[0]", "与郑州市金水区电子政务中心的报告相同"],
    ]);
    expect(copies[0]?.message).toContain(`郑州市金水区电子政务中心2021年度的报告（${SEED.s000}（主报告））`);
    const text = await run("check", planted, "--corpus", db, "--db", join(dir, "none.db"));
    expect(text.out.split("\n")[0]).toBe("对照语料库：5 份报告");
  });

  it("without --corpus, the --db database is the corpus when it holds reports", async () => {
    const db = await seededDb();
    const planted = write("planted-db.json", plantedReport());
    const r = await run("check", planted, "--db", db);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("对照语料库：5 份报告");
    expect(r.out).toContain("[错误] copy.cross_report  （一）部门年度履职目标及主要任务");
    const empty = newDb();
    await run("corpus", "list", "--db", empty);
    const none = await run("check", planted, "--db", empty, "--json");
    const [checked] = JSON.parse(none.out) as CheckedReport[];
    expect(checked?.findings.filter((f) => f.code === "copy.cross_report")).toEqual([]);
  });

  it("a report in the corpus is not its own copy: the seeds checked against the seeded corpus", async () => {
    const db = await seededDb();
    const r = await run("check", SEED.s000, SEED.s001, SEED.s003, "--corpus", db, "--json", "--db", db);
    expect(r.code).toBe(0);
    const checked = JSON.parse(r.out) as CheckedReport[];
    expect(checked).toHaveLength(4);
    expect(checked.flatMap((c) => c.findings.filter((f) => f.code === "copy.cross_report"))).toEqual([]);
  });

  it("a --corpus that does not exist is bad input", async () => {
    const missing = join(dir, "nowhere.db");
    const r = await run("check", SEED.s000, "--corpus", missing, "--db", newDb());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^找不到语料库 ${literal(missing)}。`));
    expect(missing).not.toSatisfy(existsSync);
  });
});
