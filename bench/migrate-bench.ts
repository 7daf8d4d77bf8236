import { join } from "node:path";
import pg from "pg";
import { migrateToPostgres } from "../src/services/migrate-to-postgres.ts";
import { CorpusStore } from "../src/storage/corpus-store.ts";
import { openDatabase } from "../src/storage/open-database.ts";
import { ReportMaker } from "./copy-bench.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

/** Corpus documents of the SQLite deployment `ziping migrate` copies (ZIPING_BENCH_MIGRATE_CORPUS). */
export const MIGRATE_CORPUS = 10_000;

/**
 * `ziping migrate` at a county's scale: a SQLite deployment whose corpus holds `size` synthetic
 * reports (as copy-bench.ts makes them) copied into an empty database of the bench's cluster, with
 * every table counted on both sides. The corpus is most of the data, so it is what takes the time.
 */
export async function migrateAtScale(
  line: Line,
  clusterUrl: string,
  dir: string,
  size: number,
): Promise<void> {
  const path = join(dir, "migrate.db");
  const db = openDatabase(path);
  const store = new CorpusStore(db);
  const maker = new ReportMaker();
  for (let first = 0; first < size; first += 500) {
    const docs = Array.from({ length: Math.min(500, size - first) }, (_, i) => ({
      agency: `单位${first + i}`,
      year: 2021,
      title: `合成报告 ${first + i}`,
      source: `bench:${first + i}`,
      kind: "department" as const,
      text: maker.report(first + i).text,
    }));
    await store.addDocuments(docs, new Date());
  }
  db.close();
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE migrate_bench");
  await admin.end();
  const t = process.hrtime.bigint();
  const migrated = await migrateToPostgres({
    db: path,
    url: clusterUrl.replace(/\/postgres$/u, "/migrate_bench"),
    force: false,
    now: new Date(),
    keepMessageDays: 30,
  });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (!migrated.ok) throw new Error(`migrate bench: ${migrated.error.message}`);
  if (migrated.value.kind !== "copied") throw new Error("migrate bench: cancelled");
  const tables = migrated.value.tables;
  const unequal = tables.filter((x) => x.source !== x.target).map((x) => x.table);
  if (unequal.length > 0) throw new Error(`migrate bench: counts differ in ${unequal.join(", ")}`);
  const prints = tables.find((x) => x.table.startsWith("corpus_prints"))?.target ?? 0;
  line("migrate_corpus_s", seconds, "s", { corpus: size, prints, tables: tables.length });
}
