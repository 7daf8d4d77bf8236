import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorpusStore } from "../../src/storage/corpus-store.ts";
import {
  type Database,
  MIGRATIONS,
  migrate,
  openDatabase,
  StorageError,
  schemaVersion,
} from "../../src/storage/index.ts";
import { prng, randomText } from "../checks/copy/random-text.ts";

const t0 = new Date("2025-03-01T08:00:00.000Z");
const t1 = new Date("2025-03-02T09:00:00.000Z");
const random = prng(1234);
const shared = randomText(random, 90);
const textA = `${randomText(random, 400)}。${shared}。${randomText(random, 200)}`;
const textB = `${randomText(random, 300)}。${shared}`;

let db: Database;
let corpus: CorpusStore;
beforeEach(async () => {
  db = openDatabase(":memory:");
  corpus = new CorpusStore(db);
});
afterEach(() => db.close());

const printCount = () => db.prepare("SELECT count(*) FROM corpus_prints").pluck().get();

describe("CorpusStore.addDocument", () => {
  it("adds a document once: the same text again returns the stored id", async () => {
    const first = await corpus.addDocument({ agency: "甲单位", year: 2021, title: "甲", text: textA }, t0);
    const prints = printCount();
    expect(first).toEqual({ id: 1, added: true });
    expect(prints).toBeGreaterThan(50);
    expect(await corpus.addDocument({ agency: "乙单位", text: textA }, t1)).toEqual({ id: 1, added: false });
    expect(await corpus.documentCount()).toBe(1);
    expect(printCount()).toBe(prints);
  });

  it("refuses a document without agency or text, naming the field", async () => {
    await expect(corpus.addDocument({ agency: " ", text: textA }, t0)).rejects.toThrow(
      "语料第 1 篇文档不能加入：\n  - 字段 agency：缺少单位名称",
    );
    await expect(corpus.addDocument({ agency: "甲单位", text: "\n" }, t0)).rejects.toThrow(StorageError);
    expect(await corpus.documentCount()).toBe(0);
    expect(printCount()).toBe(0);
  });
});

describe("CorpusStore.addDocuments", () => {
  it("adds all in one transaction, in order", async () => {
    const results = await corpus.addDocuments(
      [
        { agency: "甲单位", text: textA },
        { agency: "乙单位", text: textB },
        { agency: "丙单位", text: textA },
      ],
      t0,
    );
    expect(results).toEqual([
      { id: 1, added: true },
      { id: 2, added: true },
      { id: 1, added: false },
    ]);
  });

  it("adds none when one is bad", async () => {
    const docs = [
      { agency: "甲单位", text: textA },
      { agency: "", text: textB },
    ];
    await expect(corpus.addDocuments(docs, t0)).rejects.toThrow(
      expect.objectContaining({ code: "storage.bad_document" }),
    );
    expect(await corpus.documentCount()).toBe(0);
    expect(printCount()).toBe(0);
  });
});

describe("CorpusStore.listDocuments", () => {
  it("lists every document without its text, oldest first", async () => {
    await corpus.addDocument(
      {
        agency: "甲单位",
        year: 2021,
        title: "甲报告",
        source: "a.docx",
        kind: "department",
        text: "短文。𠀀",
      },
      t0,
    );
    await corpus.addDocument({ agency: "乙单位", text: textB }, t1);
    expect(await corpus.listDocuments()).toEqual([
      {
        id: 1,
        agency: "甲单位",
        year: 2021,
        title: "甲报告",
        source: "a.docx",
        kind: "department",
        chars: 4,
        addedAt: "2025-03-01T08:00:00.000Z",
      },
      {
        id: 2,
        agency: "乙单位",
        year: null,
        title: null,
        source: null,
        kind: null,
        chars: textB.length,
        addedAt: "2025-03-02T09:00:00.000Z",
      },
    ]);
  });
});

describe("CorpusStore.findPassages", () => {
  beforeEach(async () => {
    await corpus.addDocument(
      { agency: "郑州市金水区电子政务中心", year: 2020, title: "去年", text: textA },
      t0,
    );
    await corpus.addDocument({ agency: "乙单位", year: 2021, text: textB }, t0);
  });

  it("finds the shared passage in both documents, with their sources", async () => {
    const query = `${randomText(prng(1), 200)}\n${shared}`;
    const found = await corpus.findPassages(query);
    expect(
      found.map((p) => [p.source, p.queryStart, p.queryEnd, p.sourceStart, p.sourceEnd, p.length]),
    ).toEqual([
      [{ id: 1, agency: "郑州市金水区电子政务中心", year: 2020, title: "去年" }, 201, 291, 401, 491, 90],
      [{ id: 2, agency: "乙单位", year: 2021, title: null }, 201, 291, 301, 391, 90],
    ]);
    expect(found[0]?.queryQuote).toBe(shared);
  });

  it("skips the query's own agency and excluded documents", async () => {
    const query = `${randomText(prng(1), 200)}\n${shared}`;
    expect(
      (await corpus.findPassages(query, { excludeAgency: "郑州市金水区电子政务中心" })).map(
        (p) => p.source.id,
      ),
    ).toEqual([2]);
    expect((await corpus.findPassages(query, { excludeDocIds: [2] })).map((p) => p.source.id)).toEqual([1]);
  });

  it("ignores boilerplate, and setBoilerplate replaces the list", async () => {
    const query = `${randomText(prng(1), 200)}\n${shared}`;
    corpus.setBoilerplate([shared]);
    expect(await corpus.findPassages(query)).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM corpus_boilerplate").pluck().get()).toBe(
      shared.replace(/[，。、；：]/g, "").length - 11,
    );
    corpus.setBoilerplate(["别的模板文字，与本文无关，共有十几个字。"]);
    expect(await corpus.findPassages(query)).toHaveLength(2);
  });
});

describe("migration 2", () => {
  it("creates the corpus tables, STRICT, prints and boilerplate WITHOUT ROWID", async () => {
    const sql = (name: string) =>
      db.prepare("SELECT sql FROM sqlite_schema WHERE name = ?").pluck().get(name) as string;
    expect(sql("corpus_documents")).toContain(") STRICT");
    expect(sql("corpus_prints")).toContain(") STRICT, WITHOUT ROWID");
    expect(sql("corpus_boilerplate")).toContain(") STRICT, WITHOUT ROWID");
  });

  it("refuses a print for a document that does not exist", async () => {
    expect(() => db.prepare("INSERT INTO corpus_prints VALUES (1, 99, 0)").run()).toThrow(
      "FOREIGN KEY constraint failed",
    );
  });

  it("upgrades a version-1 database, keeping its rows", async () => {
    const old = new BetterSqlite3(":memory:");
    migrate(old, MIGRATIONS.slice(0, 1));
    old.prepare("INSERT INTO users VALUES ('U1', '张三', '2025-03-01T08:00:00.000Z')").run();
    migrate(old);
    expect(schemaVersion(old)).toBe(9);
    expect(old.prepare("SELECT display_name FROM users").pluck().get()).toBe("张三");
    expect(await new CorpusStore(old).addDocument({ agency: "甲单位", text: textA }, t0)).toEqual({
      id: 1,
      added: true,
    });
    old.close();
  });
});
