import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateToPostgres } from "../../src/services/migrate-to-postgres.ts";
import { CorpusStore } from "../../src/storage/corpus-store.ts";
import { openDatabase } from "../../src/storage/index.ts";
import { openPostgres } from "../../src/storage/postgres/open-postgres.ts";
import { migratePostgres, PG_MIGRATIONS } from "../../src/storage/postgres/pg-migrations.ts";
import { PgSession } from "../../src/storage/postgres/pg-session.ts";
import { prng, randomText } from "../checks/copy/random-text.ts";
import { usePostgres } from "./pg-test-db.ts";

/** The stored corpus document count on PostgreSQL (migration 6) against count(*) on every path. */

const postgres = usePostgres();
const dir = mkdtempSync(join(tmpdir(), "ziping-corpus-count-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const t0 = new Date("2025-03-01T08:00:00.000Z");
const random = prng(4321);
const texts = Array.from({ length: 6 }, () => randomText(random, 300));
const text = (i: number) => texts[i] ?? "";

/** The stored count and count(*), read on a client of their own. */
async function counts(url: string): Promise<{ stored: number; actual: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ stored: number; actual: number }>(
      `SELECT (SELECT documents::int FROM corpus_stats) AS stored,
        (SELECT count(*)::int FROM corpus_documents) AS actual`,
    );
    return rows[0] ?? { stored: -1, actual: -1 };
  } finally {
    await client.end();
  }
}

describe.skipIf(postgres.missing !== undefined)("the stored corpus document count", () => {
  it("is set from count(*) when migration 6 runs over an existing corpus", async () => {
    const url = await postgres.freshUrl();
    const session = new PgSession(new pg.Pool({ connectionString: url, max: 1 }));
    try {
      await migratePostgres(session, PG_MIGRATIONS.slice(0, 5));
      for (const i of [0, 1, 2])
        await session.query(
          `INSERT INTO corpus_documents (agency, content_hash, text, added_at) VALUES ($1, $2, $3, $4)`,
          [`单位${i}`, `h${i}`, text(i), t0.toISOString()],
        );
      await migratePostgres(session);
    } finally {
      session.close();
      await session.ended();
    }
    expect(await counts(url)).toEqual({ stored: 3, actual: 3 });
  });

  it("follows documents added, a duplicate not counted, a refused batch not counted, two instances at once", async () => {
    const url = await postgres.freshUrl();
    const [one, two] = [await openPostgres(url), await openPostgres(url)];
    try {
      expect(await counts(url)).toEqual({ stored: 0, actual: 0 });
      await one.corpus.addDocuments(
        [
          { agency: "甲", text: text(0) },
          { agency: "乙", text: text(1) },
          { agency: "丙", text: text(0) },
        ],
        t0,
      );
      expect(await counts(url)).toEqual({ stored: 2, actual: 2 });
      await expect(
        one.corpus.addDocuments(
          [
            { agency: "丁", text: text(2) },
            { agency: "", text: text(3) },
          ],
          t0,
        ),
      ).rejects.toThrow();
      expect(await one.corpus.documentCount()).toBe(2);
      // Text 2 and 3 from both instances at once: each is added once.
      await Promise.all([
        one.corpus.addDocuments(
          [
            { agency: "甲", text: text(2) },
            { agency: "甲", text: text(3) },
          ],
          t0,
        ),
        two.corpus.addDocuments(
          [
            { agency: "乙", text: text(2) },
            { agency: "乙", text: text(3) },
            { agency: "乙", text: text(4) },
          ],
          t0,
        ),
      ]);
      expect(await counts(url)).toEqual({ stored: 5, actual: 5 });
      expect(await two.corpus.documentCount()).toBe(5);
    } finally {
      for (const r of [one, two]) {
        r.close();
        await r.session.ended();
      }
    }
  });

  it("is set from count(*) by ziping migrate, also when --force empties the corpus and its copy fails", async () => {
    const file = join(dir, "source.db");
    const db = openDatabase(file);
    try {
      await new CorpusStore(db).addDocuments(
        [0, 1, 2, 3].map((i) => ({ agency: `单位${i}`, text: text(i) })),
        t0,
      );
    } finally {
      db.close();
    }
    const url = await postgres.freshUrl();
    const target = await openPostgres(url);
    try {
      await target.corpus.addDocuments([{ agency: "旧", text: text(5) }], t0);
    } finally {
      target.close();
      await target.session.ended();
    }
    const options = { db: file, url, force: true, now: t0, keepMessageDays: 30 };
    const copied = await migrateToPostgres(options);
    expect(copied.ok).toBe(true);
    expect(await counts(url)).toEqual({ stored: 4, actual: 4 });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // Every fingerprint row is refused from now on: the corpus group fails at its second table.
      await client.query("ALTER TABLE corpus_prints ADD CONSTRAINT no_prints CHECK (pos < 0) NOT VALID");
      expect((await migrateToPostgres(options)).ok).toBe(false);
    } finally {
      await client.end();
    }
    // The first group emptied the corpus; the corpus group rolled back: nothing, counted as nothing.
    expect(await counts(url)).toEqual({ stored: 0, actual: 0 });
  });
});
