import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentOsUser } from "../../../src/adapters/cli/cli-access.ts";
import { DeliveryJobs, openDatabase, Store } from "../../../src/storage/index.ts";
import { LlmCallLog } from "../../../src/storage/llm-call-log.ts";
import { testPostgresApp } from "../../services/chat-harness.ts";
import { usePostgres } from "../../storage/pg-test-db.ts";
import { onPostgres, run } from "./cli-harness.ts";

/** `ziping migrate --to postgres://…`: a SQLite deployment copied to a throw-away PostgreSQL. */

const postgres = usePostgres();
const dir = mkdtempSync(join(tmpdir(), "ziping-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, "ziping.db");
const SEED = "fixtures/seeds/001_ed109474d837ba6d.txt";
const DAY = 24 * 60 * 60 * 1000;
/** The chat user: the OS login name running the tests. */
const me = currentOsUser().name;
/** The throw-away cluster trusts every connection: the password is there to be hidden. */
const PASSWORD = "s3cret-口令";

/** The URL with a password, as an operator writes it. */
function withPassword(url: string): string {
  return url.replace("postgres://ziping@", `postgres://ziping:${encodeURIComponent(PASSWORD)}@`);
}

/** Events the seed-000 conversation writes to the report's log, as the SQLite file holds them. */
const EVENTS = 6;
/** The nine messages of the seed-000 script, each recorded as handled (within the window). */
const MESSAGES = 9;
/** Fingerprints the corpus holds for the seed report added (its text as the importer reads it). */
const PRINTS = 289;

let reportId = "";

beforeAll(async () => {
  if (postgres.missing !== undefined) return;
  const chat = await run(
    "chat",
    "--script",
    "fixtures/conversations/seed-000.txt",
    "--db",
    db,
    "--out",
    join(dir, "out"),
    "--llm",
    "off",
  );
  expect(chat.code).toBe(0);
  expect((await run("corpus", "add", SEED, "--db", db)).code).toBe(0);
  const store = new Store(openDatabase(db));
  const sqlite = openDatabase(db);
  try {
    const now = new Date();
    const [report] = await store.listReports();
    reportId = report?.id ?? "";
    await store.addUnitMember("郑州市金水区电子政务中心", me, "member", now);
    await store.claimEvent("Ev-new", now);
    await store.claimEvent("Ev-old", new Date(now.getTime() - 2 * DAY));
    await store.recordProcessedMessage({
      messageId: "old:1",
      conversationKey: "terminal:liu",
      replies: [],
      now: new Date(now.getTime() - 60 * DAY),
    });
    await new DeliveryJobs(sqlite).add({ conversationKey: "terminal:liu", reportId, doc: {}, now });
    await new LlmCallLog(sqlite).record({
      reportId,
      family: "problems",
      model: "m",
      promptHash: "ab",
      latencyMs: 12.4,
      outcome: "ok",
      attempt: 1,
      at: now.toISOString(),
    });
  } finally {
    store.close();
    sqlite.close();
  }
}, 120_000);

describe.skipIf(postgres.missing !== undefined)("ziping migrate", () => {
  it("copies every table, counts them on both sides, and PostgreSQL then lists and exports the same", async () => {
    const url = await postgres.freshUrl();
    const migrated = await run("migrate", "--to", withPassword(url), "--db", db);
    expect(migrated.err).not.toContain(PASSWORD);
    expect(migrated.out).not.toContain(PASSWORD);
    expect(migrated.out).not.toContain(encodeURIComponent(PASSWORD));
    expect(migrated.code).toBe(0);
    const lines = migrated.out.split("\n");
    expect(lines[0]).toBe(
      `已把 ${db} 复制到 PostgreSQL 数据库 127.0.0.1:${new URL(url).port}/postgres。逐表核对行数：`,
    );
    const counts = Object.fromEntries(
      lines.slice(1, -1).map((l) => {
        const m = /^\s+(\S+)\s+.*SQLite\s+(\d+)\s+PostgreSQL\s+(\d+)\s+(\S+)$/u.exec(l);
        return [m?.[1], [Number(m?.[2]), Number(m?.[3]), m?.[4]]];
      }),
    );
    expect(counts).toEqual({
      用户: [1, 1, "一致"],
      报告: [1, 1, "一致"],
      报告成员: [1, 1, "一致"],
      事件: [EVENTS, EVENTS, "一致"],
      会话: [1, 1, "一致"],
      单位成员: [1, 1, "一致"],
      "已处理消息（保留期内）": [MESSAGES, MESSAGES, "一致"],
      "平台事件（保留期内）": [1, 1, "一致"],
      待交付: [1, 1, "一致"],
      模型调用: [1, 1, "一致"],
      语料库文档: [1, 1, "一致"],
      语料库指纹: [PRINTS, PRINTS, "一致"],
    });
    expect(lines.at(-1)).toBe(
      "全部一致。各实例设置 DATABASE_URL 指向该数据库后即可使用；SQLite 文件保持原样，可留作备份。",
    );

    const sqlite = new Store(openDatabase(db));
    const app = await testPostgresApp(url);
    try {
      expect((await app.store.getReport(reportId))?.doc).toEqual((await sqlite.getReport(reportId))?.doc);
      expect(await app.store.listEvents(reportId)).toEqual(await sqlite.listEvents(reportId));
      expect(await app.store.unitsOf(me)).toEqual(["郑州市金水区电子政务中心"]);
      expect(await app.store.claimEvent("Ev-new", new Date())).toBe(false);
      expect(await app.store.claimEvent("Ev-old", new Date())).toBe(true);
      expect(await app.store.getProcessedMessage("old:1")).toBeUndefined();
    } finally {
      sqlite.close();
      app.close();
      await app.closed();
    }
    for (const argv of [["reports"], ["reports", "--json"], ["export", reportId], ["corpus", "list"]]) {
      const fromSqlite = await run(...argv, "--db", db);
      expect(fromSqlite.code).toBe(0);
      expect(await onPostgres(url, ...argv, "--db", db)).toEqual(fromSqlite);
    }
  });

  it("refuses a target that holds data unless --force, and a failure rolls its group back naming the table", async () => {
    const url = await postgres.freshUrl();
    // Without --to: DATABASE_URL names the target.
    expect((await onPostgres(url, "migrate", "--db", db)).code).toBe(0);
    const again = await run("migrate", "--to", withPassword(url), "--db", db);
    expect(again.code).toBe(2);
    expect(again.err).toContain(
      `PostgreSQL 数据库 127.0.0.1:${new URL(url).port}/postgres 已有数据（用户 1 行、报告 1 行、报告成员 1 行、事件 ${EVENTS} 行、会话 1 行、单位成员 1 行、已处理消息（保留期内） ${MESSAGES} 行、平台事件（保留期内） 1 行、待交付 1 行、模型调用 1 行、语料库文档 1 行、语料库指纹 ${PRINTS} 行），`,
    );
    expect(again.err).toContain(
      `没有复制任何内容。确认用 ${db} 的内容替换它们，请加 --force，例如 ziping migrate --to postgres://… --db ${db} --force`,
    );
    expect(again.err).not.toContain(PASSWORD);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE FUNCTION no_corpus() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '磁盘已满（测试）'; END $$`);
      await client.query(
        "CREATE TRIGGER no_corpus BEFORE INSERT ON corpus_documents FOR EACH ROW EXECUTE FUNCTION no_corpus()",
      );
      const failed = await run("migrate", "--to", url, "--db", db, "--force");
      expect(failed.code).toBe(2);
      expect(failed.err.split("\n").at(-1)).toBe(
        "复制“语料库文档”（表 corpus_documents）时失败：磁盘已满（测试）。“抄袭比对语料库”这一组已全部回滚，之前的“报告、成员、事件日志、会话和单位”、“已处理的消息和平台事件”、“待交付的报告”、“模型调用记录”已写入；找到原因后重新运行并加 --force，会先清空再完整复制。",
      );
      const count = await client.query(
        "SELECT (SELECT count(*) FROM corpus_documents)::int AS d, (SELECT count(*) FROM reports)::int AS r",
      );
      expect(count.rows).toEqual([{ d: 0, r: 1 }]);
      await client.query("DROP TRIGGER no_corpus ON corpus_documents");
      const forced = await run("migrate", "--to", url, "--db", db, "--force");
      expect(forced.code).toBe(0);
      expect(forced.out.split("\n")[0]).toBe(
        `已清空 PostgreSQL 数据库 127.0.0.1:${new URL(url).port}/postgres 原有的数据（用户 1 行、报告 1 行、报告成员 1 行、事件 ${EVENTS} 行、会话 1 行、单位成员 1 行、已处理消息（保留期内） ${MESSAGES} 行、平台事件（保留期内） 1 行、待交付 1 行、模型调用 1 行），并把 ${db} 复制过去。逐表核对行数：`,
      );
    } finally {
      await client.end();
    }
  });
});
